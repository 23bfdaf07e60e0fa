// Experiment helper (not part of the bench): migrate a kept database, then time listItems in-process.
import { loadConfig } from '../../apps/server/src/platform/config.ts';
import { createContext } from '../../apps/server/src/platform/context.ts';
import { migrateToLatest, openDatabase } from '../../apps/server/src/platform/db/database.ts';
import { getScopeUnitIds } from '../../apps/server/src/modules/access/access.actor.ts';
import { listItems } from '../../apps/server/src/modules/register/register.usecases.ts';
import { getStatistics } from '../../apps/server/src/modules/register/register.receive.ts';
const [dir, url] = process.argv.slice(2);
const handle = openDatabase({ dataDir: dir!, url });
let t0 = performance.now();
console.log('migrated', await migrateToLatest(handle.db), ((performance.now() - t0) / 1000).toFixed(1), 's');
const ctx = createContext({ handle, config: loadConfig({ ...process.env, BMNN_DATA_DIR: dir }) });
const cat = await handle.db.selectFrom('units').select('id').where('code', '=', 'BENCH-CAT').executeTakeFirstOrThrow();
const snv = await handle.db.selectFrom('units').select('id').where('code', '=', 'BENCH-SNV').executeTakeFirstOrThrow();
const actor = { accountId: 'acc_x', personId: 'psn_nobody', unitId: cat.id, roles: ['VAN_THU'] as const, clearance: 'TUYET_MAT' as const, scopeUnitIds: await getScopeUnitIds(handle.db, cat.id) };
const cases: Array<Record<string, string>> = [
  { q: 'ke hoach', level: 'MAT', status: 'RECEIVED' },
  { q: 'bi mat nha nuoc', level: 'TOI_MAT', status: 'RECEIVED' },
  { q: 'Phòng cháy', level: 'MAT', status: 'RECEIVED' },
  { q: 'dien tap khu vuc phong thu', level: 'MAT', status: 'SENT' },
  { q: '125/kh', level: 'MAT', status: 'RECEIVED' },
  { q: 'an ninh mang', unitId: cat.id, level: 'MAT' },
  { q: 'vat lieu no', unitId: cat.id, level: 'TOI_MAT' },
  { q: 'tau ngam hat nhan', level: 'MAT', status: 'RECEIVED' },
  { q: 'qd', level: 'MAT', status: 'RECEIVED' },
  { level: 'MAT', status: 'RECEIVED' },
  {},
];
for (const c of cases) {
  const times = [];
  let r;
  const c0 = process.cpuUsage();
  for (let i = 0; i < 5; i++) {
    t0 = performance.now();
    r = await listItems(ctx, { actor: actor as never, query: { ...c, page: 1, pageSize: 50 } as never });
    times.push(performance.now() - t0);
  }
  const cpu = process.cpuUsage(c0);
  console.log(JSON.stringify(c), 'total', r!.total, r!.totalCapped ? '+' : '', 'wall', times.map((x) => x.toFixed(0)).join(' '), 'cpu/call', ((cpu.user + cpu.system) / 5000).toFixed(1), 'ms');
}
const snvActor = { ...actor, unitId: snv.id, scopeUnitIds: await getScopeUnitIds(handle.db, snv.id) };
for (let i = 0; i < 3; i++) {
  t0 = performance.now();
  const s = await getStatistics(ctx, { actor: snvActor as never, unitId: snv.id, year: 2025 });
  console.log('statistics', s.lines.length, (performance.now() - t0).toFixed(0), 'ms');
}
await handle.close();
