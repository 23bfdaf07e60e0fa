// Experiment helper (not part of the bench): on a kept SQLite register (make-sqlite.ts DIR N),
// migrate, time the on-screen book queries in-process for the big-book unit's clerk, and print the
// SQLite query plans of the book page, the Thống kê summary and the numbered (filtered) Thống kê.
// `tsx scripts/bench-register/books-explain.ts DIR`
import fs from 'node:fs';
import { sql } from 'kysely';
import { loadConfig } from '../../apps/server/src/platform/config.ts';
import { createContext } from '../../apps/server/src/platform/context.ts';
import { migrateToLatest, openDatabase } from '../../apps/server/src/platform/db/database.ts';
import { getScopeUnitIds } from '../../apps/server/src/modules/access/access.actor.ts';
import { countBookLines, getIncomingBook, getStatistics, getStatisticsSummary } from '../../apps/server/src/modules/register/register.receive.ts';
const [dir, url] = process.argv.slice(2);
const g = JSON.parse(fs.readFileSync(`${dir}/register.json`, 'utf8'));
const handle = openDatabase({ dataDir: dir!, url });
console.log('migrated', (await migrateToLatest(handle.db)).applied);
const ctx = createContext({ handle, config: loadConfig({ ...process.env, BMNN_DATA_DIR: dir }) });
const unitId = g.bigBookUnitId;
const actor = { accountId: 'acc_x', personId: 'psn_nobody', unitId, roles: ['VAN_THU'], clearance: 'TUYET_MAT', scopeUnitIds: await getScopeUnitIds(handle.db, unitId) } as never;
const year = 2025;
async function time(label: string, f: () => Promise<unknown>) {
  const ts = [];
  let r: unknown;
  for (let i = 0; i < 4; i++) { const t0 = performance.now(); r = await f(); ts.push(performance.now() - t0); }
  console.log(label, ts.map((t) => t.toFixed(0)).join(' '), 'ms', JSON.stringify(r).slice(0, 160));
}
const screen = (o: object) => ({ offset: 0, limit: 50, ...o });
await time('summary', () => getStatisticsSummary(ctx, { actor, unitId, year }));
await time('stat page1', async () => (await getStatistics(ctx, { actor, unitId, year, screen: screen({}) })).lines.length);
await time('stat page last', async () => (await getStatistics(ctx, { actor, unitId, year, screen: screen({ offset: 19950 }) })).lines.map((l) => l.serial).slice(0, 2));
await time('stat level', async () => (await getStatistics(ctx, { actor, unitId, year, screen: screen({ level: 'TOI_MAT' }) })).lines.map((l) => l.serial).slice(0, 3));
await time('stat q', async () => (await getStatistics(ctx, { actor, unitId, year, screen: screen({ q: 'ke hoach' }) })).lines.map((l) => l.serial).slice(0, 3));
await time('stat q + level, with total', async () => {
  const { lines, total } = await getStatistics(ctx, { actor, unitId, year, screen: screen({ q: 'ke hoach', level: 'MAT' }) });
  return { serials: lines.map((l) => l.serial).slice(0, 3), total };
});
await time('den page1', async () => (await getIncomingBook(ctx, { actor, unitId, year, screen: screen({}) })).lines.length);
await time('den page 200', async () => (await getIncomingBook(ctx, { actor, unitId, year, screen: screen({ offset: 10000 }) })).lines[0]?.serial);
await time('den count', () => countBookLines(ctx, { actor, unitId, year, book: 'DEN', filter: {} }));
await time('den q', async () => (await getIncomingBook(ctx, { actor, unitId, year, screen: screen({ q: 'ke hoach', level: 'MAT' }) })).lines.map((l) => l.serial).slice(0, 3));
await time('den count q', () => countBookLines(ctx, { actor, unitId, year, book: 'DEN', filter: { q: 'ke hoach', level: 'MAT' } }));
if (!url) {
  for (const [label, q] of [
    // The shapes register.receive.ts builds (visibility as in register.usecases.ts visibleItemsFilter).
    ['den page', `select 1 from item_events inner join items on items.id = item_events.item_id where item_events.unit_id = 'x' and item_events.book = 'DEN' and item_events.book_year = 2025 and items.level in ('MAT') and (items.unit_id in ('x') or items.custodian_id = 'p' or items.id in (select item_id from access_grants where person_id = 'p')) order by item_events.book_serial limit 50 offset 100`],
    ['summary', `select items.level, items.form, items.status, count(*), sum(coalesce(items.copies, 1)) from items where items.unit_id = 'x' and created_at >= '2024-12-31T17:00:00.000Z' and created_at < '2025-12-31T17:00:00.000Z' and items.level in ('MAT') and (items.unit_id in ('x') or items.custodian_id = 'p' or items.id in (select item_id from access_grants where person_id = 'p')) group by items.level, items.form, items.status`],
    ['numbered + filter', `select * from (select numbered.numbered_id, numbered.serial, count(*) over () as matches from (select items.id as numbered_id, items.level, items.so_ky_hieu_folded, items.trich_yeu_folded, row_number() over (order by items.created_at, items.id) as serial from items where items.unit_id = 'x' and created_at >= '2024' and created_at < '2026' and items.level in ('MAT') and (items.unit_id in ('x') or items.custodian_id = 'p')) as numbered where (numbered.level = 'MAT' and (numbered.so_ky_hieu_folded like '%ke%' or numbered.trich_yeu_folded like '%ke%')) order by numbered.serial limit 50) as page inner join items on items.id = page.numbered_id left join people as custodian on custodian.id = items.custodian_id order by page.serial`],
  ]) console.log(label, (await sql.raw<{ detail: string }>(`explain query plan ${q}`).execute(handle.db)).rows.map((r) => r.detail).join(' | '));
}
await handle.close();
