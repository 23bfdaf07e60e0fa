import { formatDate, todayInVietnam, type Dashboard, type DashboardEntry, type ExtendItemRequest, type Level, type NoticeSentRequest } from '@bmnn/contracts';
import { canAuthorize, checkExtension, expiryStatus, getRuleSetFor, recallStatus, takeOutStatus } from '@bmnn/rules';
import { getRuleSets } from '../rule-sets/rule-sets.provider.ts';
import type { AppContext } from '../../platform/context.ts';
import { inTransaction } from '../../platform/context.ts';
import { errors } from '../../platform/errors.ts';
import { generateId } from '../../platform/ids.ts';
import { canSeeItem, type Actor } from '../access/access.policies.ts';
import { SYSTEM_CHAIN } from '../audit/audit.events.ts';
import { appendItemEvent, applyToCopies } from './register.events.ts';
import { registerErrors } from './register.errors.ts';
import { authorityOf } from './register.outgoing.ts';
import { loadAccessFacts, visibleItemsFilter } from './register.usecases.ts';
import { openIncidentInTransaction } from '../incidents/incidents.usecases.ts';

// Protection periods after determination (LEGAL.md R9.2, R9.4): extension by a competent head
// in time, the 15-day written notices, automatic declassification on expiry (a daily job), and
// the clerk's and head's "việc cần làm" dashboard.

/** Statuses in which an item is still protected and its period runs. */
const PROTECTED_STATUSES = ['DETERMINED', 'REGISTERED_OUT', 'SENT', 'RECEIVED', 'RECEIVED_UNOPENED', 'RECEIVED_TAMPERED'];

/** R9.2: the head of the determining body extends, at least 60 days before expiry, by at most the base period. */
export async function extendItem(ctx: AppContext, { actor, itemId, input }: { actor: Actor; itemId: string; input: ExtendItemRequest }) {
  const row = await ctx.db.selectFrom('items').selectAll().where('id', '=', itemId).executeTakeFirst();
  if (!row || !canSeeItem({ actor, item: await loadAccessFacts(ctx, row), now: ctx.clock() })) throw registerErrors.itemNotFound();
  if (!actor.roles.includes('LANH_DAO')) throw errors.forbidden();
  if (!PROTECTED_STATUSES.includes(row.status) || !row.protection_end) throw registerErrors.wrongStatus({ message: 'Tài liệu không còn trong thời hạn bảo vệ có ngày kết thúc' });
  const today = todayInVietnam(ctx.clock());
  const ruleSet = getRuleSetFor({ date: today, ruleSets: await getRuleSets(ctx) });
  const level = row.level as Level;
  const authority = await authorityOf(ctx, { personId: actor.personId, unitId: row.unit_id, date: today });
  if (!authority) throw registerErrors.authorityRefused({ message: 'Người quyết định chưa được ghi nhận chức danh, văn bản ủy quyền có thẩm quyền gia hạn' });
  const allowed = canAuthorize({ authority, action: 'EXTEND', level, actionDate: today, ruleSet });
  if (!allowed.allowed) throw registerErrors.authorityRefused({ message: allowed.reason, details: { rule: allowed.rule, legalBasis: allowed.legalBasis } });
  const check = checkExtension({ level, endDate: row.protection_end, decisionDate: today, years: input.years, previousExtensions: Number(row.extensions_count), ruleSet });
  if (!check.ok) throw registerErrors.periodRefused({ message: check.reason, details: { rule: check.rule, legalBasis: check.legalBasis } });
  return inTransaction(ctx, async ({ trx, now, audit }) => {
    const iso = now.toISOString();
    await trx.updateTable('items').set({ protection_end: check.newEndDate, extensions_count: Number(row.extensions_count) + 1, updated_at: iso }).where('id', '=', itemId).execute();
    const extended = { type: 'EXTENDED' as const, data: { previousEnd: row.protection_end!, newEnd: check.newEndDate, years: input.years, decisionRef: input.decisionRef, notifyBy: check.notifyBy, rule: ruleSet.extension.basis.rule, legalBasis: ruleSet.extension.basis.legalBasis } };
    await appendItemEvent({ trx, kind: ctx.dbKind, unitId: row.unit_id, itemId, occurredAt: iso, recordedAt: now, actorId: actor.accountId, event: extended });
    await applyToCopies({ trx, kind: ctx.dbKind, parentId: itemId, set: { protection_end: check.newEndDate, extensions_count: Number(row.extensions_count) + 1 }, event: extended, at: now, actorId: actor.accountId });
    await trx.insertInto('item_notices').values({ id: generateId('ntc'), unit_id: row.unit_id, item_id: itemId, kind: 'EXTENSION', decision_ref: input.decisionRef, due_date: check.notifyBy, sent_on: null, sent_to: null, created_at: iso }).execute();
    await audit({ type: 'item.extended', chain: row.unit_id, actorId: actor.accountId, subjectId: itemId, data: { newEnd: check.newEndDate, years: input.years, decisionRef: input.decisionRef } });
    return { protectionEnd: check.newEndDate, label: check.label, notifyBy: check.notifyBy };
  });
}

/** Records that a written notice went out (R9.2, R9.3, R9.5: within 15 days). */
export async function markNoticeSent(ctx: AppContext, { actor, noticeId, input }: { actor: Actor; noticeId: string; input: NoticeSentRequest }) {
  const notice = await ctx.db.selectFrom('item_notices').selectAll().where('id', '=', noticeId).executeTakeFirst();
  if (!notice) throw registerErrors.noticeNotFound();
  const item = await ctx.db.selectFrom('items').select(['id', 'unit_id', 'level', 'custodian_id']).where('id', '=', notice.item_id).executeTakeFirstOrThrow();
  if (!canSeeItem({ actor, item: await loadAccessFacts(ctx, item), now: ctx.clock() })) throw registerErrors.noticeNotFound();
  if (!actor.roles.includes('VAN_THU') && !actor.roles.includes('LANH_DAO')) throw errors.forbidden();
  await inTransaction(ctx, async ({ trx, now, audit }) => {
    await trx.updateTable('item_notices').set({ sent_on: input.sentOn, sent_to: input.sentTo }).where('id', '=', noticeId).execute();
    await appendItemEvent({ trx, kind: ctx.dbKind, unitId: notice.unit_id, itemId: notice.item_id, occurredAt: now.toISOString(), recordedAt: now, actorId: actor.accountId, event: { type: 'NOTICE_SENT', data: { kind: notice.kind, sentTo: input.sentTo, sentOn: input.sentOn } } });
    await audit({ type: 'item.notice_sent', chain: notice.unit_id, actorId: actor.accountId, subjectId: notice.item_id, data: { kind: notice.kind, noticeId } });
  });
  return { ok: true as const };
}

/**
 * R9.4(a): an item whose protection period (and any extension) has ended is declassified by
 * law. Run daily; idempotent. Each item gets a DECLASSIFIED event; one audit record per run.
 */
export async function declassifyExpiredItems(ctx: AppContext, { today = todayInVietnam(ctx.clock()) }: { today?: string } = {}) {
  const expired = await ctx.db
    .selectFrom('items')
    .select(['id', 'unit_id', 'protection_end'])
    .where('status', 'in', PROTECTED_STATUSES)
    .where('protection_end', 'is not', null)
    .where('protection_end', '<', today)
    .execute();
  if (expired.length === 0) return { declassified: 0 };
  await inTransaction(ctx, async ({ trx, now, audit }) => {
    const iso = now.toISOString();
    for (const item of expired) {
      await trx.updateTable('items').set({ status: 'DECLASSIFIED', updated_at: iso }).where('id', '=', item.id).execute();
      await appendItemEvent({ trx, kind: ctx.dbKind, unitId: item.unit_id, itemId: item.id, occurredAt: iso, recordedAt: now, actorId: null, event: { type: 'DECLASSIFIED', data: { case: 'EXPIRED', protectionEnd: item.protection_end, note: 'Đương nhiên giải mật khi hết thời hạn bảo vệ (R9.4 a)' } } });
    }
    await audit({ type: 'item.declassified_auto', chain: SYSTEM_CHAIN, actorId: null, data: { count: expired.length, asOf: today } });
  });
  return { declassified: expired.length };
}

/**
 * R8.2, R13.1: items taken out and not back by the return date open an incident (once per
 * request), so that the head and Công an tỉnh are told. The items are referenced, not linked:
 * whether they are lost is for the investigation to establish.
 */
export async function openIncidentsForOverdueTakeOuts(ctx: AppContext, { today = todayInVietnam(ctx.clock()) }: { today?: string } = {}) {
  const overdue = await ctx.db
    .selectFrom('release_requests')
    .select(['id', 'unit_id', 'to_date', 'details'])
    .where('status', '=', 'OUT')
    .where('to_date', '<', today)
    .execute();
  let opened = 0;
  for (const r of overdue) {
    const existing = await ctx.db.selectFrom('incidents').select('id').where('source', '=', 'TAKE_OUT_OVERDUE').where('source_ref', '=', r.id).executeTakeFirst();
    if (existing) continue;
    const details = JSON.parse(r.details) as { destination?: string; purpose?: string };
    await inTransaction(ctx, (scope) =>
      openIncidentInTransaction(scope, {
        unitId: r.unit_id,
        kind: 'MAT',
        channel: 'KHAC',
        subChannel: 'LOST_MISPLACED',
        title: 'Tài liệu mang ra khỏi nơi lưu giữ chưa được trả lại đúng hạn',
        discoveredAt: scope.now.toISOString(),
        circumstances: `Tài liệu mang đi ${details.destination ?? ''} (${details.purpose ?? ''}) phải trả về nơi lưu giữ chậm nhất ngày ${formatDate(r.to_date)} nhưng chưa được trả.`,
        source: 'TAKE_OUT_OVERDUE',
        sourceRef: r.id,
        actorId: null,
      }),
    );
    opened++;
  }
  return { opened };
}

/** Runs the daily jobs now and then every six hours; a missed day is caught up at the next run. */
export function scheduleDailyJobs(ctx: AppContext, log: (msg: string) => void): () => void {
  const run = () =>
    declassifyExpiredItems(ctx)
      .then(({ declassified }) => declassified > 0 && log(`Đương nhiên giải mật ${declassified} tài liệu hết thời hạn bảo vệ`))
      .then(() => openIncidentsForOverdueTakeOuts(ctx))
      .then(({ opened }) => opened > 0 && log(`Mở ${opened} vụ việc do tài liệu mang ra ngoài quá hạn chưa trả`))
      .catch((error: unknown) => log(`Lỗi khi chạy việc định kỳ: ${(error as Error).message}`));
  void run();
  const timer = setInterval(run, 6 * 3_600_000);
  timer.unref();
  return () => clearInterval(timer);
}

/** The "việc cần làm" dashboard: only what the actor may see (DESIGN.md §5). */
export async function getDashboard(ctx: AppContext, { actor }: { actor: Actor }): Promise<Dashboard> {
  return computeDashboard(ctx, { actor, itemId: null });
}

/**
 * The dashboard's notices and deadlines for one item, for the item page; the same visibility as
 * the item itself (404 when the actor may not see it).
 */
export async function getItemNotices(ctx: AppContext, { actor, itemId }: { actor: Actor; itemId: string }): Promise<Dashboard> {
  const row = await ctx.db.selectFrom('items').select(['id', 'unit_id', 'level', 'custodian_id']).where('id', '=', itemId).executeTakeFirst();
  if (!row || !canSeeItem({ actor, item: await loadAccessFacts(ctx, row), now: ctx.clock() })) throw registerErrors.itemNotFound();
  return computeDashboard(ctx, { actor, itemId });
}

/** Every list of the dashboard, over the visible items or over one of them when itemId is set. */
async function computeDashboard(ctx: AppContext, { actor, itemId }: { actor: Actor; itemId: string | null }): Promise<Dashboard> {
  const now = ctx.clock();
  const today = todayInVietnam(now);
  const ruleSet = getRuleSetFor({ date: today, ruleSets: await getRuleSets(ctx) });
  const visible = ctx.db.selectFrom('items').where(visibleItemsFilter(actor, now)).$if(itemId !== null, (q) => q.where('items.id', '=', itemId!));
  const entry = (r: { id: string; so_ky_hieu: string; level: string; status: string }, date: string | null, detail: string): DashboardEntry => ({ itemId: r.id, soKyHieu: r.so_ky_hieu, level: r.level as Level, status: r.status, date, detail });

  const proposed = actor.roles.includes('LANH_DAO')
    ? await visible.select(['items.id', 'items.so_ky_hieu', 'items.level', 'items.status', 'items.created_at', 'items.proposed_by']).where('items.status', '=', 'PROPOSED').orderBy('items.created_at').limit(100).execute()
    : [];
  const horizon = new Date(Date.parse(`${today}T00:00:00Z`) + ruleSet.extension.warningLeadDays * 86_400_000).toISOString().slice(0, 10);
  const ending = await visible
    .select(['items.id', 'items.so_ky_hieu', 'items.level', 'items.status', 'items.protection_end'])
    .where('items.status', 'in', PROTECTED_STATUSES)
    .where('items.protection_end', 'is not', null)
    .where('items.protection_end', '<=', horizon)
    .orderBy('items.protection_end')
    .limit(200)
    .execute();
  const recalls = await visible.select(['items.id', 'items.so_ky_hieu', 'items.level', 'items.status', 'items.recall_deadline']).where('items.recall_deadline', 'is not', null).where('items.status', 'in', PROTECTED_STATUSES).orderBy('items.recall_deadline').limit(200).execute();
  const notices = await ctx.db
    .selectFrom('item_notices')
    .innerJoin('items', 'items.id', 'item_notices.item_id')
    .where(visibleItemsFilter(actor, now))
    .$if(itemId !== null, (q) => q.where('items.id', '=', itemId!))
    .where('item_notices.sent_on', 'is', null)
    .select(['item_notices.id as noticeId', 'item_notices.kind', 'item_notices.due_date', 'items.id', 'items.so_ky_hieu', 'items.level', 'items.status'])
    .orderBy('item_notices.due_date')
    .limit(200)
    .execute();

  const takenOut = await ctx.db
    .selectFrom('release_requests')
    .innerJoin('release_request_items', 'release_request_items.request_id', 'release_requests.id')
    .innerJoin('items', 'items.id', 'release_request_items.item_id')
    .where(visibleItemsFilter(actor, now))
    .$if(itemId !== null, (q) => q.where('items.id', '=', itemId!))
    .where('release_requests.status', '=', 'OUT')
    .select(['release_requests.to_date', 'items.id', 'items.so_ky_hieu', 'items.level', 'items.status'])
    .orderBy('release_requests.to_date')
    .limit(200)
    .execute();
  const takeOutsDue = takenOut
    .map((r) => ({ r, s: takeOutStatus({ returnDueDate: r.to_date!, today, ruleSet }) }))
    .filter(({ s }) => s.status === 'OVERDUE' || s.status === 'DUE_SOON')
    .map(({ r, s }) => entry(r, r.to_date, s.status === 'OVERDUE' ? `Quá hạn trả về nơi lưu giữ ${Math.abs(s.daysLeft)} ngày (R8.2)` : `Hạn trả về nơi lưu giữ ngày ${formatDate(r.to_date)}`));
  const unlocated = await visible
    .select(['items.id', 'items.so_ky_hieu', 'items.level', 'items.status', 'items.created_at'])
    .where('items.status', 'in', ['RECEIVED', 'DETERMINED', 'REGISTERED_OUT'])
    .where('items.storage_location', 'is', null)
    .orderBy('items.created_at')
    .limit(200)
    .execute();
  const expiring: DashboardEntry[] = [];
  const tooLate: DashboardEntry[] = [];
  for (const r of ending) {
    const s = expiryStatus({ endDate: r.protection_end!, today, ruleSet });
    if (s.status === 'EXTENSION_TOO_LATE') tooLate.push(entry(r, r.protection_end, `Hết thời hạn bảo vệ ngày ${formatDate(r.protection_end)}; đã quá hạn quyết định gia hạn (${formatDate(s.extensionDeadline)})`));
    else if (s.status === 'EXPIRING_SOON') expiring.push(entry(r, r.protection_end, `Còn ${s.daysLeft} ngày; quyết định gia hạn chậm nhất ngày ${formatDate(s.extensionDeadline)}`));
  }
  const recallsDue = recalls
    .map((r) => ({ r, s: recallStatus({ recallDeadline: r.recall_deadline!, today, ruleSet }) }))
    .filter(({ s }) => s.status === 'OVERDUE' || s.status === 'DUE_SOON')
    .map(({ r, s }) => entry(r, r.recall_deadline, s.status === 'OVERDUE' ? `Quá hạn thu hồi ${Math.abs(s.daysLeft)} ngày` : `Hạn trả ngày ${formatDate(r.recall_deadline)}`));
  return {
    approvalsWaiting: proposed.filter((r) => r.proposed_by !== actor.accountId).map((r) => entry(r, r.created_at, 'Chờ lãnh đạo xác định độ mật')),
    expiringSoon: expiring,
    extensionTooLate: tooLate,
    recallsDue,
    takeOutsDue,
    withoutLocation: unlocated.map((r) => entry(r, r.created_at, 'Chưa ghi nơi lưu giữ (phòng, tủ, két)')),
    noticesDue: notices.map((n) => ({ ...entry(n, n.due_date, `${n.kind === 'EXTENSION' ? 'Thông báo gia hạn' : 'Thông báo'} phải gửi trước hết ngày ${formatDate(n.due_date)}${n.due_date < today ? ' (đã quá hạn)' : ''}`), noticeId: n.noticeId })),
  };
}

