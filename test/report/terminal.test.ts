import { describe, expect, it } from 'vitest';
import { renderTerminalReport } from '../../src/report/terminal.js';
import { change, fixedChangeSet, fixedInput } from './fixture.js';

const escape = '\u001b[';

describe('renderTerminalReport', () => {
  it('renders the fixed change set as plain aligned text', () => {
    expect(renderTerminalReport(fixedInput({ exportDir: './memfs-report', artifact: undefined }), { color: false }))
      .toMatchInlineSnapshot(`
        "memfs-action: the command failed with exit code 1 after 3.3 s
          command: npm test
          changes: 4 created (1 directory), 1 modified, 1 deleted, 1 transient

          created or modified (5):
            created   workspace/current -> out            node scripts/build.js
            created   workspace/out/report.json  1.5 KiB  test/report.test.js
            modified  workspace/package.json       412 B  node scripts/build.js
            created   tmp/cache/session.json     2.0 KiB  test/report.test.js
            and 1 directory holding these (listed in manifest.json)

          deleted (1):
            workspace/fixtures/old.txt

          transient (1):
            tmp/lock-4242

          written by (2 processes):
            pid 4242  test/report.test.js
              node --test test/
            pid 4243  node scripts/build.js

          export: ./memfs-report (manifest.json, summary.md)

          warnings:
            ! process 4250 (node worker.js) ended with unsaved writes to a file it still had open (/home/runner/work/app/app/out/run.log): those writes are missing
        "
      `);
  });

  it('names every part of the export it wrote: files/ and transient/ only when they got a file', () => {
    const exported = fixedChangeSet();
    exported.changes = exported.changes.map((c) =>
      c.change === 'created' && c.type === 'file' ? { ...c, exportedAs: `files/${c.root}/${c.relativePath}` }
        : c.change === 'transient' ? { ...c, exportedAs: `transient/${c.root}/${c.relativePath}` } : c);
    const exportLine = (input: ReturnType<typeof fixedInput>) =>
      renderTerminalReport(input, { color: false }).split('\n').find((line) => line.includes('export:'));
    expect(exportLine(fixedInput({ exportDir: '/x', changeSet: exported }))).toBe('  export: /x (files/, transient/, manifest.json, summary.md)');
    expect(exportLine(fixedInput({ exportDir: '/x' }))).toBe('  export: /x (manifest.json, summary.md)');
  });

  it('uses no colour when asked for none', () => {
    expect(renderTerminalReport(fixedInput(), { color: false })).not.toContain(escape);
  });

  it('colours the outcome when asked to', () => {
    expect(renderTerminalReport(fixedInput(), { color: true })).toContain(`${escape}31m`);
  });

  it('uses no colour by default when stdout is not a TTY', () => {
    const wasTTY = process.stdout.isTTY;
    Object.defineProperty(process.stdout, 'isTTY', { value: false, configurable: true });
    try {
      expect(renderTerminalReport(fixedInput())).not.toContain(escape);
    } finally {
      Object.defineProperty(process.stdout, 'isTTY', { value: wasTTY, configurable: true });
    }
  });

  it('never passes a control character of a file name to the terminal', () => {
    const cs = fixedChangeSet();
    cs.changes.push(change({ root: 'workspace', relativePath: 'evil\u001b[2Jname', change: 'created', size: 1 }));
    const text = renderTerminalReport(fixedInput({ changeSet: cs }), { color: false });
    expect(text).toContain('workspace/evil\\x1b[2Jname');
    expect(text).not.toContain('\u001b');
  });

  it('shows a byte of a file name that is not UTF-8 as \\x of that byte', () => {
    const cs = fixedChangeSet();
    cs.changes.push(change({ root: 'workspace', relativePath: 'd\udcff/caf\udce9.txt', change: 'created', size: 1 }));
    const text = renderTerminalReport(fixedInput({ changeSet: cs }), { color: false });
    expect(text).toContain('workspace/d\\xff/caf\\xe9.txt');
    expect(text).not.toMatch(/[\ud800-\udfff]/);
  });

  it('caps each list and points at the manifest for the rest', () => {
    const cs = fixedChangeSet();
    for (let i = 0; i < 50; i++) cs.changes.push(change({ root: 'workspace', relativePath: `gone/${i}`, change: 'deleted', size: 1 }));
    const text = renderTerminalReport(fixedInput({ changeSet: cs }), { color: false, maxRows: 10 });
    expect(text).toContain('… and 41 more (see manifest.json)');
  });

  it('shows the artifact URL when there is one', () => {
    expect(renderTerminalReport(fixedInput(), { color: false })).toContain('artifact: https://github.com/octo/app/actions/runs/99/artifacts/1007');
  });
});
