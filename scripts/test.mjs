#!/usr/bin/env node
// `npm test`: every test. Installs missing system packages, builds the web app for the browser
// tests, then runs the unit, integration (SQLite and a throw-away PostgreSQL) and end-to-end
// projects in one Vitest run, and ends with a plain "N passed, N failed" line.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const bin = (name) => path.join(root, 'node_modules/.bin', name);
const step = (title, cmd, args) => {
  console.log(`\n== ${title}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`== ${title}: failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status || 1);
  }
};

step('System packages', bin('node'), ['scripts/ensure-system-deps.mjs']);
step('Type check', bin('node'), ['scripts/typecheck.mjs']);
step('Lint', bin('eslint'), ['.']);
step('Build the web app', bin('vite'), ['build', 'apps/web', '--logLevel', 'warn']);

const report = path.join(root, 'test-artifacts/vitest.json');
fs.mkdirSync(path.dirname(report), { recursive: true });
fs.rmSync(report, { force: true });
console.log('\n== Tests');
const run = spawnSync(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
if (fs.existsSync(report)) {
  const r = JSON.parse(fs.readFileSync(report, 'utf8'));
  const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  console.log(`\nTests: ${r.numPassedTests} passed, ${r.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`);
}
process.exit(run.status ?? 1);
