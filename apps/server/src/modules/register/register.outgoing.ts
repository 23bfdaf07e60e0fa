import { foldForSearch, LEVEL_LABELS, proposeItemRequest, todayInVietnam, type CreateAuthorityRequest, type Level, type ProposeItemRequest, type RegisterOutgoingRequest, type UnitKind } from '@bmnn/contracts';
import { canAuthorize, checkTrichYeu, classify, computeProtectionPeriod, envelopeFor, envelopeLabels, getRuleSetFor, type AgencyType, type Authority } from '@bmnn/rules';
import type { AppContext } from '../../platform/context.ts';
import { inTransaction } from '../../platform/context.ts';
import { errors } from '../../platform/errors.ts';
import { generateId } from '../../platform/ids.ts';
import { canSeeItem, isClearedFor, type Actor } from '../access/access.policies.ts';
import { personErrors } from '../people/people.errors.ts';
import { ensureDeviceApprovedFor } from '../devices/devices.usecases.ts';
import { appendItemEvent } from './register.events.ts';
import { registerErrors } from './register.errors.ts';
import { loadAccessFacts } from './register.usecases.ts';

// Determining a secret and sending it out (LEGAL.md R3.4, R4.1, R4.2, R7.2, R7.3): the drafter
// proposes with danh mục citations, a leader with authority who is not the drafter determines,
// the clerk registers the outgoing book line (with the envelope mark), and only then can the
// item be sent. The law is in @bmnn/rules, chosen by the date of each action (A4).

const has = (actor: Actor, ...roles: string[]) => roles.some((r) => actor.roles.includes(r as never));

/** Authority records of people (position, delegation): managed by the administrator. */
export async function createAuthority(ctx: AppContext, { actor, input }: { actor: Actor; input: CreateAuthorityRequest }) {
  if (!has(actor, 'QUAN_TRI')) throw errors.forbidden();
  const person = await ctx.db.selectFrom('people').select(['id', 'unit_id']).where('id', '=', input.personId).executeTakeFirst();
  if (!person) throw personErrors.notFound();
  return inTransaction(ctx, async ({ trx, now, audit }) => {
    const id = generateId('aut');
    await trx
      .insertInto('authorities')
      .values({ id, unit_id: person.unit_id, person_id: person.id, position_keys: JSON.stringify(input.positionKeys), title: input.title ?? null, delegation_ref: input.delegationRef ?? null, delegation_from: input.delegationFrom ?? null, delegation_to: input.delegationTo ?? null, valid_from: input.validFrom, valid_to: input.validTo ?? null, created_at: now.toISOString() })
      .execute();
    await audit({ type: 'authority.created', chain: person.unit_id, actorId: actor.accountId, subjectId: person.id, data: { positionKeys: input.positionKeys, delegationRef: input.delegationRef ?? null, validFrom: input.validFrom } });
    return { authorityId: id };
  });
}

/** Recorded authorities (administrator, or a head for the people of their scope). */
export async function listAuthorities(ctx: AppContext, { actor, personId }: { actor: Actor; personId?: string | undefined }) {
  if (!has(actor, 'QUAN_TRI', 'LANH_DAO')) throw errors.forbidden();
  let q = ctx.db.selectFrom('authorities').innerJoin('people', 'people.id', 'authorities.person_id').selectAll('authorities').select('people.full_name');
  if (personId) q = q.where('authorities.person_id', '=', personId);
  const rows = await q.orderBy('authorities.created_at').execute();
  return {
    authorities: rows
      .filter((r) => has(actor, 'QUAN_TRI') || actor.scopeUnitIds.has(r.unit_id))
      .map((r) => ({ id: r.id, personId: r.person_id, personName: r.full_name, unitId: r.unit_id, positionKeys: JSON.parse(r.position_keys) as string[], title: r.title, delegationRef: r.delegation_ref, delegationFrom: r.delegation_from, delegationTo: r.delegation_to, validFrom: r.valid_from, validTo: r.valid_to })),
  };
}

/** The person's authority on a date, as the rules engine reads it. */
export async function authorityOf(ctx: AppContext, { personId, unitId, date }: { personId: string; unitId: string; date: string }): Promise<Authority | null> {
  const rows = await ctx.db.selectFrom('authorities').selectAll().where('person_id', '=', personId).execute();
  const row = rows.find((r) => r.valid_from <= date && (!r.valid_to || r.valid_to >= date));
  if (!row) return null;
  const unit = await ctx.db.selectFrom('units').select('kind').where('id', '=', unitId).executeTakeFirstOrThrow();
  return {
    roleKeys: JSON.parse(row.position_keys) as string[],
    ...(row.title ? { title: row.title } : {}),
    agencyType: unit.kind as UnitKind as AgencyType,
    ...(row.delegation_ref && row.delegation_from ? { delegation: { ref: row.delegation_ref, validFrom: row.delegation_from, validTo: row.delegation_to } } : {}),
    isDeterminingBody: row.unit_id === unitId,
    isManagingBody: row.unit_id === unitId,
  };
}

/** R4.2, A3, R3.4: the drafter's proposal, classified from the cited danh mục items. */
export async function proposeItem(ctx: AppContext, { actor, input: raw }: { actor: Actor; input: ProposeItemRequest }) {
  const input = proposeItemRequest.parse(raw);
  if (!has(actor, 'CAN_BO', 'VAN_THU', 'LANH_DAO') || !actor.scopeUnitIds.has(input.unitId)) throw errors.forbidden();
  const today = todayInVietnam(ctx.clock());
  const cited = await ctx.db
    .selectFrom('danh_muc_items')
    .innerJoin('danh_muc_decisions', 'danh_muc_decisions.id', 'danh_muc_items.decision_id')
    .select(['danh_muc_items.id', 'danh_muc_items.item_no', 'danh_muc_items.level', 'danh_muc_decisions.number', 'danh_muc_decisions.valid_from', 'danh_muc_decisions.valid_to'])
    .where('danh_muc_items.id', 'in', input.danhMucItemIds)
    .execute();
  if (cited.length !== new Set(input.danhMucItemIds).size) throw registerErrors.classificationRefused({ message: 'Có mục danh mục được dẫn không tồn tại' });
  const decision = classify({ citedItems: cited.map((c) => ({ ref: `${c.number}, mục ${c.item_no}`, level: c.level as Level, validFrom: c.valid_from, validTo: c.valid_to })), proposedLevel: input.proposedLevel, date: today });
  if (!decision.ok) throw registerErrors.classificationRefused({ message: decision.reason, details: { rule: decision.rule, legalBasis: decision.legalBasis } });
  if (!isClearedFor(actor.clearance, decision.level)) throw errors.forbidden({ message: 'Bạn không được tiếp cận bí mật nhà nước ở độ mật này' });
  // R12.1: drafting and storing happen only on a device approved for it (never connected, or an
  // independent LAN from 01/3/2026, or cơ yếu-approved).
  if (input.draftingDeviceId) await ensureDeviceApprovedFor(ctx.db, { deviceId: input.draftingDeviceId, unitScope: actor.scopeUnitIds, use: 'DRAFT_STORE', actionDate: today });
  const ruleSet = getRuleSetFor({ date: today });
  const summary = input.trichYeu ?? null;
  const policy = checkTrichYeu({ level: decision.level, trichYeu: summary, ruleSet });
  // R7.2: a Tuyệt mật summary is never stored without the rule set's consent exception.
  const trichYeu = policy.ok ? summary : null;
  return inTransaction(ctx, async ({ trx, now, audit }) => {
    const itemId = generateId('itm');
    const iso = now.toISOString();
    await trx
      .insertInto('items')
      .values({ id: itemId, unit_id: input.unitId, level: decision.level, so_ky_hieu: '(dự thảo)', so_ky_hieu_folded: 'du thao', trich_yeu: trichYeu, trich_yeu_folded: trichYeu ? foldForSearch(trichYeu) : null, trich_yeu_consent_by: null, custodian_id: actor.personId, status: 'PROPOSED', form: input.form, sender: null, document_date: null, copies: input.copies, named_recipient_id: null, recall_deadline: null, proposed_by: actor.accountId, drafter_name: input.drafterName, recipients: JSON.stringify(input.recipients), copy_permitted: input.copyPermitted ? 1 : 0, determined_on: null, determined_by: null, determination_basis: null, protection_end: input.customEndDate ?? null, created_by: actor.accountId, created_at: iso, updated_at: iso })
      .execute();
    for (const c of cited) await trx.insertInto('item_citations').values({ item_id: itemId, danh_muc_item_id: c.id }).execute();
    await appendItemEvent({ trx, kind: ctx.dbKind, unitId: input.unitId, itemId, occurredAt: iso, recordedAt: now, actorId: actor.accountId, event: { type: 'PROPOSED', data: { proposedBy: actor.personId, level: decision.level, citedRefs: decision.citedRefs, recipients: input.recipients.length, copies: input.copies, copyPermitted: input.copyPermitted, draftingDeviceId: input.draftingDeviceId ?? null } } });
    await audit({ type: 'item.proposed', chain: input.unitId, actorId: actor.accountId, subjectId: itemId, data: { level: decision.level, citedRefs: decision.citedRefs } });
    return { itemId, level: decision.level, citedRefs: decision.citedRefs, trichYeuStored: trichYeu !== null };
  });
}

async function loadVisible(ctx: AppContext, actor: Actor, itemId: string) {
  const row = await ctx.db.selectFrom('items').selectAll().where('id', '=', itemId).executeTakeFirst();
  if (!row || !canSeeItem({ actor, item: await loadAccessFacts(ctx, row), now: ctx.clock() })) throw registerErrors.itemNotFound();
  return row;
}

/** R4.1: a leader with authority for the level, not the drafter, determines; the period is computed (R9.1). */
export async function determineItem(ctx: AppContext, { actor, itemId }: { actor: Actor; itemId: string }) {
  const row = await loadVisible(ctx, actor, itemId);
  if (row.status !== 'PROPOSED') throw registerErrors.wrongStatus();
  if (!has(actor, 'LANH_DAO')) throw errors.forbidden();
  if (row.proposed_by === actor.accountId) throw registerErrors.samePerson();
  const today = todayInVietnam(ctx.clock());
  const ruleSet = getRuleSetFor({ date: today });
  const level = row.level as Level;
  const authority = await authorityOf(ctx, { personId: actor.personId, unitId: row.unit_id, date: today });
  if (!authority) throw registerErrors.authorityRefused({ message: 'Người duyệt chưa được ghi nhận chức danh, văn bản ủy quyền có thẩm quyền xác định bí mật nhà nước' });
  const allowed = canAuthorize({ authority, action: 'DETERMINE', level, actionDate: today, ruleSet });
  if (!allowed.allowed) throw registerErrors.authorityRefused({ message: allowed.reason, details: { rule: allowed.rule, legalBasis: allowed.legalBasis } });
  const period = computeProtectionPeriod({ level, form: (row.form ?? 'PAPER_DOC') as 'PAPER_DOC', determinationDate: today, ...(row.protection_end ? { customEndDate: row.protection_end } : {}), ruleSet });
  if (!period.ok) throw registerErrors.classificationRefused({ message: period.reason, details: { rule: period.rule } });
  return inTransaction(ctx, async ({ trx, now, audit }) => {
    const iso = now.toISOString();
    const basis = `${allowed.rule}: ${allowed.legalBasis}${allowed.confirmed ? '' : ' (chưa xác nhận)'}`;
    await trx.updateTable('items').set({ status: 'DETERMINED', determined_on: today, determined_by: actor.personId, determination_basis: basis, protection_end: period.period.endDate, updated_at: iso }).where('id', '=', itemId).execute();
    await appendItemEvent({ trx, kind: ctx.dbKind, unitId: row.unit_id, itemId, occurredAt: iso, recordedAt: now, actorId: actor.accountId, event: { type: 'DETERMINED', data: { determinedBy: actor.personId, level, protectionEnd: period.period.endDate, rule: allowed.rule, legalBasis: allowed.legalBasis, confirmed: allowed.confirmed } } });
    await audit({ type: 'item.determined', chain: row.unit_id, actorId: actor.accountId, subjectId: itemId, data: { level, protectionEnd: period.period.endDate } });
    return { status: 'DETERMINED', protectionEnd: period.period.endDate, protectionLabel: period.period.label, legalBasis: basis };
  });
}

/** R7.2, R7.3: the outgoing book line, with the envelope mark; only the clerk. */
export async function registerOutgoing(ctx: AppContext, { actor, itemId, input }: { actor: Actor; itemId: string; input: RegisterOutgoingRequest }) {
  const row = await loadVisible(ctx, actor, itemId);
  if (!has(actor, 'VAN_THU') || !actor.scopeUnitIds.has(row.unit_id)) throw errors.forbidden();
  if (row.status !== 'DETERMINED') throw registerErrors.wrongStatus({ message: 'Chỉ vào sổ đi tài liệu đã được lãnh đạo xác định độ mật' });
  const ruleSet = getRuleSetFor({ date: todayInVietnam(ctx.clock()) });
  const envelope = envelopeFor({ level: row.level as Level, ruleSet });
  const recipients = (JSON.parse(row.recipients ?? '[]') as Array<{ name: string }>).map((r) => r.name);
  return inTransaction(ctx, async ({ trx, now, audit }) => {
    const iso = now.toISOString();
    await trx.updateTable('items').set({ status: 'REGISTERED_OUT', so_ky_hieu: input.soKyHieu, so_ky_hieu_folded: foldForSearch(input.soKyHieu), document_date: input.documentDate, updated_at: iso }).where('id', '=', itemId).execute();
    const { bookSerial } = await appendItemEvent({ trx, kind: ctx.dbKind, unitId: row.unit_id, itemId, occurredAt: iso, recordedAt: now, actorId: actor.accountId, book: 'DI', event: { type: 'REGISTERED_OUTGOING', data: { soKyHieu: input.soKyHieu, documentDate: input.documentDate, envelopeMark: envelope.mark, doubleEnvelope: envelope.doubleEnvelope, recipients } } });
    await audit({ type: 'item.registered_outgoing', chain: row.unit_id, actorId: actor.accountId, subjectId: itemId, data: { soKyHieu: input.soKyHieu, bookSerial: bookSerial!, envelopeMark: envelope.mark } });
    return { bookSerial: bookSerial!, envelopeMark: envelope.mark, doubleEnvelope: envelope.doubleEnvelope };
  });
}

/** R7.2: sending is impossible before the outgoing-book line exists. */
export async function sendItem(ctx: AppContext, { actor, itemId }: { actor: Actor; itemId: string }) {
  const row = await loadVisible(ctx, actor, itemId);
  if (!has(actor, 'VAN_THU') || !actor.scopeUnitIds.has(row.unit_id)) throw errors.forbidden();
  const line = await ctx.db.selectFrom('item_events').select('id').where('item_id', '=', itemId).where('book', '=', 'DI').executeTakeFirst();
  if (!line) throw registerErrors.notRegisteredOutgoing();
  if (row.status !== 'REGISTERED_OUT') throw registerErrors.wrongStatus();
  return inTransaction(ctx, async ({ trx, now, audit }) => {
    const iso = now.toISOString();
    await trx.updateTable('items').set({ status: 'SENT', updated_at: iso }).where('id', '=', itemId).execute();
    await appendItemEvent({ trx, kind: ctx.dbKind, unitId: row.unit_id, itemId, occurredAt: iso, recordedAt: now, actorId: actor.accountId, event: { type: 'SENT', data: { sentBy: actor.personId } } });
    await audit({ type: 'item.sent', chain: row.unit_id, actorId: actor.accountId, subjectId: itemId, data: { soKyHieu: row.so_ky_hieu } });
    return { status: 'SENT' };
  });
}

/** R7.3: the labels of the envelope(s) for each recipient. */
export async function getEnvelopeLabels(ctx: AppContext, { actor, itemId }: { actor: Actor; itemId: string }) {
  const row = await loadVisible(ctx, actor, itemId);
  if (row.status !== 'REGISTERED_OUT' && row.status !== 'SENT') throw registerErrors.notRegisteredOutgoing({ message: 'Chưa vào sổ đi: chưa in được nhãn bì' });
  const ruleSet = getRuleSetFor({ date: todayInVietnam(ctx.clock()) });
  const recipients = JSON.parse(row.recipients ?? '[]') as Array<{ name: string; address?: string; namedPersonOnly?: boolean }>;
  return {
    level: LEVEL_LABELS[row.level as Level],
    labels: recipients.map((r) => ({ recipient: r.name, ...envelopeLabels({ level: row.level as Level, soKyHieu: row.so_ky_hieu, recipient: r.name, address: r.address ?? '', namedPersonOnly: r.namedPersonOnly ?? false, ruleSet }) })),
  };
}
