import {
  createRecordFileRequest,
  foldForSearch,
  todayInVietnam,
  type ArchiveTransfer,
  type CreateRecordFileRequest,
  type Level,
  type RecordFile,
  type RecordFileItem,
  type RecordFileStatus,
  type archiveTransferRequest,
  type listRecordFilesQuery,
} from '@bmnn/contracts';
import { sql, type ExpressionBuilder, type Selectable } from 'kysely';
import type { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { inTransaction } from '../../platform/context.ts';
import { isUniqueViolation } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/schema.ts';
import { errors } from '../../platform/errors.ts';
import { generateId } from '../../platform/ids.ts';
import { canManageFilesOf, canSeeFile, canSeeItem, isClearedFor, ITEM_SCOPE_ROLES, levelsVisibleTo, type Actor } from '../access/access.policies.ts';
import { highestLevelOf } from '../books/books.export.ts';
import { appendItemEvent } from '../register/register.events.ts';
import { registerErrors } from '../register/register.errors.ts';
import { loadAccessFacts, visibleItemsFilter } from '../register/register.usecases.ts';
import { recordFileErrors } from './record-files.errors.ts';

// Files and archive (lập hồ sơ, nộp lưu — Chỉ thị 04/CT-UBND §7): the clerk groups the unit's
// secret items into files, closes them and transfers them to the agency's archive with a
// handover record. A file carries the highest level of its items and is seen only by those
// cleared for it who may see at least one item in it (decision 0008); protection is unchanged.

type FileRow = Selectable<Database['record_files']>;

/**
 * The SQL twin of `canSeeFile`: no item above the reader's clearance, and at least one item the
 * reader may see — or, for an empty file, the keeper or the clerk and head in scope.
 */
export function visibleFilesFilter(actor: Actor, now: Date) {
  const levels = levelsVisibleTo(actor.clearance);
  const office = ITEM_SCOPE_ROLES.some((r) => actor.roles.includes(r)) && actor.scopeUnitIds.size > 0;
  return (eb: ExpressionBuilder<Database, 'record_files'>) => {
    if (levels.length === 0) return sql<boolean>`1 = 0`;
    const inFile = () => eb.selectFrom('record_file_items').innerJoin('items', 'items.id', 'record_file_items.item_id').select(sql<number>`1`.as('one')).whereRef('record_file_items.file_id', '=', 'record_files.id');
    const emptyReasons = [eb('record_files.keeper_id', '=', actor.personId)];
    if (office) emptyReasons.push(eb('record_files.unit_id', 'in', [...actor.scopeUnitIds]));
    return eb.and([
      eb.not(eb.exists(inFile().where('items.level', 'not in', levels))),
      eb.or([eb.exists(inFile().where(visibleItemsFilter(actor, now))), eb.and([eb.not(eb.exists(inFile())), eb.or(emptyReasons)])]),
    ]);
  };
}

type ItemLine = RecordFileItem & { visible: boolean; unitId: string; custodianId: string | null };

/** Every item of the file with whether the reader may see it (the policy, item by item). */
async function loadFileItems(ctx: AppContext, actor: Actor, fileId: string): Promise<ItemLine[]> {
  const rows = await ctx.db
    .selectFrom('record_file_items')
    .innerJoin('items', 'items.id', 'record_file_items.item_id')
    .selectAll('items')
    .select('record_file_items.filed_at')
    .where('record_file_items.file_id', '=', fileId)
    .orderBy('items.document_date')
    .orderBy('items.created_at')
    .orderBy('items.id')
    .execute();
  const now = ctx.clock();
  const lines: ItemLine[] = [];
  for (const r of rows) {
    const visible = canSeeItem({ actor, item: await loadAccessFacts(ctx, r), now });
    lines.push({
      itemId: r.id,
      unitId: r.unit_id,
      custodianId: r.custodian_id,
      soKyHieu: r.so_ky_hieu,
      documentDate: r.document_date,
      sender: r.sender,
      trichYeu: r.level === 'TUYET_MAT' ? null : r.trich_yeu,
      level: r.level as Level,
      copies: r.copies === null ? null : Number(r.copies),
      storageLocation: r.storage_location,
      filedAt: r.filed_at,
      visible,
    });
  }
  return lines;
}

function present(row: FileRow, { keeperName, highestLevel, itemCount, archivedOn }: { keeperName: string | null; highestLevel: Level | null; itemCount: number; archivedOn: string | null }): RecordFile {
  return {
    id: row.id,
    unitId: row.unit_id,
    code: row.code,
    title: row.title,
    year: Number(row.year),
    keeperId: row.keeper_id,
    keeperName,
    retentionYears: row.retention_years === null ? null : Number(row.retention_years),
    status: row.status as RecordFileStatus,
    highestLevel,
    itemCount,
    note: row.note,
    openedOn: row.opened_on,
    closedOn: row.closed_on,
    archiveTransferId: row.archive_transfer_id,
    archivedOn,
    archiveLocation: row.archive_location,
  };
}

/** A file the reader may see, with its items (all, and the visible ones); otherwise 404. */
async function loadVisibleFile(ctx: AppContext, actor: Actor, fileId: string) {
  const row = await ctx.db.selectFrom('record_files').selectAll().where('id', '=', fileId).executeTakeFirst();
  if (!row) throw recordFileErrors.notFound();
  const all = await loadFileItems(ctx, actor, fileId);
  if (!canSeeFile({ actor, file: { unitId: row.unit_id, keeperId: row.keeper_id }, items: all })) throw recordFileErrors.notFound();
  const keeper = await ctx.db.selectFrom('people').select('full_name').where('id', '=', row.keeper_id).executeTakeFirst();
  const transfer = row.archive_transfer_id ? await ctx.db.selectFrom('archive_transfers').select('transferred_on').where('id', '=', row.archive_transfer_id).executeTakeFirst() : undefined;
  const visible = all.filter((i) => i.visible);
  const file = present(row, { keeperName: keeper?.full_name ?? null, highestLevel: highestLevelOf(all.map((i) => i.level)), itemCount: visible.length, archivedOn: transfer?.transferred_on ?? null });
  return { row, file, all, visible };
}

const toPublicItem = ({ visible: _v, unitId: _u, custodianId: _c, ...item }: ItemLine): RecordFileItem => item;

export async function createRecordFile(ctx: AppContext, { actor, input: raw }: { actor: Actor; input: CreateRecordFileRequest }) {
  const input = createRecordFileRequest.parse(raw);
  if (!canManageFilesOf({ actor, unitId: input.unitId })) throw errors.forbidden();
  const keeper = await ctx.db.selectFrom('people').select(['id', 'unit_id', 'full_name']).where('id', '=', input.keeperId).executeTakeFirst();
  if (!keeper || !actor.scopeUnitIds.has(keeper.unit_id)) throw errors.validation({ details: { issues: [{ path: ['keeperId'], message: 'Người lập hồ sơ phải là cán bộ của đơn vị' }] } });
  const id = generateId('hso');
  try {
    await inTransaction(ctx, async ({ trx, now, audit }) => {
      const iso = now.toISOString();
      await trx
        .insertInto('record_files')
        .values({ id, unit_id: input.unitId, code: input.code, title: input.title, title_folded: foldForSearch(input.title), year: input.year, keeper_id: keeper.id, retention_years: input.retentionYears, status: 'OPEN', note: input.note || null, opened_on: todayInVietnam(now), closed_on: null, archive_transfer_id: null, archive_location: null, created_by: actor.accountId, created_at: iso, updated_at: iso })
        .execute();
      await audit({ type: 'file.created', chain: input.unitId, actorId: actor.accountId, subjectId: id, data: { code: input.code, year: input.year, keeperId: keeper.id } });
    });
  } catch (cause) {
    if (isUniqueViolation(cause)) throw recordFileErrors.codeTaken({ cause });
    throw cause;
  }
  return { file: (await loadVisibleFile(ctx, actor, id)).file };
}

/** The files the reader may see; counts and levels computed over the items they may see. */
export async function listRecordFiles(ctx: AppContext, { actor, query: filter = {} }: { actor: Actor; query?: Partial<z.output<typeof listRecordFilesQuery>> }) {
  const now = ctx.clock();
  let query = ctx.db.selectFrom('record_files').where(visibleFilesFilter(actor, now));
  if (filter.unitId) query = query.where('record_files.unit_id', '=', filter.unitId);
  if (filter.year) query = query.where('record_files.year', '=', filter.year);
  if (filter.status) query = query.where('record_files.status', '=', filter.status);
  if (filter.q) {
    const needle = `%${foldForSearch(filter.q).replace(/[%_\\]/g, '')}%`;
    query = query.where((eb) => eb.or([eb('record_files.title_folded', 'like', needle), eb('record_files.code', 'like', needle)]));
  }
  const rows = await query.selectAll('record_files').orderBy('record_files.year', 'desc').orderBy('record_files.code').limit(1000).execute();
  if (rows.length === 0) return { files: [] as RecordFile[] };
  const ids = rows.map((r) => r.id);
  const levels = await ctx.db.selectFrom('record_file_items').innerJoin('items', 'items.id', 'record_file_items.item_id').select(['record_file_items.file_id', 'items.level']).distinct().where('record_file_items.file_id', 'in', ids).execute();
  const counts = await ctx.db
    .selectFrom('record_file_items')
    .innerJoin('items', 'items.id', 'record_file_items.item_id')
    .where('record_file_items.file_id', 'in', ids)
    .where(visibleItemsFilter(actor, now))
    .select((eb) => ['record_file_items.file_id', eb.fn.countAll<number>().as('n')])
    .groupBy('record_file_items.file_id')
    .execute();
  const keepers = new Map((await ctx.db.selectFrom('people').select(['id', 'full_name']).where('id', 'in', [...new Set(rows.map((r) => r.keeper_id))]).execute()).map((p) => [p.id, p.full_name]));
  const transferIds = [...new Set(rows.map((r) => r.archive_transfer_id).filter((x): x is string => x !== null))];
  const transfers = new Map(transferIds.length ? (await ctx.db.selectFrom('archive_transfers').select(['id', 'transferred_on']).where('id', 'in', transferIds).execute()).map((t) => [t.id, t.transferred_on]) : []);
  const countOf = new Map(counts.map((c) => [c.file_id, Number(c.n)]));
  return {
    files: rows.map((r) =>
      present(r, {
        keeperName: keepers.get(r.keeper_id) ?? null,
        highestLevel: highestLevelOf(levels.filter((l) => l.file_id === r.id).map((l) => l.level as Level)),
        itemCount: countOf.get(r.id) ?? 0,
        archivedOn: r.archive_transfer_id ? (transfers.get(r.archive_transfer_id) ?? null) : null,
      }),
    ),
  };
}

/** Reading a file and its list is audited like reading an item (DESIGN.md §5). */
export async function getRecordFile(ctx: AppContext, { actor, fileId }: { actor: Actor; fileId: string }) {
  const { row, file, visible } = await loadVisibleFile(ctx, actor, fileId);
  await inTransaction(ctx, ({ audit }) => audit({ type: 'file.viewed', chain: row.unit_id, actorId: actor.accountId, subjectId: row.id, data: { code: row.code, highestLevel: file.highestLevel } }));
  return { file, items: visible.map(toPublicItem) };
}

/** What may change a file: seen, kept by the clerk or head in scope, and still open. */
async function loadOpenFileForChange(ctx: AppContext, actor: Actor, fileId: string) {
  const loaded = await loadVisibleFile(ctx, actor, fileId);
  if (!canManageFilesOf({ actor, unitId: loaded.row.unit_id })) throw errors.forbidden();
  if (loaded.row.status !== 'OPEN') throw recordFileErrors.wrongStatus({ message: 'Hồ sơ đã kết thúc hoặc đã nộp lưu: không thêm, rút tài liệu được nữa' });
  return loaded;
}

/** Adds items of the file's unit; each addition is an event on the item's timeline. */
export async function addFileItems(ctx: AppContext, { actor, fileId, itemIds }: { actor: Actor; fileId: string; itemIds: string[] }) {
  const { row } = await loadOpenFileForChange(ctx, actor, fileId);
  const keeper = await ctx.db.selectFrom('people').select(['clearance', 'full_name']).where('id', '=', row.keeper_id).executeTakeFirstOrThrow();
  const unique = [...new Set(itemIds)];
  const items = await ctx.db.selectFrom('items').selectAll().where('id', 'in', unique).execute();
  const now = ctx.clock();
  for (const id of unique) {
    const item = items.find((i) => i.id === id);
    if (!item || !canSeeItem({ actor, item: await loadAccessFacts(ctx, item), now })) throw registerErrors.itemNotFound();
    if (item.unit_id !== row.unit_id) throw recordFileErrors.itemRefused({ message: `Tài liệu ${item.so_ky_hieu} thuộc đơn vị khác: chỉ đưa vào hồ sơ tài liệu của đơn vị lập hồ sơ` });
    if (item.status === 'DESTROYED') throw recordFileErrors.itemRefused({ message: `Tài liệu ${item.so_ky_hieu} đã tiêu hủy` });
    if (!isClearedFor(keeper.clearance as 'NONE', item.level as Level)) throw recordFileErrors.itemRefused({ message: `Người lập hồ sơ ${keeper.full_name} không được tiếp cận bí mật nhà nước ở độ mật của tài liệu ${item.so_ky_hieu}` });
  }
  const filed = await ctx.db.selectFrom('record_file_items').select(['item_id', 'file_id']).where('item_id', 'in', unique).execute();
  const already = filed[0];
  if (already) {
    const so = items.find((i) => i.id === already.item_id)!.so_ky_hieu;
    throw recordFileErrors.itemRefused({ message: already.file_id === fileId ? `Tài liệu ${so} đã có trong hồ sơ này` : `Tài liệu ${so} đã nằm trong một hồ sơ khác` });
  }
  await inTransaction(ctx, async ({ trx, now: at, audit }) => {
    const iso = at.toISOString();
    for (const id of unique) {
      await trx.insertInto('record_file_items').values({ item_id: id, file_id: fileId, filed_at: iso, filed_by: actor.accountId }).execute();
      await appendItemEvent({ trx, kind: ctx.dbKind, unitId: row.unit_id, itemId: id, occurredAt: iso, recordedAt: at, actorId: actor.accountId, event: { type: 'FILED', data: { fileId, fileCode: row.code } } });
    }
    await trx.updateTable('record_files').set({ updated_at: iso }).where('id', '=', fileId).execute();
    await audit({ type: 'file.items_added', chain: row.unit_id, actorId: actor.accountId, subjectId: fileId, data: { code: row.code, itemIds: unique } });
  });
  return getRecordFileQuiet(ctx, actor, fileId);
}

async function getRecordFileQuiet(ctx: AppContext, actor: Actor, fileId: string) {
  const { file, visible } = await loadVisibleFile(ctx, actor, fileId);
  return { file, items: visible.map(toPublicItem) };
}

/** Takes items out of an open file, with the reason on each item's timeline. */
export async function removeFileItems(ctx: AppContext, { actor, fileId, itemIds, reason }: { actor: Actor; fileId: string; itemIds: string[]; reason: string }) {
  const { row, visible } = await loadOpenFileForChange(ctx, actor, fileId);
  const unique = [...new Set(itemIds)];
  for (const id of unique) if (!visible.some((i) => i.itemId === id)) throw registerErrors.itemNotFound();
  await inTransaction(ctx, async ({ trx, now, audit }) => {
    const iso = now.toISOString();
    for (const id of unique) {
      await trx.deleteFrom('record_file_items').where('item_id', '=', id).where('file_id', '=', fileId).execute();
      await appendItemEvent({ trx, kind: ctx.dbKind, unitId: row.unit_id, itemId: id, occurredAt: iso, recordedAt: now, actorId: actor.accountId, event: { type: 'UNFILED', data: { fileId, fileCode: row.code, reason } } });
    }
    await trx.updateTable('record_files').set({ updated_at: iso }).where('id', '=', fileId).execute();
    await audit({ type: 'file.items_removed', chain: row.unit_id, actorId: actor.accountId, subjectId: fileId, data: { code: row.code, itemIds: unique } });
  });
  return getRecordFileQuiet(ctx, actor, fileId);
}

/** Closes a file (kết thúc hồ sơ): no item can be added or taken out afterwards. */
export async function closeRecordFile(ctx: AppContext, { actor, fileId }: { actor: Actor; fileId: string }) {
  const { row, all } = await loadOpenFileForChange(ctx, actor, fileId);
  if (all.length === 0) throw recordFileErrors.wrongStatus({ message: 'Hồ sơ chưa có tài liệu nào: không kết thúc được' });
  await inTransaction(ctx, async ({ trx, now, audit }) => {
    await trx.updateTable('record_files').set({ status: 'CLOSED', closed_on: todayInVietnam(now), updated_at: now.toISOString() }).where('id', '=', fileId).where('status', '=', 'OPEN').execute();
    await audit({ type: 'file.closed', chain: row.unit_id, actorId: actor.accountId, subjectId: fileId, data: { code: row.code, items: all.length } });
  });
  return getRecordFileQuiet(ctx, actor, fileId);
}

/**
 * Nộp lưu: closed files of one unit go to the agency's archive under one handover record. Every
 * item moves to the archive's keeper (a handover-book line, R7.4) and gets the archive location;
 * level and protection period stay as they are.
 */
export async function transferToArchive(ctx: AppContext, { actor, input }: { actor: Actor; input: z.output<typeof archiveTransferRequest> }) {
  const files: Array<Awaited<ReturnType<typeof loadVisibleFile>>> = [];
  for (const id of [...new Set(input.fileIds)]) files.push(await loadVisibleFile(ctx, actor, id));
  const unitId = files[0]!.row.unit_id;
  for (const f of files) {
    if (!canManageFilesOf({ actor, unitId: f.row.unit_id })) throw errors.forbidden();
    if (f.row.unit_id !== unitId) throw recordFileErrors.wrongStatus({ message: 'Một biên bản nộp lưu chỉ gồm hồ sơ của một đơn vị' });
    if (f.row.status !== 'CLOSED') throw recordFileErrors.wrongStatus({ message: `Hồ sơ ${f.row.code} chưa kết thúc hoặc đã nộp lưu: chỉ nộp lưu hồ sơ đã kết thúc` });
    if (f.all.some((i) => !i.visible)) throw recordFileErrors.notFound();
  }
  const receiver = await ctx.db.selectFrom('people').select(['id', 'unit_id', 'clearance', 'full_name']).where('id', '=', input.receivedByPersonId).executeTakeFirst();
  if (!receiver) throw registerErrors.recipientNotCleared({ message: 'Không tìm thấy người nhận của lưu trữ cơ quan' });
  const top = highestLevelOf(files.flatMap((f) => f.all.map((i) => i.level)));
  if (top && !isClearedFor(receiver.clearance as 'NONE', top)) throw registerErrors.recipientNotCleared({ message: `${receiver.full_name} không được tiếp cận bí mật nhà nước ở độ mật của hồ sơ nộp lưu` });
  const transferId = generateId('nlu');
  const archivedLocation = `${input.archiveName}: ${input.location}`;
  await inTransaction(ctx, async ({ trx, now, audit }) => {
    const iso = now.toISOString();
    await trx
      .insertInto('archive_transfers')
      .values({ id: transferId, unit_id: unitId, record_no: input.recordNo, transferred_on: input.transferredOn, archive_name: input.archiveName, location: input.location, handed_by_id: actor.personId, received_by_id: receiver.id, note: input.note || null, created_by: actor.accountId, created_at: iso })
      .execute();
    let items = 0;
    for (const f of files) {
      const fileLocation = `${input.location}; hồ sơ ${f.row.code}`;
      for (const item of f.all) {
        await appendItemEvent({ trx, kind: ctx.dbKind, unitId, itemId: item.itemId, occurredAt: iso, recordedAt: now, actorId: actor.accountId, book: 'CHUYEN_GIAO', event: { type: 'HANDED_OVER', data: { fromPersonId: item.custodianId, toPersonId: receiver.id, toUnitId: receiver.unit_id, note: `Nộp lưu hồ sơ ${f.row.code} theo biên bản số ${input.recordNo}` } } });
        // Recorded a millisecond after the handover, so the timeline shows them in that order.
        await appendItemEvent({ trx, kind: ctx.dbKind, unitId, itemId: item.itemId, occurredAt: iso, recordedAt: new Date(now.getTime() + 1), actorId: actor.accountId, event: { type: 'ARCHIVED', data: { fileId: f.row.id, fileCode: f.row.code, transferId, recordNo: input.recordNo, archiveName: input.archiveName, location: fileLocation } } });
        await trx.updateTable('items').set({ custodian_id: receiver.id, storage_location: `${archivedLocation}; hồ sơ ${f.row.code}`, updated_at: iso }).where('id', '=', item.itemId).execute();
        items++;
      }
      await trx.updateTable('record_files').set({ status: 'ARCHIVED', archive_transfer_id: transferId, archive_location: fileLocation, updated_at: iso }).where('id', '=', f.row.id).execute();
    }
    await audit({ type: 'archive.transferred', chain: unitId, actorId: actor.accountId, subjectId: transferId, data: { recordNo: input.recordNo, fileCodes: files.map((f) => f.row.code), items, receivedById: receiver.id } });
  });
  return getArchiveTransfer(ctx, { actor, transferId });
}

/** A handover record with the files the reader may see; none visible is 404. */
export async function getArchiveTransfer(ctx: AppContext, { actor, transferId }: { actor: Actor; transferId: string }): Promise<{ transfer: ArchiveTransfer }> {
  const t = await ctx.db.selectFrom('archive_transfers').selectAll().where('id', '=', transferId).executeTakeFirst();
  if (!t) throw recordFileErrors.transferNotFound();
  const fileIds = (await ctx.db.selectFrom('record_files').select('id').where('archive_transfer_id', '=', transferId).orderBy('code').execute()).map((f) => f.id);
  const files: RecordFile[] = [];
  const levels: Level[] = [];
  for (const id of fileIds) {
    try {
      const loaded = await loadVisibleFile(ctx, actor, id);
      files.push(loaded.file);
      levels.push(...loaded.all.map((i) => i.level));
    } catch (error) {
      if ((error as { code?: string }).code !== 'record_file.not_found') throw error;
    }
  }
  if (files.length === 0) throw recordFileErrors.transferNotFound();
  const names = new Map((await ctx.db.selectFrom('people').select(['id', 'full_name']).where('id', 'in', [t.handed_by_id, t.received_by_id]).execute()).map((p) => [p.id, p.full_name]));
  return {
    transfer: {
      id: t.id,
      unitId: t.unit_id,
      recordNo: t.record_no,
      transferredOn: t.transferred_on,
      archiveName: t.archive_name,
      location: t.location,
      handedByName: names.get(t.handed_by_id) ?? null,
      receivedByName: names.get(t.received_by_id) ?? null,
      note: t.note,
      files,
      highestLevel: highestLevelOf(levels),
    },
  };
}

export { loadVisibleFile };
