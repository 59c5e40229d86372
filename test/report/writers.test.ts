import { describe, expect, it } from 'vitest';
import { foldText, wrapWords } from '../../src/report/fold.js';
import { processLabel, processRows } from '../../src/report/writers.js';
import { roots } from './fixture.js';

describe('processLabel', () => {
  it.each([
    ['/usr/bin/node /home/runner/work/app/app/node_modules/vitest/dist/workers/forks.js', 'vitest worker'],
    ['/usr/bin/node /home/runner/work/app/app/node_modules/vitest/vitest.mjs run', 'vitest'],
    ['/usr/bin/node /home/runner/work/app/app/node_modules/jest-worker/build/workers/processChild.js', 'jest worker'],
    ['/usr/bin/node /home/runner/work/app/app/node_modules/mocha/bin/mocha.js --recursive', 'mocha'],
    ['/usr/bin/node --test --test-reporter spec test/', 'node --test'],
    ['/usr/bin/node -e require("fs").writeFileSync("a", "b")', 'node -e'],
    ['/usr/bin/node --eval=1', 'node --eval'],
    ['/usr/bin/node --require ./setup.js /home/runner/work/app/app/scripts/build.js --watch', 'node scripts/build.js'],
    ['/usr/bin/node /home/runner/work/app/app/node_modules/typescript/bin/tsc -p .', 'typescript'],
    ['/usr/bin/node /home/runner/work/app/app/node_modules/.bin/eslint .', 'eslint'],
    ['/usr/bin/node', 'node'],
  ])('names %s "%s"', (command, label) => {
    expect(processLabel(command, roots)).toBe(label);
  });

  it('keeps a long script path to its last folders and its name', () => {
    const deep = `/usr/bin/node /home/runner/work/app/app/${'nested/'.repeat(20)}tools/generate.js`;
    const label = processLabel(deep, roots);
    expect(label).toMatch(/^node …\/(nested\/)+tools\/generate\.js$/);
    expect(label.length - 'node '.length).toBeLessThanOrEqual(60);
  });
});

describe('processRows', () => {
  it('lists a process once, with every test file it wrote for', () => {
    const rows = processRows({
      roots,
      changes: [],
      gaps: [],
      writers: [
        { pid: 7, command: '/usr/bin/node /home/runner/work/app/app/node_modules/vitest/dist/workers/forks.js', testFile: '/home/runner/work/app/app/a.test.ts' },
        { pid: 7, command: '/usr/bin/node /home/runner/work/app/app/node_modules/vitest/dist/workers/forks.js', testFile: 'file:///home/runner/work/app/app/b.test.ts' },
      ],
    });
    expect(rows).toEqual([{ pid: 7, label: 'vitest worker', testFiles: ['a.test.ts', 'b.test.ts'], command: expect.stringContaining('forks.js') }]);
  });
});

describe('wrapWords', () => {
  it('breaks at spaces only, and gives a word longer than the line a line of its own, whole', () => {
    const path = '/a/very/long/path/that/does/not/fit/on/one/line.txt';
    const lines = wrapWords(`the file ${path} could not be saved`, 20, '  ');
    expect(lines).toEqual(['the file', `  ${path}`, '  could not be saved']);
  });
});

describe('foldText', () => {
  it('leaves a text under the limit as it is', () => {
    expect(foldText('short.', 100)).toBe('short.');
  });

  it('drops whole sentences from the end, and says where the rest is', () => {
    const text = `${'First sentence that matters. '.repeat(3)}A last sentence with many words in it.`;
    const folded = foldText(text, 100);
    expect(folded.length).toBeLessThanOrEqual(100);
    expect(folded).toMatch(/matters\. … \(the whole text is in manifest\.json\)$/);
  });

  it('cuts one long sentence between words, never inside one', () => {
    const words = Array.from({ length: 50 }, (_, i) => `word${i}`);
    const folded = foldText(words.join(' '), 80);
    const kept = folded.replace(/ … \(.*\)$/, '').split(' ');
    expect(kept.every((word) => words.includes(word))).toBe(true);
  });
});
