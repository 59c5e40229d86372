// A fixed change set, shaped like what the fold produces for a small failing suite, shared by the report tests.
import type { ChangeSet, PathChange } from '../../src/changes/types.js';
import type { ReportInput } from '../../src/report/types.js';

export const roots = [
  { label: 'workspace', path: '/home/runner/work/app/app' },
  { label: 'tmp', path: '/tmp' },
];

export function change(p: Partial<PathChange> & Pick<PathChange, 'root' | 'relativePath' | 'change'>): PathChange {
  const root = roots.find((r) => r.label === p.root)!;
  return { path: `${root.path}/${p.relativePath}`, type: 'file', mode: 0o644, size: 0, ...p };
}

export function fixedChangeSet(): ChangeSet {
  return {
    roots,
    writers: [
      { pid: 4242, command: 'node --test test/', testFile: '/home/runner/work/app/app/test/report.test.js' },
      { pid: 4243, command: 'node scripts/build.js' },
    ],
    changes: [
      change({ root: 'tmp', relativePath: 'cache/session.json', change: 'created', size: 2048, firstWriter: 0 }),
      change({ root: 'workspace', relativePath: 'out/report.json', change: 'created', size: 1536, firstWriter: 0 }),
      change({ root: 'workspace', relativePath: 'out', change: 'created', type: 'directory', mode: 0o755, size: 4096, firstWriter: 0 }),
      change({ root: 'workspace', relativePath: 'package.json', change: 'modified', size: 412, contentChanged: true, firstWriter: 1 }),
      change({ root: 'workspace', relativePath: 'current', change: 'created', type: 'symlink', size: 3, target: 'out', firstWriter: 1 }),
      change({ root: 'workspace', relativePath: 'fixtures/old.txt', change: 'deleted', size: 10, firstWriter: 0 }),
      change({ root: 'tmp', relativePath: 'lock-4242', change: 'transient', size: 5, firstWriter: 0 }),
    ],
    gaps: [{
      pid: 4250, command: 'node worker.js', reason: 'process-died-before-flush',
      detail: 'process 4250 ended with unsaved writes to a file it still had open (/home/runner/work/app/app/out/run.log): those writes are missing',
    }],
  };
}

export function fixedInput(overrides: Partial<ReportInput> = {}): ReportInput {
  return {
    changeSet: fixedChangeSet(),
    command: 'npm test',
    exitCode: 1,
    durationMs: 3250,
    artifact: {
      id: 1007,
      url: 'https://github.com/octo/app/actions/runs/99/artifacts/1007',
      name: 'memfs-test-0-1',
      runId: '99',
      repository: 'octo/app',
    },
    warnings: [],
    ...overrides,
  };
}
