// `node --expose-gc --import tsx scripts/bench-register/export-memory.ts DIR small|big`: the live
// memory of a book's XLSX export, in-process on a register kept by make-sqlite.ts (DIR). The
// export is written to a sink that forces a garbage collection every 20 chunks and records the
// JS heap still in use and the memory outside it (Buffers). If these stay the same for the
// 10 000-line and the 100 000-line book, nothing the export keeps grows with the line count;
// a process's RSS can still grow, with the garbage V8 has not yet collected.
import fs from 'node:fs';
import { Writable } from 'node:stream';
import { loadConfig } from '../../apps/server/src/platform/config.ts';
import { createContext } from '../../apps/server/src/platform/context.ts';
import { openDatabase } from '../../apps/server/src/platform/db/database.ts';
import { getScopeUnitIds } from '../../apps/server/src/modules/access/access.actor.ts';
import { prepareBookPrintout } from '../../apps/server/src/modules/books/books.usecases.ts';
import { writeBookXlsx } from '../../apps/server/src/modules/books/books.export.ts';
const dir = process.argv[2]!;
const handle = openDatabase({ dataDir: dir });
const ctx = createContext({ handle, config: loadConfig({ ...process.env, BMNN_DATA_DIR: dir }) });
const g = JSON.parse(fs.readFileSync(`${dir}/register.json`, 'utf8'));
const unitId = process.argv[3] === 'small' ? g.smallBookUnitId : g.bigBookUnitId;
const user = process.argv[3] === 'small' ? 'bench.vpub' : 'bench.vptu';
const acc = await handle.db.selectFrom('accounts').select(['id', 'person_id']).where('username', '=', user).executeTakeFirstOrThrow();
const actor = { accountId: acc.id, personId: acc.person_id, unitId, roles: ['VAN_THU'], clearance: 'TUYET_MAT', scopeUnitIds: await getScopeUnitIds(handle.db, unitId) } as never;
const gc = (globalThis as { gc?: () => void }).gc!;
gc(); const base = process.memoryUsage();
let bytes = 0; let maxHeapAfterGc = 0; let maxExternal = 0; let n = 0;
const sink = new Writable({ write(chunk, _e, cb) { bytes += chunk.length; if (++n % 20 === 0) { gc(); const m = process.memoryUsage(); maxHeapAfterGc = Math.max(maxHeapAfterGc, m.heapUsed); maxExternal = Math.max(maxExternal, m.external + m.arrayBuffers); } cb(); } });
const p = await prepareBookPrintout(ctx, { actor, book: 'den' as never, unitId, year: 2025, format: 'xlsx' });
await writeBookXlsx(p, sink);
const mb = (x: number) => (x / 2 ** 20).toFixed(1);
console.log(process.argv[3], 'bytes', mb(bytes), 'MB; heap after GC at start', mb(base.heapUsed), 'max during export', mb(maxHeapAfterGc), 'MB; external+arrayBuffers max', mb(maxExternal), 'MB; rss end', mb(process.memoryUsage().rss));
await handle.close();
