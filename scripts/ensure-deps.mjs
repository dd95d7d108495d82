// Makes `npm start` and `npm test` work on a fresh clone: installs the npm dependencies when
// they are missing or stale (uses only node built-ins, so it runs before `npm ci`).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';

export function ensureNodeModules() {
  const marker = 'node_modules/.package-lock.json';
  const fresh = existsSync(marker) && existsSync('package-lock.json') &&
    statSync(marker).mtimeMs >= statSync('package-lock.json').mtimeMs - 1000;
  if (fresh) return;
  console.log('Installing dependencies (npm ci)…');
  const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error('npm ci failed; see above.');
    process.exit(r.status ?? 1);
  }
}

/** Debian's Chromium for the browser journeys (Playwright cannot download one here). */
export function ensureChromium() {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (existsSync(path)) return path;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const debian = existsSync('/etc/debian_version') && existsSync('/usr/bin/apt-get');
  if (isRoot && debian) {
    console.log('Installing Debian\'s chromium for the browser tests (apt-get install -y chromium)…');
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (existsSync(path)) return path;
  }
  console.error(`No Chromium at ${path}. Install it (Debian: sudo apt-get install -y chromium) or set CHROMIUM_PATH.`);
  return null;
}

export function packageVersion() {
  return JSON.parse(readFileSync('package.json', 'utf8')).version;
}
