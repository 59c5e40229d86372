// The demo suite: `npm run demo` runs it under memfs-action. One test fails on purpose, so the export shows what
// the tests wrote (out/, a file they deleted, a scratch file in the temp dir) while the repository stays untouched.
'use strict';
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const { test } = require('node:test');
const { writeReport, clearCache } = require('./report.js');

const out = path.join(__dirname, 'out');

test('writes a report that reads back', () => {
  writeReport(out, [{ name: 'a', ok: true }, { name: 'b', ok: false }]);
  const report = JSON.parse(fs.readFileSync(path.join(out, 'report.json'), 'utf8'));
  assert.strictEqual(report.total, 2);
});

test('clears the stale cache', () => {
  clearCache(path.join(__dirname, 'fixtures'));
  assert.ok(!fs.existsSync(path.join(__dirname, 'fixtures', 'stale.cache')));
});

test('counts every passing item (fails on purpose: look at out/summary.txt in the export)', () => {
  const { passed } = writeReport(out, [{ name: 'a', ok: true }, { name: 'b', ok: true }, { name: 'c', ok: false }]);
  assert.strictEqual(passed, 3);
});
