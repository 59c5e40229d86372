// Publishing an export at --out: replaced only when it is the very folder the check before the run agreed to
// replace; another run's export, written meanwhile, is never lost.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkOutDir, makeStaging, publish, type OutDirPlan } from '../../src/cli/out-dir.js';

let project = '';
beforeEach(() => {
  project = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'memfs-publish-')));
});
afterEach(() => fs.rmSync(project, { recursive: true, force: true }));

const out = () => path.join(project, 'memfs-report');
const planFor = (folder: string): OutDirPlan => {
  const plan = checkOutDir(folder, { force: false, keep: [] });
  if ('problem' in plan) throw new Error(plan.problem);
  return plan;
};
/** An export as a run writes it into its staging folder: a manifest naming the run. */
const finishedExport = (plan: OutDirPlan, run: string): string => {
  const staging = makeStaging(plan);
  fs.writeFileSync(path.join(staging, 'manifest.json'), JSON.stringify({ generator: 'memfs-action', run }));
  return staging;
};
const runIn = (folder: string) => JSON.parse(fs.readFileSync(path.join(folder, 'manifest.json'), 'utf8')).run;

describe('publishing an export', () => {
  it('renames the finished export into a new --out, leaving nothing beside it', () => {
    const plan = planFor(out());
    expect(publish(finishedExport(plan, 'a'), plan)).toEqual({ dir: out() });
    expect(runIn(out())).toBe('a');
    expect(fs.readdirSync(project)).toEqual(['memfs-report']);
  });

  it('replaces the earlier export the check saw', () => {
    publish(finishedExport(planFor(out()), 'earlier'), planFor(out()));
    const plan = planFor(out());
    expect(publish(finishedExport(plan, 'later'), plan)).toEqual({ dir: out() });
    expect(runIn(out())).toBe('later');
    expect(fs.readdirSync(project)).toEqual(['memfs-report']);
  });

  it('keeps both exports of two runs that started before either finished: the later goes beside', () => {
    publish(finishedExport(planFor(out()), 'earlier'), planFor(out()));
    const [planA, planB] = [planFor(out()), planFor(out())]; // both runs saw the earlier export
    const [a, b] = [finishedExport(planA, 'a'), finishedExport(planB, 'b')];
    expect(publish(a, planA)).toEqual({ dir: out() });
    expect(publish(b, planB)).toEqual({ dir: `${out()}-2`, note: `${out()} was written by another run meanwhile, so this run's export is in ${out()}-2` });
    expect([runIn(out()), runIn(`${out()}-2`)]).toEqual(['a', 'b']);
    expect(fs.readdirSync(project).sort()).toEqual(['memfs-report', 'memfs-report-2']);
  });

  it('keeps both when --out was new for both runs, and takes the next free name beside it', () => {
    fs.mkdirSync(`${out()}-2`);
    fs.writeFileSync(path.join(`${out()}-2`, 'mine.txt'), 'not an export');
    const [planA, planB] = [planFor(out()), planFor(out())];
    const [a, b] = [finishedExport(planA, 'a'), finishedExport(planB, 'b')];
    publish(a, planA);
    expect(publish(b, planB).dir).toBe(`${out()}-3`);
    expect([runIn(out()), runIn(`${out()}-3`), fs.readFileSync(path.join(`${out()}-2`, 'mine.txt'), 'utf8')]).toEqual(['a', 'b', 'not an export']);
  });
});
