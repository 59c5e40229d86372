// What changed on the real disk outside the overlay, as the terminal report and the job summary lay it out: one
// count on both, hostile names escaped, long lists capped, folders the check could not read warned about.
import { describe, expect, it } from 'vitest';
import type { DiskChange, DiskCheck } from '../../src/changes/types.js';
import { renderJobSummary } from '../../src/report/job-summary.js';
import { renderDiskChanges, renderTerminalReport } from '../../src/report/terminal.js';
import { fixedChangeSet, fixedInput, roots } from './fixture.js';

function diskChange(p: Pick<DiskChange, 'relativePath' | 'change'> & Partial<DiskChange>): DiskChange {
  return { path: `${roots[0]!.path}/${p.relativePath}`, root: 'workspace', type: 'file', ...p };
}

function withDisk(disk: DiskCheck) {
  return fixedInput({ changeSet: { ...fixedChangeSet(), disk } });
}

const rmRf: DiskCheck = {
  changed: [
    diskChange({ relativePath: 'test/tmp', change: 'modified', type: 'directory', differs: ['inode'] }),
    diskChange({ relativePath: 'test/tmp/fixture.bin', change: 'deleted', size: 2048 }),
  ],
  unreadable: [],
};

describe('changes on the real disk in the reports', () => {
  it('gives the same count in the terminal report and the job summary', () => {
    const terminal = renderTerminalReport(withDisk(rmRf), { color: false });
    expect(terminal).toContain('  real disk: 2 paths changed outside the overlay\n');
    expect(terminal).toContain('  changed on the real disk, outside the overlay (2):\n');
    expect(terminal).toMatch(/ {4}modified +workspace\/test\/tmp\/ +\(inode changed\)\n {4}deleted +workspace\/test\/tmp\/fixture\.bin +2\.0 KiB\n/);
    const summary = renderJobSummary(withDisk(rmRf));
    expect(summary).toContain('<tr><th align="left">Real disk</th><td>2 paths changed outside the overlay</td></tr>');
    expect(summary).toContain('### ⚠️ Changed on the real disk, outside the overlay (2)');
    expect(summary).toContain('<li>modified <code>workspace/test/tmp/</code> <em>(inode changed)</em></li>');
  });

  it('says the disk is unchanged when the check found nothing, and says nothing when there was no check', () => {
    expect(renderTerminalReport(withDisk({ changed: [], unreadable: [] }), { color: false })).toContain('  real disk: unchanged under the roots\n');
    expect(renderJobSummary(withDisk({ changed: [], unreadable: [] }))).not.toContain('Changed on the real disk');
    expect(renderTerminalReport(fixedInput(), { color: false })).not.toContain('real disk');
    expect(renderJobSummary(fixedInput())).not.toContain('Real disk');
  });

  it('escapes a hostile name: HTML in the summary, control characters in the terminal', () => {
    const disk: DiskCheck = { changed: [diskChange({ relativePath: '<img src=x>\u001b[2J.txt', change: 'created', size: 1 })], unreadable: [] };
    expect(renderJobSummary(withDisk(disk))).toContain('<code>workspace/&lt;img src=x&gt;\\x1b[2J.txt</code>');
    expect(renderTerminalReport(withDisk(disk), { color: false })).toContain('workspace/<img src=x>\\x1b[2J.txt');
  });

  it('caps a deleted tree of 10,000 paths in both, and keeps the summary under its byte limit', () => {
    const changed = Array.from({ length: 10_000 }, (_, i) => diskChange({ relativePath: `build/${String(i).padStart(5, '0')}.js`, change: 'deleted', size: 100 }));
    const input = withDisk({ changed, unreadable: [] });
    const terminal = renderTerminalReport(input, { color: false });
    expect(terminal).toContain('outside the overlay (10000):');
    expect(terminal).toContain('… and 9960 more (see manifest.json)');
    const summary = renderJobSummary(input, { maxBytes: 64 * 1024 });
    expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(64 * 1024);
    expect(summary).toContain('### ⚠️ Changed on the real disk, outside the overlay (10000)');
    expect(summary).toMatch(/<li>… and \d+ more \(an export's <code>manifest\.json<\/code> lists every one/);
  });

  it('warns about the folders it could not read and a check that stopped, on every surface', () => {
    const disk: DiskCheck = {
      changed: [],
      unreadable: [{ path: '/home/runner/work/app/app/secret', reason: 'EACCES' }],
      incomplete: 'the roots hold more entries than the check walks (it stopped at /tmp/x); what changed beyond is not known',
    };
    const warning = 'The real disk could not be checked below a folder that could not be read: /home/runner/work/app/app/secret (EACCES).';
    expect(renderTerminalReport(withDisk(disk), { color: false })).toContain(warning);
    expect(renderJobSummary(withDisk(disk))).toContain(warning);
    const alone = renderDiskChanges({ ...fixedChangeSet(), disk }, { color: false, fullList: 'x' });
    expect(alone).toContain(warning);
    expect(alone).toContain('The check of the real disk is incomplete: the roots hold more entries');
  });
});
