// Keeps `npm ci` working with a registry that lacks other platforms' optional binaries.
//
// The registry these machines reach has only the linux-x64 builds of packages such as jest 30's unrs-resolver. npm
// then leaves the other platforms' optional dependencies out of package-lock.json, and `npm ci` refuses the lock as
// "not in sync". This script adds, for each optional dependency that is missing from the lock, an entry restricted
// to the os and cpu its name states, which npm ci skips on this platform (as it would skip the real package).
// Run it after every `npm install` that changes package-lock.json: `node scripts/lockfile-platform-stubs.mjs`.
import { readFileSync, writeFileSync } from 'node:fs';

const lockPath = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
const OS = ['android', 'darwin', 'freebsd', 'linux', 'openharmony', 'win32', 'openbsd', 'netbsd', 'sunos', 'aix'];
const CPU = { 'arm-eabi': 'arm', arm64: 'arm64', x64: 'x64', ia32: 'ia32', ppc64: 'ppc64', riscv64: 'riscv64', s390x: 's390x', loong64: 'loong64', arm: 'arm', wasm32: 'wasm32' };

function platformOf(name) {
  const parts = name.split('/').pop().split('-');
  const os = parts.find((p) => OS.includes(p));
  const cpuKey = Object.keys(CPU).find((k) => parts.join('-').includes(`${os}-${k}`));
  return os && cpuKey ? { os: [os], cpu: [CPU[cpuKey]] } : undefined;
}

let added = 0;
for (const [key, entry] of Object.entries(lock.packages)) {
  for (const [dep, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const where = `${key ? `${key}/` : ''}node_modules/${dep}`;
    if (lock.packages[where] || lock.packages[`node_modules/${dep}`]) continue;
    const platform = platformOf(dep);
    if (!platform) throw new Error(`${dep}: optional dependency missing from the lock and no platform in its name`);
    lock.packages[`node_modules/${dep}`] = { version, dev: entry.dev || undefined, optional: true, ...platform };
    added++;
  }
}
writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`package-lock.json: ${added} optional platform entries added`);
