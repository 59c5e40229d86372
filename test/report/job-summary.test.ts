import { describe, expect, it } from 'vitest';
import { renderJobSummary } from '../../src/report/job-summary.js';
import { change, fixedChangeSet, fixedInput } from './fixture.js';

describe('renderJobSummary', () => {
  it('renders the fixed change set as the stored markdown', async () => {
    await expect(renderJobSummary(fixedInput())).toMatchFileSnapshot('./__snapshots__/job-summary.md');
  });

  it('says the command passed and shows no artifact section when nothing was uploaded', () => {
    const md = renderJobSummary(fixedInput({ exitCode: 0, artifact: undefined }));
    expect(md).toMatch(/^## ✅ memfs-action: the command passed/);
    expect(md).not.toContain('### Artifact');
  });

  it('says the command did not finish when its exit code is unknown', () => {
    expect(renderJobSummary(fixedInput({ exitCode: null }))).toContain('did not finish');
  });

  it('links the artifact and prints the gh run download line', () => {
    const md = renderJobSummary(fixedInput());
    expect(md).toContain('<a href="https://github.com/octo/app/actions/runs/99/artifacts/1007">memfs-test-0-1 (id 1007)</a>');
    expect(md).toContain('gh run download 99 --repo octo/app --name memfs-test-0-1');
  });

  it('escapes HTML in paths, the command and warnings', () => {
    const cs = fixedChangeSet();
    cs.changes.push(change({ root: 'workspace', relativePath: '<img src=x onerror=alert(1)>&"|`.txt', change: 'created', size: 1 }));
    const md = renderJobSummary(fixedInput({ changeSet: cs, command: 'echo "<b>" && exit 1', warnings: ['<script>'] }));
    expect(md).toContain('<code>workspace/&lt;img src=x onerror=alert(1)&gt;&amp;&quot;|`.txt</code>');
    expect(md).toContain('<code>echo &quot;&lt;b&gt;&quot; &amp;&amp; exit 1</code>');
    expect(md).toContain('<li>&lt;script&gt;</li>');
    expect(md).not.toMatch(/<img|<script|<b>/);
  });

  it('shows control characters in file names as \\x escapes', () => {
    const cs = fixedChangeSet();
    cs.changes.push(change({ root: 'workspace', relativePath: 'bell\u0007\nname', change: 'created', size: 1 }));
    expect(renderJobSummary(fixedInput({ changeSet: cs }))).toContain('<code>workspace/bell\\x07\\x0aname</code>');
  });

  it('shows a byte of a file name that is not UTF-8 as \\x of that byte, not as U+FFFD', () => {
    const cs = fixedChangeSet();
    cs.changes.push(change({ root: 'workspace', relativePath: 'caf\udce9.txt', change: 'modified', size: 1 }));
    expect(renderJobSummary(fixedInput({ changeSet: cs }))).toContain('<code>workspace/caf\\xe9.txt</code>');
  });

  it('caps the table and says how many more paths are in the artifact', () => {
    const cs = fixedChangeSet();
    for (let i = 0; i < 300; i++) cs.changes.push(change({ root: 'workspace', relativePath: `gen/${String(i).padStart(3, '0')}.txt`, change: 'created', size: i }));
    const md = renderJobSummary(fixedInput({ changeSet: cs }), { maxRows: 100 });
    const touched = 300 + 4; // the fixture's rows: its out/ directory is implied by out/report.json
    expect(md).toContain(`### Created or modified (${touched + 1})`);
    expect(md).toContain('And 1 directory holding these paths, not listed');
    expect(md.match(/<tr><td>/g)).toHaveLength(100);
    expect(md).toContain(`… and ${touched - 100} more in the artifact`);
  });

  it('stays under 900 KiB for 50,000 changes with 1,000-character paths', () => {
    const cs = fixedChangeSet();
    const long = 'd/'.repeat(500);
    for (let i = 0; i < 50_000; i++) {
      cs.changes.push(change({ root: 'workspace', relativePath: `${long}${i}.bin`, change: i % 3 === 0 ? 'deleted' : i % 3 === 1 ? 'created' : 'transient', size: i }));
    }
    const warnings = Array.from({ length: 500 }, (_, i) => `warning ${i} ${'w'.repeat(5000)}`);
    const md = renderJobSummary(fixedInput({ changeSet: cs, command: 'x'.repeat(100_000), warnings }));
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(900 * 1024);
    expect(md).toMatch(/… and \d+ more in the artifact/);
    expect(md).toContain('… and 481 more (see the step log)');
  });

  it('fits any maxBytes it is given, even one smaller than the fixed part', () => {
    for (const maxBytes of [200, 2_000, 20_000]) {
      expect(Buffer.byteLength(renderJobSummary(fixedInput(), { maxBytes }))).toBeLessThanOrEqual(maxBytes);
    }
  });

  it('says next to a path why its bytes are not in the artifact', () => {
    const cs = fixedChangeSet();
    cs.changes.push(change({ root: 'workspace', relativePath: '.env', change: 'created', size: 9, contentOmitted: 'excluded' }));
    expect(renderJobSummary(fixedInput({ changeSet: cs }))).toContain('<code>workspace/.env</code> <em>(not uploaded: matches exclude)</em>');
  });

  it('marks a file whose mode changed but not its content as metadata only', () => {
    const cs = fixedChangeSet();
    cs.changes.push(change({ root: 'workspace', relativePath: 'run.sh', change: 'modified', size: 9, contentChanged: false, metadataChanged: true }));
    expect(renderJobSummary(fixedInput({ changeSet: cs }))).toContain('<code>workspace/run.sh</code> <em>(metadata only)</em>');
  });

  it('leaves out the rows of directories whose content is listed, and keeps empty ones', () => {
    const cs = fixedChangeSet();
    cs.changes.push(change({ root: 'workspace', relativePath: 'empty', change: 'created', type: 'directory', size: 0 }));
    const md = renderJobSummary(fixedInput({ changeSet: cs }));
    expect(md).not.toContain('<code>workspace/out/</code>');
    expect(md).toContain('<code>workspace/out/report.json</code>');
    expect(md).toContain('<code>workspace/empty/</code>');
  });

  it('reports the unsaved writes a dead process took with it as one warning sentence naming its command', () => {
    expect(renderJobSummary(fixedInput())).toContain('<li>process 4250 (node worker.js) ended with unsaved writes to a file it still had open '
      + '(/home/runner/work/app/app/out/run.log): those writes are missing</li>');
  });

  it('lists deleted and transient paths in their own sections', () => {
    const md = renderJobSummary(fixedInput());
    expect(md).toMatch(/<summary>Deleted: 1<\/summary>\n<ul>\n<li><code>workspace\/fixtures\/old.txt<\/code>/);
    expect(md).toMatch(/<summary>Transient \(created and removed during the run\): 1<\/summary>\n<ul>\n<li><code>tmp\/lock-4242<\/code>/);
  });
});
