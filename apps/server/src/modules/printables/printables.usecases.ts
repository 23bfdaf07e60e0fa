import { LEVEL_LABELS, LEVEL_RANK, PRINTABLE_FORMATS, PRINTABLE_KINDS, PRINTABLE_LABELS, formatDate, formatDateTime, todayInVietnam, type Level, type PrintableEntry, type PrintableKind } from '@bmnn/contracts';
import { addDays, fillStampLines, findStampFor, type StampKind, type StampTemplate } from '@bmnn/rules';
import type { AppContext } from '../../platform/context.ts';
import { inTransaction } from '../../platform/context.ts';
import { canSeeItem, type Actor } from '../access/access.policies.ts';
import { getDestructionCase } from '../destruction/destruction.usecases.ts';
import { ancestorsOf, parentAgencyName, placeFrom } from '../incidents/incidents.exports.ts';
import { getEnvelopeLabels } from '../register/register.outgoing.ts';
import { registerErrors } from '../register/register.errors.ts';
import { loadAccessFacts } from '../register/register.usecases.ts';
import { loadRequest } from '../release/release.usecases.ts';
import type { ItemsTable } from '../../platform/db/schema.ts';
import type { Selectable } from 'kysely';
import type { PrintablePage, StampBlock } from './printables.pdf.ts';
import { printableErrors } from './printables.errors.ts';

// Stamps, labels, records and requests printed for one item (LEGAL.md R4.5, R5.7, R7.3,
// R8.1–R8.6, R9.1–R9.5, R10.2–R10.4). Whoever may not see the item gets 404, as everywhere; a
// record listing several items (destruction case, release request) also needs every one of
// them visible (the loaders of those modules check it). Each print is audited with its level.

type ItemRow = Selectable<ItemsTable>;
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const loadPdf = () => import('./printables.pdf.ts');
const loadDocx = () => import('./printables.docx.ts');

async function loadVisibleItem(ctx: AppContext, actor: Actor, itemId: string): Promise<ItemRow> {
  const row = await ctx.db.selectFrom('items').selectAll().where('id', '=', itemId).executeTakeFirst();
  if (!row || !canSeeItem({ actor, item: await loadAccessFacts(ctx, row), now: ctx.clock() })) throw registerErrors.itemNotFound();
  return row;
}

async function eventsOf(ctx: AppContext, itemId: string, type: string) {
  const rows = await ctx.db.selectFrom('item_events').select(['occurred_at', 'data']).where('item_id', '=', itemId).where('type', '=', type).orderBy('occurred_at', 'desc').execute();
  return rows.map((r) => ({ at: r.occurred_at, data: JSON.parse(r.data) as Record<string, unknown> }));
}

async function latestCaseOf(ctx: AppContext, itemId: string) {
  return ctx.db
    .selectFrom('destruction_case_items')
    .innerJoin('destruction_cases', 'destruction_cases.id', 'destruction_case_items.case_id')
    .select(['destruction_cases.id', 'destruction_cases.reason', 'destruction_cases.council', 'destruction_cases.executed_at'])
    .where('destruction_case_items.item_id', '=', itemId)
    .orderBy('destruction_cases.created_at', 'desc')
    .executeTakeFirst();
}

async function latestRequestOf(ctx: AppContext, itemId: string, kinds: string[]) {
  return ctx.db
    .selectFrom('release_request_items')
    .innerJoin('release_requests', 'release_requests.id', 'release_request_items.request_id')
    .select(['release_requests.id'])
    .where('release_request_items.item_id', '=', itemId)
    .where('release_requests.kind', 'in', kinds)
    .orderBy('release_requests.created_at', 'desc')
    .executeTakeFirst();
}

/** Why a printable does not apply to this item now, or null when it does. */
async function unavailableReason(ctx: AppContext, row: ItemRow, kind: PrintableKind): Promise<string | null> {
  switch (kind) {
    case 'dau-do-mat':
    case 'trich-sao':
      return null;
    case 'nhan-bi':
      return row.status === 'REGISTERED_OUT' || row.status === 'SENT' ? null : 'Chưa vào sổ đi: chưa in được nhãn bì (R7.2)';
    case 'ban-sao-so':
      return row.copy_number !== null ? null : 'Chỉ in cho bản sao đã được đánh số (R5.7)';
    case 'thoi-han-bao-ve':
      return row.protection_end ? null : 'Tài liệu chưa có thời hạn bảo vệ';
    case 'gia-han':
      return Number(row.extensions_count) > 0 ? null : 'Tài liệu chưa được gia hạn (R9.2)';
    case 'giai-mat':
      return (await eventsOf(ctx, row.id, 'DECLASSIFIED')).length > 0 ? null : 'Tài liệu chưa được giải mật (R9.4, R9.5)';
    case 'bien-ban-hoi-dong': {
      const c = await latestCaseOf(ctx, row.id);
      if (!c) return 'Tài liệu chưa có trong hồ sơ tiêu hủy nào (R10.4)';
      return c.reason === 'EMERGENCY' || !c.council ? 'Hồ sơ tiêu hủy chưa có Hội đồng tiêu hủy' : null;
    }
    case 'bien-ban-tieu-huy': {
      const c = await latestCaseOf(ctx, row.id);
      return c?.executed_at ? null : 'Tài liệu chưa được tiêu hủy (R10.2)';
    }
    case 'de-nghi-mang-ra':
      return (await latestRequestOf(ctx, row.id, ['TAKE_OUT_DOMESTIC', 'TAKE_OUT_ABROAD'])) ? null : 'Chưa có đề nghị mang ra khỏi nơi lưu giữ (R8.1, R8.2)';
    case 'de-nghi-cung-cap':
      return (await latestRequestOf(ctx, row.id, ['PROVIDE_DOMESTIC', 'PROVIDE_FOREIGN'])) ? null : 'Chưa có đề nghị cung cấp, chuyển giao (R8.4, R8.6)';
  }
}

/** The printables of an item, each with whether it applies now (for the "In" menu). */
export async function listPrintables(ctx: AppContext, { actor, itemId }: { actor: Actor; itemId: string }): Promise<{ printables: PrintableEntry[] }> {
  const row = await loadVisibleItem(ctx, actor, itemId);
  const printables: PrintableEntry[] = [];
  for (const kind of PRINTABLE_KINDS) {
    const reason = await unavailableReason(ctx, row, kind);
    printables.push({ kind, format: PRINTABLE_FORMATS[kind], label: PRINTABLE_LABELS[kind], available: reason === null, reason });
  }
  return { printables };
}

const upper = (level: Level) => LEVEL_LABELS[level].toLocaleUpperCase('vi');

/** The stamp valid on the date of the record it marks (A4); the shipped data always has one from 01/7/2020. */
function stampFor(kind: StampKind, date: string): StampTemplate {
  const stamp = findStampFor({ kind, date: date < '2020-07-01' ? '2020-07-01' : date });
  if (!stamp) throw printableErrors.notAvailable({ message: 'Chưa có mẫu dấu áp dụng cho ngày này' });
  return stamp;
}

const captionOf = (s: StampTemplate) => `${s.formNumber} — ${s.basis.legalBasis}${s.basis.confirmed ? '' : ' (kích thước, bố cục chưa đối chiếu văn bản chính thức)'}; ${s.widthMm} × ${s.heightMm} mm`;
const block = (stamp: StampTemplate, values: Record<string, string>): StampBlock => ({ stamp, lines: fillStampLines(stamp, values), caption: captionOf(stamp) });
const vnDate = (iso: string) => formatDate(iso.slice(0, 10));

async function agencyOf(ctx: AppContext, unitId: string) {
  const chain = await ancestorsOf(ctx, unitId);
  return { agencyName: chain[0]?.name ?? '', parentAgencyName: parentAgencyName(chain[1]), place: placeFrom(chain.at(-1)?.name ?? ''), now: ctx.clock() };
}

async function buildPdfPage(ctx: AppContext, actor: Actor, row: ItemRow, kind: PrintableKind, printedBy: string): Promise<PrintablePage> {
  const level = row.level as Level;
  const agency = await agencyOf(ctx, row.unit_id);
  const base = {
    mark: upper(level),
    subtitle: [`Tài liệu, vật chứa bí mật nhà nước số ${row.so_ky_hieu}${row.document_date ? ` ngày ${formatDate(row.document_date)}` : ''}`, agency.agencyName],
    footer: `In ngày ${formatDateTime(ctx.clock().toISOString())} bởi ${printedBy} — in bằng mực đỏ đối với dấu chỉ độ mật (R4.5)`,
  };
  const recordDate = (row.determined_on ?? row.document_date ?? row.created_at).slice(0, 10);
  switch (kind) {
    case 'dau-do-mat':
      return { ...base, title: 'DẤU CHỈ ĐỘ MẬT', stamps: [block(stampFor('LEVEL', recordDate), { LEVEL: upper(level) })] };
    case 'nhan-bi': {
      const { labels } = await getEnvelopeLabels(ctx, { actor, itemId: row.id });
      const date = todayInVietnam(ctx.clock());
      const stamps: StampBlock[] = [];
      const text = labels.map((l, i) => ({
        heading: `Nơi nhận ${i + 1}: ${l.recipient}`,
        paragraphs: [
          ...(l.inner ? [`Bì trong: ${l.inner.lines.join(' — ')}; dấu: ${l.inner.stamps.join(', ')}`] : []),
          `Bì ${l.inner ? 'ngoài' : ''}: ${l.outer.lines.filter(Boolean).join(' — ')}; dấu: ${l.outer.stamps.join(', ')}`.replace('Bì :', 'Bì:'),
        ],
      }));
      const first = labels[0];
      if (first) {
        stamps.push(block(stampFor('ENVELOPE_MARK', date), { MARK: first.outer.stamps[0] ?? '' }));
        if ([...(first.inner?.stamps ?? []), ...first.outer.stamps].some((s) => s.startsWith('Chỉ người có tên'))) stamps.push(block(stampFor('NAMED_RECIPIENT', date), {}));
      }
      return { ...base, title: 'NHÃN BÌ TÀI LIỆU BÍ MẬT NHÀ NƯỚC', stamps, text };
    }
    case 'ban-sao-so':
      return { ...base, title: 'DẤU "BẢN SAO SỐ"', stamps: [block(stampFor('COPY_NUMBER', row.created_at.slice(0, 10)), { COPY_NUMBER: String(row.copy_number) })] };
    case 'thoi-han-bao-ve':
      return { ...base, title: 'DẤU THỜI HẠN BẢO VỆ BÍ MẬT NHÀ NƯỚC', stamps: [block(stampFor('PERIOD', recordDate), { END_DATE: formatDate(row.protection_end) })] };
    case 'gia-han': {
      const ext = (await eventsOf(ctx, row.id, 'EXTENDED'))[0];
      const date = (ext?.at ?? ctx.clock().toISOString()).slice(0, 10);
      return { ...base, title: 'DẤU GIA HẠN THỜI HẠN BẢO VỆ BÍ MẬT NHÀ NƯỚC', stamps: [block(stampFor('EXTENSION', date), { END_DATE: formatDate(String(ext?.data.newEnd ?? row.protection_end ?? '')), DECISION: String(ext?.data.decisionRef ?? '……') })] };
    }
    case 'giai-mat': {
      const ev = (await eventsOf(ctx, row.id, 'DECLASSIFIED'))[0]!;
      // "Từ: …" is the date the competent leader signed the decision (R9.5); for automatic
      // declassification on expiry, the day after the protection period ends (R9.4 a).
      const from = ev.data.case === 'EXPIRED' && typeof ev.data.protectionEnd === 'string' ? addDays(ev.data.protectionEnd, 1) : todayInVietnam(new Date(ev.at));
      return { ...base, title: 'DẤU "GIẢI MẬT"', subtitle: [...base.subtitle, ...(ev.data.decisionRef ? [`Theo quyết định số ${String(ev.data.decisionRef)}`] : [])], stamps: [block(stampFor('DECLASSIFIED', from), { DATE: formatDate(from) })] };
    }
    case 'trich-sao': {
      const parent = row.parent_id ? await ctx.db.selectFrom('items').select(['so_ky_hieu', 'document_date', 'sender']).where('id', '=', row.parent_id).executeTakeFirst() : undefined;
      const copied = row.parent_id ? (await eventsOf(ctx, row.parent_id, 'COPIED')).find((e) => (e.data.copyIds as string[] | undefined)?.includes(row.id)) : undefined;
      const stamp = stampFor('EXTRACT', (copied?.at ?? row.created_at).slice(0, 10));
      const original = parent ?? { so_ky_hieu: row.so_ky_hieu, document_date: row.document_date, sender: row.sender };
      const recipients = (copied?.data.recipients as string[] | undefined)?.join('; ');
      return {
        ...base,
        title: fillStampLines(stamp, {})[0]!,
        subtitle: [agency.agencyName, `${stamp.formNumber} — ${stamp.basis.legalBasis}${stamp.basis.confirmed ? '' : ' (bố cục chưa đối chiếu văn bản chính thức)'}`],
        stamps: [block(stampFor('LEVEL', recordDate), { LEVEL: upper(level) }), ...(row.copy_number !== null ? [block(stampFor('COPY_NUMBER', row.created_at.slice(0, 10)), { COPY_NUMBER: String(row.copy_number) })] : [])],
        text: [
          {
            paragraphs: [
              `Trích sao từ: văn bản số ${original.so_ky_hieu}${original.document_date ? ` ngày ${formatDate(original.document_date)}` : ''}${original.sender ? ` của ${original.sender}` : ''}.`,
              'Hình thức sao: Trích sao.',
              'Nội dung trích sao: ……………………………………………………………………',
              `Ngày sao: ${copied ? vnDate(copied.at) : '……/……/………'}. Số lượng bản: ${copied ? String(copied.data.made ?? '……') : '……'}.`,
              `Nơi nhận: ${recipients ?? '……………………'}.`,
            ],
          },
        ],
        signature: { left: ['Nơi nhận:', ...(recipients ? recipients.split('; ').map((r) => `- ${r};`) : ['- ……;']), '- Lưu: VT.'], right: ['NGƯỜI CÓ THẨM QUYỀN CHO PHÉP SAO', '(Ký, ghi rõ họ tên, chức vụ, đóng dấu)'] },
      };
    }
    default:
      throw printableErrors.notAvailable();
  }
}

const highestOf = (levels: string[]): Level => levels.reduce<Level>((top, l) => (LEVEL_RANK[l as Level] > LEVEL_RANK[top] ? (l as Level) : top), 'MAT');

async function recordItems(ctx: AppContext, itemIds: string[]) {
  const rows = await ctx.db.selectFrom('items').select(['so_ky_hieu', 'level', 'trich_yeu', 'document_date', 'sender']).where('id', 'in', itemIds.length ? itemIds : ['']).orderBy('so_ky_hieu').execute();
  return rows.map((r) => ({ soKyHieu: r.so_ky_hieu, level: r.level as Level, trichYeu: r.trich_yeu, documentDate: r.document_date ? formatDate(r.document_date) : null, issuer: r.sender }));
}

async function personNames(ctx: AppContext, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await ctx.db.selectFrom('people').select(['id', 'full_name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.full_name]));
}

async function buildDocx(ctx: AppContext, actor: Actor, row: ItemRow, kind: PrintableKind): Promise<{ buffer: Buffer; level: Level; subjectId: string }> {
  const docx = await loadDocx();
  const agency = await agencyOf(ctx, row.unit_id);
  if (kind === 'bien-ban-hoi-dong' || kind === 'bien-ban-tieu-huy') {
    const found = (await latestCaseOf(ctx, row.id))!;
    const { case: c, items } = await getDestructionCase(ctx, { actor, caseId: found.id });
    const council = c.council as { chairId: string; memberIds: string[] } | null;
    const names = await personNames(ctx, council ? [council.chairId, ...council.memberIds] : []);
    const level = highestOf(items.map((i) => i.level));
    const input = {
      ...agency,
      recordDate: todayInVietnam(c.executedAt ? new Date(c.executedAt) : agency.now),
      level,
      items: await recordItems(ctx, items.map((i) => i.id)),
      councilRef: c.councilRef,
      chairName: council ? (names.get(council.chairId) ?? null) : null,
      memberNames: council ? council.memberIds.filter((m) => m !== council.chairId).map((m) => names.get(m) ?? '') : [],
      reviewMinutes: c.reviewMinutes,
      decisionRef: c.decisionRef,
      executedAt: c.executedAt ? formatDateTime(c.executedAt) : null,
      method: c.method,
      destructionPlace: c.place,
      witnesses: c.witnesses as string[],
      emergency: c.reason === 'EMERGENCY',
      circumstances: c.circumstances,
    };
    const buffer = kind === 'bien-ban-hoi-dong' ? await docx.buildCouncilRecordDocx(input) : await docx.buildDestructionRecordDocx(input);
    return { buffer, level, subjectId: c.id };
  }
  const takeOut = kind === 'de-nghi-mang-ra';
  const found = (await latestRequestOf(ctx, row.id, takeOut ? ['TAKE_OUT_DOMESTIC', 'TAKE_OUT_ABROAD'] : ['PROVIDE_DOMESTIC', 'PROVIDE_FOREIGN']))!;
  const { r, items } = await loadRequest(ctx, actor, found.id);
  const details = JSON.parse(r.details) as Record<string, unknown>;
  const level = highestOf(items.map((i) => i.level));
  const list = await recordItems(ctx, items.map((i) => i.id));
  const str = (k: string) => (typeof details[k] === 'string' && details[k] !== '' ? (details[k] as string) : null);
  if (takeOut) {
    const requester = await ctx.db.selectFrom('accounts').innerJoin('people', 'people.id', 'accounts.person_id').innerJoin('units', 'units.id', 'people.unit_id').select(['people.full_name', 'people.position', 'units.name']).where('accounts.id', '=', r.requested_by).executeTakeFirst();
    const buffer = await docx.buildTakeOutRequestDocx({
      ...agency,
      recordDate: todayInVietnam(new Date(r.created_at)),
      level,
      items: list,
      requesterName: requester?.full_name ?? '',
      requesterPosition: requester?.position ?? null,
      requesterUnit: requester?.name ?? agency.agencyName,
      purpose: str('purpose') ?? '',
      destination: str('destination') ?? '',
      country: r.kind === 'TAKE_OUT_ABROAD' ? (str('country') ?? '') : null,
      delegationHead: str('delegationHead'),
      fromDate: formatDate(r.from_date),
      toDate: formatDate(r.to_date),
      protectionMeasures: str('protectionMeasures') ?? '',
    });
    return { buffer, level, subjectId: r.id };
  }
  const buffer = await docx.buildProvisionRequestDocx({
    ...agency,
    recordDate: todayInVietnam(new Date(r.created_at)),
    level,
    items: list,
    foreign: r.kind === 'PROVIDE_FOREIGN',
    requesterBody: str('requesterBody') ?? '',
    representative: str('representative') ?? '',
    identityDocument: str('identityDocument'),
    nationality: str('nationality'),
    position: str('position'),
    purpose: str('purpose') ?? '',
  });
  return { buffer, level, subjectId: r.id };
}

/** Builds one printable of an item and audits it with its format and level. */
export async function printItem(ctx: AppContext, { actor, itemId, kind, format }: { actor: Actor; itemId: string; kind: string; format: string }) {
  const row = await loadVisibleItem(ctx, actor, itemId);
  if (!(PRINTABLE_KINDS as readonly string[]).includes(kind) || PRINTABLE_FORMATS[kind as PrintableKind] !== format) throw printableErrors.unknownKind();
  const k = kind as PrintableKind;
  const reason = await unavailableReason(ctx, row, k);
  if (reason) throw printableErrors.notAvailable({ message: reason });
  const person = await ctx.db.selectFrom('people').select('full_name').where('id', '=', actor.personId).executeTakeFirst();
  let buffer: Buffer;
  let level = row.level as Level;
  let subjectId: string | null = null;
  if (format === 'pdf') {
    const page = await buildPdfPage(ctx, actor, row, k, person?.full_name ?? '');
    buffer = await (await loadPdf()).buildPrintablePdf(page);
  } else {
    ({ buffer, level, subjectId } = await buildDocx(ctx, actor, row, k));
  }
  await inTransaction(ctx, ({ audit }) => audit({ type: 'item.printed', chain: row.unit_id, actorId: actor.accountId, subjectId: itemId, data: { kind: k, format, level, subjectId } }));
  return { buffer, fileName: `${k}-${row.so_ky_hieu.replace(/[^A-Za-z0-9-]+/g, '-')}.${format}`, contentType: format === 'pdf' ? 'application/pdf' : DOCX_TYPE };
}
