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
  { name: 'rule_sets', key: 'id' },
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
 */
export async function restoreBackup(ctx: AppContext, { file, passphrase }: { file: string; passphrase: string }) {
  const existing = await ctx.db.selectFrom('units').select('id').limit(1).execute();
  if (existing.length > 0) throw new BackupFormatError('damaged', 'Cơ sở dữ liệu đích đã có dữ liệu: chỉ khôi phục vào một thư mục dữ liệu (hoặc cơ sở dữ liệu) mới, trống');
  const plain = await decryptToTemp(file, passphrase);
  try {
    const rowsByTable = new Map<TableName, Array<Record<string, unknown>>>();
    const files: Array<{ f: string; d: string }> = [];
    let end: { counts: Record<string, number> } | null = null;
    const lines = readline.createInterface({ input: fs.createReadStream(plain).pipe(createGunzip() as unknown as Transform), crlfDelay: Infinity });
    for await (const text of lines) {
      if (!text) continue;
      const line = JSON.parse(text) as Line;
      if ('t' in line) {
        const list = rowsByTable.get(line.t) ?? [];
        list.push(line.r);
        rowsByTable.set(line.t, list);
      } else if ('f' in line) files.push(line);
      else end = line;
    }
    if (!end) throw new BackupFormatError('damaged', 'Tệp sao lưu không đầy đủ (thiếu phần kết thúc)');
    const result = await ctx.db.transaction().execute(async (trx) => {
      const counts: Record<string, number> = {};
      for (const { name } of TABLES) {
        let rows = rowsByTable.get(name) ?? [];
        if (name === 'units') rows = orderUnits(rows);
        // A correction points at an earlier event: restore events in the order they were recorded.
        if (name === 'item_events') rows = [...rows].sort((x, y) => String(x.recorded_at).localeCompare(String(y.recorded_at)) || String(x.id).localeCompare(String(y.id)));
        if (name === 'settings') rows = rows.filter((r) => !String(r.key).startsWith('setup_code'));
        for (let i = 0; i < rows.length; i += 200) {
          await (trx as unknown as Kysely<Record<string, Record<string, unknown>>>).insertInto(name).values(rows.slice(i, i + 200)).execute();
        }
        counts[name] = rows.length;
      }
      const reports = await verifyChains(trx);
      const broken = reports.filter((r) => !r.ok);
      if (broken.length > 0) throw new BackupFormatError('damaged', `Nhật ký trong bản sao lưu không toàn vẹn (${broken.map((b) => b.chainName).join(', ')}): không khôi phục`);
      return { counts, reports };
    });
    const filesDir = path.join(ctx.config.dataDir, 'files');
    for (const f of files) {
      const target = path.resolve(filesDir, f.f);
      if (!target.startsWith(filesDir + path.sep)) throw new BackupFormatError('damaged', 'Tệp sao lưu chứa đường dẫn không hợp lệ');
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, Buffer.from(f.d, 'base64'));
    }
    return { ...result, files: files.length };
  } finally {
    fs.rmSync(plain, { force: true });
  }
}

export { BackupFormatError };
