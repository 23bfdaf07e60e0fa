// Experiment helper (not part of the bench): generate a register into a kept SQLite folder.
import { migrateToLatest, openDatabase } from '../../apps/server/src/platform/db/database.ts';
import { generateRegister } from './generate.ts';
const [dir, items] = process.argv.slice(2);
const handle = openDatabase({ dataDir: dir! });
await migrateToLatest(handle.db);
console.log(JSON.stringify(await generateRegister({ sqlite: handle.sqlite! }, { items: Number(items) })));
await handle.close();
