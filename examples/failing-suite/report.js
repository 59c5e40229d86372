// A tiny "report generator" for the demo: it writes a JSON report and a text summary into out/, keeps a scratch
// file in the temp dir while it works, and clears a stale cache file.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

function writeReport(outDir, items) {
  const scratch = path.join(os.tmpdir(), `report-${process.pid}.partial`);
  fs.writeFileSync(scratch, JSON.stringify(items));
  fs.mkdirSync(outDir, { recursive: true });
  const passed = items.filter((item) => item.ok).length;
  fs.writeFileSync(path.join(outDir, 'report.json'), JSON.stringify({ total: items.length, passed, items }, null, 2));
  fs.writeFileSync(path.join(outDir, 'summary.txt'), `${passed}/${items.length} passed\n`);
  fs.rmSync(scratch);
  return { total: items.length, passed };
}

function clearCache(dir) {
  const stale = path.join(dir, 'stale.cache');
  if (fs.existsSync(stale)) fs.unlinkSync(stale);
}

module.exports = { writeReport, clearCache };
