#!/usr/bin/env node
// Type-checks every workspace that has a tsconfig.json (strict, no emit).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
// Projects with their own tsconfig inside a workspace: the web's browser tests run on Node.
const extraProjects = ['apps/web/e2e'];
let failed = false;
for (const ws of [...pkg.workspaces, ...extraProjects]) {
  if (!fs.existsSync(path.join(root, ws, 'tsconfig.json'))) continue;
  const r = spawnSync(path.join(root, 'node_modules/.bin/tsc'), ['-p', ws, '--noEmit'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`type errors in ${ws}`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
