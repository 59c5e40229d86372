import { describe, expect, it } from 'vitest';
import { minimalSummaryMarkdown } from '../../src/changes/summary-markdown.js';
import { renderJobSummary } from '../../src/report/job-summary.js';
import { renderTerminalReport } from '../../src/report/terminal.js';
import { showInvisible } from '../../src/report/visible.js';
import { change, fixedChangeSet, fixedInput } from './fixture.js';

// Each of these draws nothing, moves the cursor or turns the text around it.
const hidden = {
  'right-to-left override': '\u202e',
  'left-to-right isolate': '\u2066',
  'arabic letter mark': '\u061c',
  'zero-width space': '\u200b',
  'zero-width joiner': '\u200d',
  'word joiner': '\u2060',
  'byte order mark': '\ufeff',
  'soft hyphen': '\u00ad',
  'C1 next line': '\u0085',
  'C1 control sequence introducer': '\u009b',
  'line separator': '\u2028',
  'no-break space': '\u00a0',
  'Hangul filler': '\u3164',
  'tag letter': '\u{e0041}',
  escape: '\u001b',
  delete: '\u007f',
};

describe('showInvisible', () => {
  it.each(Object.entries(hidden))('shows a %s as an escape', (_name, char) => {
    const shown = showInvisible(`a${char}b`);
    expect(shown).not.toContain(char);
    expect(shown).toMatch(/^a\\(x[0-9a-f]{2}|u\{[0-9A-F]{4,5}\})b$/);
  });

  it('keeps plain spaces, accents, other scripts and emoji', () => {
    const text = 'rapport final é 日本語 שלום 🙂.txt';
    expect(showInvisible(text)).toBe(text);
  });

  it('tells a C1 control from a byte that is not UTF-8', () => {
    expect(showInvisible('\u0085')).toBe('\\u{0085}');
    expect(showInvisible('\udc85')).toBe('\\x85');
  });

  it('names the code point of a bidi override', () => {
    expect(showInvisible('invoice\u202egpj.exe')).toBe('invoice\\u{202E}gpj.exe');
  });
});

describe('every surface', () => {
  const name = `report${Object.values(hidden).join('')}.txt`;
  const cs = fixedChangeSet();
  cs.changes.push(change({ root: 'workspace', relativePath: name, change: 'created', size: 1, firstWriter: 0 }));
  cs.writers.push({ pid: 1, command: 'node \u202eevil.js' });
  cs.gaps.push({ reason: 'other', pid: 1, command: 'node \u202eevil.js', detail: `process 1 could not journal /tmp/${name}` });
  const input = fixedInput({ changeSet: cs, command: 'npm test \u202e', warnings: [`a warning about ${name}`] });
  const surfaces = {
    terminal: renderTerminalReport(input, { color: false }),
    'job summary': renderJobSummary(input),
    'summary.md without a renderer': minimalSummaryMarkdown(cs, { command: input.command, exitCode: 1, durationMs: 1 }),
  };

  it.each(Object.entries(surfaces))('the %s shows no invisible character', (_surface, text) => {
    for (const char of Object.values(hidden)) expect(text).not.toContain(char);
    expect(text).toContain('report\\u{202E}');
  });
});
