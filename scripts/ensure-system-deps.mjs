#!/usr/bin/env node
// Installs the Debian packages listed in scripts/system-deps/*.txt when they are missing, so
// that `npm test` passes on a fresh machine that has only Node and npm. Prints what it does.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const dir = path.join(import.meta.dirname, 'system-deps');
const wanted = [
  ...new Set(
    fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .flatMap((f) => fs.readFileSync(path.join(dir, f), 'utf8').split('\n'))
      .map((l) => l.replace(/#.*/, '').trim())
      .filter(Boolean),
  ),
];

const isInstalled = (pkg) => {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
};

if (spawnSync('dpkg-query', ['--version']).status !== 0) {
  console.log('[system-deps] not a Debian system: make sure these are installed:', wanted.join(' '));
  process.exit(0);
}
const missing = wanted.filter((p) => !isInstalled(p));
if (missing.length === 0) {
  console.log(`[system-deps] all ${wanted.length} Debian packages present`);
  process.exit(0);
}
console.log(`[system-deps] installing: ${missing.join(' ')}`);
const asRoot = process.getuid?.() === 0 ? [] : ['sudo', '-n'];
const run = (args) => execFileSync(asRoot.length ? asRoot[0] : args[0], asRoot.length ? [...asRoot.slice(1), ...args] : args.slice(1), { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
try {
  run(['apt-get', 'update', '-q']);
  run(['apt-get', 'install', '-y', '-q', '--no-install-recommends', ...missing]);
} catch (error) {
  console.error(`[system-deps] could not install ${missing.join(' ')}: ${error.message}`);
  process.exit(1);
}
