import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import type { Kysely, Transaction } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import type { Database } from '../../platform/db/schema.ts';
import { verifyChains } from '../audit/audit.repository.ts';
import { BackupFormatError, createEncryption, openEncryption, TAG_LENGTH } from './backup.format.ts';

// Backup and restore: a consistent logical snapshot of every table (one read transaction,
// REPEATABLE READ on PostgreSQL) plus the stored files, as gzip'd JSON lines, encrypted with a
// key derived from the operator's passphrase. Logical rows rather than a database file, so that
// one format serves SQLite and PostgreSQL and a backup restores into either.

type TableName = keyof Database;
/** Restore order respects foreign keys; sessions are not backed up (a restore logs everyone out). */
const TABLES: Array<{ name: TableName; key: string | string[] }> = [
  { name: 'units', key: 'id' },
  { name: 'unit_names', key: 'id' },
  { name: 'unit_history', key: 'id' },
  { name: 'people', key: 'id' },
  { name: 'accounts', key: 'id' },
  { name: 'settings', key: 'key' },
  { name: 'items', key: 'id' },
  { name: 'item_events', key: 'id' },
  { name: 'access_grants', key: 'id' },
  { name: 'devices', key: 'id' },
  { name: 'device_checks', key: 'id' },
  { name: 'device_sanitisations', key: 'id' },
  { name: 'device_status_changes', key: 'id' },
  { name: 'incidents', key: 'id' },
  { name: 'incident_items', key: 'id' },
  { name: 'incident_devices', key: 'id' },
  { name: 'incident_notifications', key: 'id' },
  { name: 'incident_entries', key: 'id' },
  { name: 'secret_assignments', key: 'id' },
  { name: 'stored_files', key: 'id' },
  { name: 'commitments', key: 'id' },
  { name: 'offboarding_cases', key: 'id' },
  { name: 'offboarding_lines', key: 'id' },
  { name: 'danh_muc_decisions', key: 'id' },
  { name: 'danh_muc_items', key: 'id' },
  { name: 'authorities', key: 'id' },
  { name: 'item_citations', key: ['item_id', 'danh_muc_item_id'] },
  { name: 'item_notices', key: 'id' },
  { name: 'destruction_cases', key: 'id' },
  { name: 'destruction_case_items', key: ['case_id', 'item_id'] },
  { name: 'release_requests', key: 'id' },
  { name: 'release_request_items', key: ['request_id', 'item_id'] },
  { name: 'saved_views', key: 'id' },
  { name: 'copy_requests', key: 'id' },
  { name: 'archive_transfers', key: 'id' },
  { name: 'record_files', key: 'id' },
  { name: 'record_file_items', key: 'item_id' },
  { name: 'rule_sets', key: 'id' },
  { name: 'stock_takes', key: 'id' },
  { name: 'stock_take_lines', key: 'id' },
  { name: 'training_sessions', key: 'id' },
  { name: 'training_attendees', key: ['session_id', 'person_id'] },
  { name: 'disseminations', key: 'id' },
  { name: 'dissemination_recipients', key: ['dissemination_id', 'person_id'] },
  { name: 'meetings', key: 'id' },
  { name: 'meeting_attendees', key: ['meeting_id', 'person_id'] },
  { name: 'meeting_equipment', key: ['meeting_id', 'device_id'] },
  { name: 'meeting_documents', key: 'id' },
  { name: 'leak_checks', key: 'id' },
  { name: 'audit_records', key: 'id' },
  { name: 'audit_heads', key: 'chain' },
];
const BATCH = 1000;

type Line = { t: TableName; r: Record<string, unknown> } | { f: string; d: string } | { end: true; counts: Record<string, number> };

async function* snapshotLines(trx: Transaction<Database>, filesDir: string): AsyncGenerator<string> {
  const counts: Record<string, number> = {};
  for (const { name, key } of TABLES) {
    let last: string | null = null;
    let offset = 0;
    counts[name] = 0;
    for (;;) {
      // One-column keys page by key; composite keys (join tables) page by offset in key order.
      const keys = Array.isArray(key) ? key : [key];
      let q = (trx as unknown as Kysely<Record<string, Record<string, unknown>>>).selectFrom(name).selectAll().limit(BATCH);
      for (const k of keys) q = q.orderBy(k);
      if (Array.isArray(key)) q = q.offset(offset);
      else if (last !== null) q = q.where(key, '>', last);
      const rows = await q.execute();
      for (const r of rows) yield JSON.stringify({ t: name, r } satisfies Line) + '\n';
      counts[name] += rows.length;
      offset += rows.length;
      if (rows.length < BATCH) break;
      if (!Array.isArray(key)) last = String(rows[rows.length - 1]![key]);
    }
  }
  if (fs.existsSync(filesDir)) {
    for (const entry of fs.readdirSync(filesDir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const full = path.join(entry.parentPath, entry.name);
      yield JSON.stringify({ f: path.relative(filesDir, full), d: fs.readFileSync(full).toString('base64') } satisfies Line) + '\n';
    }
  }
  yield JSON.stringify({ end: true, counts } satisfies Line) + '\n';
}

export async function createBackup(ctx: AppContext, { file, passphrase }: { file: string; passphrase: string }) {
  const { prefix, cipher } = await createEncryption({ passphrase, database: ctx.dbKind, now: ctx.clock() });
  const tmp = `${file}.part`;
  fs.writeFileSync(tmp, prefix);
  const filesDir = path.join(ctx.config.dataDir, 'files');
  let tx = ctx.db.transaction();
  if (ctx.dbKind === 'postgres') tx = tx.setIsolationLevel('repeatable read');
  try {
    await tx.execute(async (trx) => {
      await pipeline(Readable.from(snapshotLines(trx, filesDir)), createGzip(), cipher, fs.createWriteStream(tmp, { flags: 'a' }));
    });
    fs.appendFileSync(tmp, cipher.getAuthTag());
    const fd = fs.openSync(tmp, 'r+');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.renameSync(tmp, file);
  } catch (error) {
    fs.rmSync(tmp, { force: true });
    throw error;
  }
  return { file, bytes: fs.statSync(file).size };
}

/** Decrypts into a temporary file; the GCM tag is checked before a single row is used. */
async function decryptToTemp(file: string, passphrase: string): Promise<string> {
  const size = fs.statSync(file).size;
  const fd = fs.openSync(file, 'r');
  const head = Buffer.alloc(Math.min(size, 70 * 1024));
  fs.readSync(fd, head, 0, head.length, 0);
  const { bodyOffset, decipherFor } = await openEncryption({ head, passphrase });
  if (size < bodyOffset + TAG_LENGTH) {
    fs.closeSync(fd);
    throw new BackupFormatError('damaged', 'Tệp sao lưu bị hỏng hoặc không đầy đủ');
  }
  const tag = Buffer.alloc(TAG_LENGTH);
  fs.readSync(fd, tag, 0, TAG_LENGTH, size - TAG_LENGTH);
  fs.closeSync(fd);
  const plain = `${file}.${process.pid}.restore-tmp`;
  try {
    await pipeline(fs.createReadStream(file, { start: bodyOffset, end: size - TAG_LENGTH - 1 }), decipherFor(tag), fs.createWriteStream(plain));
  } catch {
    fs.rmSync(plain, { force: true });
    throw new BackupFormatError('damaged', 'Tệp sao lưu bị hỏng hoặc không đầy đủ (kiểm tra toàn vẹn không đạt)');
  }
  return plain;
}

/** Units ordered so that every parent and successor comes before the units that point at it. */
function orderUnits(rows: Array<Record<string, unknown>>) {
  const byId = new Map(rows.map((r) => [r.id as string, r]));
  const done = new Set<string>();
  const out: Array<Record<string, unknown>> = [];
  const visit = (r: Record<string, unknown>, depth: number) => {
    if (done.has(r.id as string) || depth > rows.length) return;
    for (const ref of [r.parent_id, r.successor_id]) {
      const dep = typeof ref === 'string' ? byId.get(ref) : undefined;
      if (dep) visit(dep, depth + 1);
    }
    done.add(r.id as string);
    out.push(r);
  };
  rows.forEach((r) => visit(r, 0));
  return out;
}

/**
 * Restores a backup into an empty database and data folder, in one transaction that commits
 * only if the audit chains verify afterwards. Refuses a wrong passphrase and a damaged file.
 * Rows stream from the file into the database in batches (tables arrive in restore order), so
 * memory does not grow with the size of the register; only units (a few thousand at most) are
 * held to be put in parent-first order. Stored files go to a staging folder and are moved into
 * place only after the commit.
 */
export async function restoreBackup(ctx: AppContext, { file, passphrase }: { file: string; passphrase: string }) {
  const existing = await ctx.db.selectFrom('units').select('id').limit(1).execute();
  if (existing.length > 0) throw new BackupFormatError('damaged', 'Cơ sở dữ liệu đích đã có dữ liệu: chỉ khôi phục vào một thư mục dữ liệu (hoặc cơ sở dữ liệu) mới, trống');
  const plain = await decryptToTemp(file, passphrase);
  const filesDir = path.join(ctx.config.dataDir, 'files');
  const staging = path.join(ctx.config.dataDir, `files.restore-${process.pid}`);
  fs.rmSync(staging, { recursive: true, force: true });
  try {
    const order = new Map(TABLES.map((t, i) => [t.name, i]));
    const stagedFiles: string[] = [];
    const result = await ctx.db.transaction().execute(async (trx) => {
      const db = trx as unknown as Kysely<Record<string, Record<string, unknown>>>;
      const counts: Record<string, number> = {};
      let current: TableName | null = null;
      let batch: Array<Record<string, unknown>> = [];
      let units: Array<Record<string, unknown>> = [];
      // A correction points at an earlier event: one whose target has not arrived yet waits for it.
      const insertedEvents = new Set<string>();
      const waiting = new Map<string, Array<Record<string, unknown>>>();
      let end: { counts: Record<string, number> } | null = null;

      const insert = async (name: TableName, rows: Array<Record<string, unknown>>) => {
        for (let i = 0; i < rows.length; i += 200) await db.insertInto(name).values(rows.slice(i, i + 200)).execute();
        counts[name] = (counts[name] ?? 0) + rows.length;
      };
      const insertEvents = async (rows: Array<Record<string, unknown>>) => {
        const ready: Array<Record<string, unknown>> = [];
        const release = (row: Record<string, unknown>) => {
          ready.push(row);
          insertedEvents.add(String(row.id));
          for (const next of waiting.get(String(row.id)) ?? []) release(next);
          waiting.delete(String(row.id));
        };
        for (const row of rows) {
          const target = row.corrects_event_id;
          if (typeof target === 'string' && !insertedEvents.has(target) && !ready.some((r) => r.id === target)) {
            waiting.set(target, [...(waiting.get(target) ?? []), row]);
          } else release(row);
        }
        await insert('item_events', ready);
      };
      const flush = async () => {
        if (current === null || batch.length === 0) return;
        const rows = batch;
        batch = [];
        if (current === 'units') units.push(...rows);
        else if (current === 'item_events') await insertEvents(rows);
        else if (current === 'settings') await insert(current, rows.filter((r) => !String(r.key).startsWith('setup_code')));
        else await insert(current, rows);
      };
      const finishTable = async () => {
        await flush();
        if (current === 'units') {
          await insert('units', orderUnits(units));
          units = [];
        }
        if (current === 'item_events' && waiting.size > 0) throw new BackupFormatError('damaged', 'Tệp sao lưu không toàn vẹn (thiếu sự kiện được đính chính)');
      };

      const lines = readline.createInterface({ input: fs.createReadStream(plain).pipe(createGunzip() as unknown as Transform), crlfDelay: Infinity });
      for await (const text of lines) {
        if (!text) continue;
        const line = JSON.parse(text) as Line;
        if ('t' in line) {
          if (!order.has(line.t)) throw new BackupFormatError('damaged', `Tệp sao lưu chứa bảng không xác định: ${line.t}`);
          if (line.t !== current) {
            if (current !== null && order.get(line.t)! < order.get(current)!) throw new BackupFormatError('damaged', 'Tệp sao lưu không đúng thứ tự các bảng');
            await finishTable();
            current = line.t;
          }
          batch.push(line.r);
          if (batch.length >= BATCH) await flush();
        } else if ('f' in line) {
          const target = path.resolve(staging, line.f);
          if (!target.startsWith(staging + path.sep)) throw new BackupFormatError('damaged', 'Tệp sao lưu chứa đường dẫn không hợp lệ');
          fs.mkdirSync(path.dirname(target), { recursive: true });
          fs.writeFileSync(target, Buffer.from(line.d, 'base64'));
          stagedFiles.push(line.f);
        } else end = line;
      }
      await finishTable();
      if (!end) throw new BackupFormatError('damaged', 'Tệp sao lưu không đầy đủ (thiếu phần kết thúc)');
      for (const { name } of TABLES) counts[name] ??= 0;
      const reports = await verifyChains(trx);
      const broken = reports.filter((r) => !r.ok);
      if (broken.length > 0) throw new BackupFormatError('damaged', `Nhật ký trong bản sao lưu không toàn vẹn (${broken.map((b) => b.chainName).join(', ')}): không khôi phục`);
      return { counts, reports };
    });
    for (const f of stagedFiles) {
      const target = path.join(filesDir, f);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.renameSync(path.join(staging, f), target);
    }
    return { ...result, files: stagedFiles.length };
  } finally {
    fs.rmSync(plain, { force: true });
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

export { BackupFormatError };
