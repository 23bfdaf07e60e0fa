import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, createTestUnit, createUserAndLogin, DATABASE_KINDS, multipartFile, setupAdmin, type TestApp } from '../../testing/test-context.ts';
import { BackupFormatError, createBackup, restoreBackup } from './backup.usecases.ts';

const GOOD = { envelopeIntact: true, countMatches: true, packagingCorrect: true };
const PASSPHRASE = 'mat khau sao luu rat dai 2026';
const SCAN = Buffer.from('%PDF-1.4\n% bản cam kết đã ký\n%%EOF\n');

describe.each(DATABASE_KINDS)('backup and streamed restore on %s', (kind) => {
  const apps: TestApp[] = [];
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((a) => a.close()));
  });
  const open = async () => {
    const t = await createTestApp(kind);
    apps.push(t);
    return t;
  };

  it('restores every row, a correction recorded before the event it corrects, and the stored files, byte for byte', async () => {
    const source = await open();
    const admin = await setupAdmin(source);
    const unit = await createTestUnit(source, { parentId: admin.provinceId, code: 'SO-TP', name: 'Sở Tư pháp' });
    const clerk = await createUserAndLogin(source, { unitId: unit.id, roles: ['VAN_THU', 'CAN_BO_BAO_MAT'], clearance: 'TOI_MAT' });
    for (let i = 1; i <= 3; i++) {
      await clerk.request({ method: 'POST', url: '/api/register/receive', body: { unitId: unit.id, sender: 'Văn phòng UBND tỉnh', soKyHieu: `${i}/KH-UBND`, level: 'MAT', trichYeu: `Kế hoạch số ${i}`, condition: GOOD } });
    }
    const commitment = (await clerk.request({ method: 'POST', url: '/api/commitments', body: { personId: clerk.personId, kind: 'ON_ASSIGNMENT', signedOn: '2026-11-20' } })).json().commitment;
    expect((await clerk.request({ method: 'POST', url: `/api/commitments/${commitment.id}/scan`, ...multipartFile(SCAN, 'cam-ket.pdf') })).statusCode).toBe(200);
    // A correction whose id sorts before its target's: the backup holds it first, the restore must wait for the target.
    const target = await source.ctx.db.selectFrom('item_events').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    await source.ctx.db.insertInto('item_events').values({ ...target, id: 'evt_0000000000correction', type: 'CORRECTION', data: JSON.stringify({ field: 'sender', before: 'x', after: 'y', reason: 'Ghi nhầm' }), corrects_event_id: target.id, book: null, book_year: null, book_serial: null }).execute();

    const file = path.join(source.dataDir, 'sao-luu.bmnnbak');
    await createBackup(source.ctx, { file, passphrase: PASSPHRASE });
    const restored = await open();
    const result = await restoreBackup(restored.ctx, { file, passphrase: PASSPHRASE });
    expect(result.reports.every((r) => r.ok)).toBe(true);
    expect(result.files).toBe(1);
    for (const table of ['units', 'people', 'accounts', 'items', 'item_events', 'commitments', 'stored_files', 'audit_records'] as const) {
      const before = await source.ctx.db.selectFrom(table).selectAll().execute();
      const after = await restored.ctx.db.selectFrom(table).selectAll().execute();
      expect(after.length, table).toBe(before.length);
      expect(result.counts[table], table).toBe(before.length);
    }
    const { sha256 } = await restored.ctx.db.selectFrom('stored_files').select('sha256').executeTakeFirstOrThrow();
    expect(fs.readFileSync(path.join(restored.dataDir, 'files', sha256.slice(0, 2), sha256)).equals(SCAN)).toBe(true);
    expect(fs.readdirSync(restored.dataDir).filter((n) => n.startsWith('files.restore-'))).toEqual([]);
  });

  it('refuses to restore into a database that already has data, and writes nothing', async () => {
    const source = await open();
    await setupAdmin(source);
    const file = path.join(source.dataDir, 'sao-luu.bmnnbak');
    await createBackup(source.ctx, { file, passphrase: PASSPHRASE });
    const busy = await open();
    await setupAdmin(busy);
    const before = await busy.ctx.db.selectFrom('audit_records').select('id').execute();
    await expect(restoreBackup(busy.ctx, { file, passphrase: PASSPHRASE })).rejects.toBeInstanceOf(BackupFormatError);
    expect(await busy.ctx.db.selectFrom('audit_records').select('id').execute()).toHaveLength(before.length);
  });
});
