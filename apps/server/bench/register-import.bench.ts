// `npm run bench:import`: imports an old incoming book of LIMITS.importRowsMax rows (realistic
// Vietnamese lines, CSV) into a fresh SQLite database and a throw-away PostgreSQL, and prints the
// time of the dry run and of the import (which checks the file again, then writes every row in
// one transaction). Not a test: no assertion on time.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LIMITS } from '@bmnn/contracts';
import { loadConfig } from '../src/platform/config.ts';
import { createContext } from '../src/platform/context.ts';
import { migrateToLatest, openDatabase, type DatabaseKind } from '../src/platform/db/database.ts';
import { createPerson } from '../src/modules/people/people.usecases.ts';
import { createUnit } from '../src/modules/units/units.usecases.ts';
import type { Actor } from '../src/modules/access/access.policies.ts';
import { importRegister } from '../src/modules/register-import/register-import.usecases.ts';
import { startThrowawayPostgres } from '../src/testing/postgres-server.ts';

const SENDERS = ['UBND tỉnh Bắc Ninh', 'Công an tỉnh', 'Bộ Tư pháp', 'Sở Tài chính', 'Văn phòng Tỉnh ủy'];
const TITLES = ['Kế hoạch kiểm tra công tác bảo vệ bí mật nhà nước', 'Phương án bảo vệ kỳ thi tốt nghiệp trung học phổ thông', 'Báo cáo tình hình an ninh chính trị', 'Dự toán ngân sách chưa công bố', 'Hồ sơ nhân sự dự kiến bổ nhiệm'];

function oldBook(rows: number): Buffer {
  const lines = ['Số đến,Ngày đến,Nơi gửi,"Số, ký hiệu",Trích yếu,Độ mật,Số bản'];
  for (let i = 0; i < rows; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    const month = String((Math.floor(i / 28) % 12) + 1).padStart(2, '0');
    lines.push(`${i + 1},${day}/${month}/2025,${SENDERS[i % 5]},${i + 1}/KH-${i % 97},"${TITLES[i % 5]} (${i})",${i % 3 === 0 ? 'Tối mật' : 'Mật'},${(i % 4) + 1}`);
  }
  return Buffer.from(lines.join('\n'), 'utf8');
}

async function run(kind: DatabaseKind, url: string | undefined, file: Buffer) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bmnn-bench-import-'));
  const handle = openDatabase({ url, dataDir });
  await migrateToLatest(handle.db);
  const ctx = createContext({ handle, config: loadConfig({}, { dataDir, databaseUrl: url }) });
  const { unit } = await createUnit(ctx, { actor: null, input: { parentId: null, code: 'SO-NV', name: 'Sở Nội vụ', kind: 'SO_BAN_NGANH' } });
  const { person } = await createPerson(ctx, { actor: null, input: { fullName: 'Phạm Thị Thu', unitId: unit.id, clearance: 'TUYET_MAT', handlesSecrets: true } });
  const actor: Actor = { accountId: 'acc_bench0000000000000000', personId: person.id, unitId: unit.id, roles: ['VAN_THU'], clearance: 'TUYET_MAT', scopeUnitIds: new Set([unit.id]) };
  const options = { actor, unitId: unit.id, book: 'DEN' as const, mapping: undefined, file, fileName: 'so-den-2025.csv' };
  let t = performance.now();
  const dry = await importRegister(ctx, { ...options, dryRun: true });
  const dryMs = performance.now() - t;
  t = performance.now();
  const done = await importRegister(ctx, { ...options, dryRun: false });
  const importMs = performance.now() - t;
  await handle.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  if (!dry.report.ok || !done.imported) throw new Error(`import failed: ${JSON.stringify(dry.report.problems.slice(0, 3))}`);
  return { kind, rows: done.imported.items, dryRunMs: Math.round(dryMs), importMs: Math.round(importMs) };
}

const file = oldBook(LIMITS.importRowsMax);
console.log(`Old incoming book: ${LIMITS.importRowsMax} rows, ${(file.length / 1024).toFixed(0)} KB CSV`);
console.log(await run('sqlite', undefined, file));
const pg = await startThrowawayPostgres();
try {
  console.log(await run('postgres', pg.url, file));
} finally {
  pg.stop();
}
