// `tsx scripts/bench-register/make-sqlite.ts DIR ITEMS`: generate a register into a kept SQLite
// folder (bmnn.sqlite + register.json), for `npm run bench:register -- --sqlite-dir DIR`.
import fs from 'node:fs';
import path from 'node:path';
import { migrateTo, openDatabase } from '../../apps/server/src/platform/db/database.ts';
import { generateRegister } from './generate.ts';
const [dir, items] = process.argv.slice(2);
const handle = openDatabase({ dataDir: dir! });
await migrateTo(handle.db, '0011-copies');
const t0 = performance.now();
const g = await generateRegister({ sqlite: handle.sqlite! }, { items: Number(items) });
fs.writeFileSync(path.join(dir!, 'register.json'), JSON.stringify({ ...g, seconds: Math.round((performance.now() - t0) / 1000) }));
await handle.close();
