import { CLEARANCE_RANK, LEVEL_RANK, type Clearance, type Level, type Role } from '@bmnn/contracts';

// Who may see and do what (DESIGN.md §5), in one file a reviewer can read whole. Pure: the
// caller passes the actor, the subject and the time. Anything the actor may not see is answered
// as "not found" by the routes, and is filtered out of lists and counts by the repositories,
// whose SQL mirrors `canSeeItem` (a property test checks that the two agree).

export type Actor = {
  accountId: string;
  personId: string;
  unitId: string;
  roles: readonly Role[];
  clearance: Clearance;
  /** The actor's unit and every unit below it. */
  scopeUnitIds: ReadonlySet<string>;
};

export type ItemAccessFacts = {
  unitId: string;
  level: Level;
  custodianId: string | null;
  /** People named as recipients of the item. */
  recipientIds?: readonly string[];
  /** Explicit grants: person and expiry (ISO date or timestamp). */
  grants?: ReadonlyArray<{ personId: string; expiresAt: string; revokedAt?: string | null }>;
};

const has = (actor: Actor, role: Role) => actor.roles.includes(role);

/** Clearance at least the level (LEGAL.md R3.1 ordering). */
export function isClearedFor(clearance: Clearance, level: Level): boolean {
  return CLEARANCE_RANK[clearance] >= LEVEL_RANK[level];
}

/** Levels a clearance may see, for SQL filters. */
export function levelsVisibleTo(clearance: Clearance): Level[] {
  return (['MAT', 'TOI_MAT', 'TUYET_MAT'] as const).filter((l) => isClearedFor(clearance, l));
}

/** Roles whose holders see the items of their unit scope by virtue of office. */
export const ITEM_SCOPE_ROLES: readonly Role[] = ['VAN_THU', 'LANH_DAO'];

export function isGrantActive(grant: { expiresAt: string; revokedAt?: string | null }, now: Date): boolean {
  if (grant.revokedAt) return false;
  // A date-only expiry lasts to the end of that day (UTC+7 is ahead, so this errs on the short side).
  const end = /^\d{4}-\d{2}-\d{2}$/.test(grant.expiresAt) ? `${grant.expiresAt}T23:59:59.999Z` : grant.expiresAt;
  return Date.parse(end) >= now.getTime();
}

/**
 * Clearance AND need-to-know: custodian, named recipient, the unit's clerk or head within
 * scope, or an unexpired explicit grant. The administrator, the steering committee and
 * inspectors have no item access by office: they need a grant (DESIGN.md §5).
 */
export function canSeeItem({ actor, item, now }: { actor: Actor; item: ItemAccessFacts; now: Date }): boolean {
  if (!isClearedFor(actor.clearance, item.level)) return false;
  if (item.custodianId !== null && item.custodianId === actor.personId) return true;
  if (item.recipientIds?.includes(actor.personId)) return true;
  if (ITEM_SCOPE_ROLES.some((r) => has(actor, r)) && actor.scopeUnitIds.has(item.unitId)) return true;
  return (item.grants ?? []).some((g) => g.personId === actor.personId && isGrantActive(g, now));
}

/** Registering an item: the clerk or the head, within scope, cleared for the level. */
export function canRegisterItem({ actor, unitId, level }: { actor: Actor; unitId: string; level: Level }): boolean {
  return ITEM_SCOPE_ROLES.some((r) => has(actor, r)) && actor.scopeUnitIds.has(unitId) && isClearedFor(actor.clearance, level);
}

/** Granting temporary access to an item: the head of the owning unit, who can see the item. */
export function canGrantItemAccess({ actor, item, now }: { actor: Actor; item: ItemAccessFacts; now: Date }): boolean {
  return has(actor, 'LANH_DAO') && actor.scopeUnitIds.has(item.unitId) && canSeeItem({ actor, item, now });
}

export function canManageAccounts(actor: Actor): boolean {
  return has(actor, 'QUAN_TRI');
}

export function canManageUnits(actor: Actor): boolean {
  return has(actor, 'QUAN_TRI');
}

/** Roles that work across the whole province and see every unit's people and audit trail. */
const PROVINCE_WIDE: readonly Role[] = ['QUAN_TRI', 'BAN_CHI_DAO', 'THANH_TRA'];

/** People: province-wide roles see everyone; others see their unit scope. */
export function canSeePeopleOf({ actor, unitId }: { actor: Actor; unitId: string }): boolean {
  return PROVINCE_WIDE.some((r) => has(actor, r)) || actor.scopeUnitIds.has(unitId);
}

/** People records are managed by the administrator and by the security officer in scope. */
export function canManagePeopleOf({ actor, unitId }: { actor: Actor; unitId: string }): boolean {
  return has(actor, 'QUAN_TRI') || (has(actor, 'CAN_BO_BAO_MAT') && actor.scopeUnitIds.has(unitId));
}

/** Audit trail: province-wide roles see every chain; heads and security officers their scope. */
export function canReadAuditOf({ actor, chain }: { actor: Actor; chain: string }): boolean {
  if (PROVINCE_WIDE.some((r) => has(actor, r))) return true;
  return (has(actor, 'LANH_DAO') || has(actor, 'CAN_BO_BAO_MAT')) && actor.scopeUnitIds.has(chain);
}

export function canReadSystemAudit(actor: Actor): boolean {
  return PROVINCE_WIDE.some((r) => has(actor, r));
}

// ---- devices (LEGAL.md R12) and incidents (§13) -------------------------------------------

/** Roles that keep the device register and handle incidents of their unit scope. */
const SECURITY_ROLES: readonly Role[] = ['CAN_BO_BAO_MAT', 'LANH_DAO'];
/**
 * Incidents are seen province-wide by the steering committee and inspectors, never by an
 * account that is only an administrator: an incident's circumstances may be sensitive.
 */
const INCIDENT_PROVINCE_ROLES: readonly Role[] = ['BAN_CHI_DAO', 'THANH_TRA'];

/** Devices: everyone sees the devices of their unit scope; province-wide roles see all. */
export function canSeeDevicesOf({ actor, unitId }: { actor: Actor; unitId: string }): boolean {
  return PROVINCE_WIDE.some((r) => has(actor, r)) || actor.scopeUnitIds.has(unitId);
}

/** The SQL twin of `canSeeDevicesOf`: 'all', or the units whose devices the actor sees. */
export function deviceUnitScope(actor: Actor): 'all' | string[] {
  return PROVINCE_WIDE.some((r) => has(actor, r)) ? 'all' : [...actor.scopeUnitIds];
}

/** The register, checks and status changes are kept by the security officer and the head in scope. */
export function canManageDevicesOf({ actor, unitId }: { actor: Actor; unitId: string }): boolean {
  return SECURITY_ROLES.some((r) => has(actor, r)) && actor.scopeUnitIds.has(unitId);
}

/** The tenant's device policy (requireSecurityCheckBeforeUse) is a setting: the administrator's. */
export function canChangeDevicePolicy(actor: Actor): boolean {
  return has(actor, 'QUAN_TRI');
}

/** Incidents: everyone in the unit scope (who may have to report one), and province-wide roles. */
export function canSeeIncidentsOf({ actor, unitId }: { actor: Actor; unitId: string }): boolean {
  if (isOnlyAdministrator(actor)) return false;
  return INCIDENT_PROVINCE_ROLES.some((r) => has(actor, r)) || actor.scopeUnitIds.has(unitId);
}

/** The administrator manages accounts and settings, not cases (separation of duties, DESIGN.md §5). */
function isOnlyAdministrator(actor: Actor): boolean {
  return actor.roles.every((r) => r === 'QUAN_TRI');
}

/** The SQL twin of `canSeeIncidentsOf`. */
export function incidentUnitScope(actor: Actor): 'all' | string[] {
  if (isOnlyAdministrator(actor)) return [];
  return INCIDENT_PROVINCE_ROLES.some((r) => has(actor, r)) ? 'all' : [...actor.scopeUnitIds];
}

/** Anyone in scope may report an incident: whoever finds a loss must report it (LEGAL.md R13.1). */
export function canOpenIncidentIn({ actor, unitId }: { actor: Actor; unitId: string }): boolean {
  return !isOnlyAdministrator(actor) && actor.scopeUnitIds.has(unitId);
}

/** Handling (notifications, investigation, links): the security officer and the head in scope, and Công an tỉnh. */
export function canHandleIncidentsOf({ actor, unitId }: { actor: Actor; unitId: string }): boolean {
  return has(actor, 'BAN_CHI_DAO') || (SECURITY_ROLES.some((r) => has(actor, r)) && actor.scopeUnitIds.has(unitId));
}

// ---- people who work with secrets (LEGAL.md R11.2–R11.4) ------------------------------------

/** Assignments, commitments and offboarding: the security officer and the head in scope (R11.3). */
export function canManageSecretWorkOf({ actor, unitId }: { actor: Actor; unitId: string }): boolean {
  return SECURITY_ROLES.some((r) => has(actor, r)) && actor.scopeUnitIds.has(unitId);
}

// ---- files and archive (lập hồ sơ, nộp lưu) -------------------------------------------------

/**
 * A file (hồ sơ) is marked with the highest level of its items: the reader must be cleared for
 * every item's level, and must see at least one of its items. An empty file is seen by its keeper
 * and by the clerk or head in scope. Items inside that the reader may not see stay hidden.
 */
export function canSeeFile({ actor, file, items }: { actor: Actor; file: { unitId: string; keeperId: string }; items: ReadonlyArray<{ level: Level; visible: boolean }> }): boolean {
  if (items.some((i) => !isClearedFor(actor.clearance, i.level))) return false;
  if (items.length > 0) return items.some((i) => i.visible);
  return file.keeperId === actor.personId || (ITEM_SCOPE_ROLES.some((r) => has(actor, r)) && actor.scopeUnitIds.has(file.unitId));
}

/** Files are made, closed and transferred to the archive by the clerk or the head in scope. */
export function canManageFilesOf({ actor, unitId }: { actor: Actor; unitId: string }): boolean {
  return ITEM_SCOPE_ROLES.some((r) => has(actor, r)) && actor.scopeUnitIds.has(unitId);
}

// ---- training (LEGAL.md R11.5) and meetings with secret content (R8.7, R8.8) -----------------

/** Training sessions and disseminations: as people (province-wide roles see all; others their scope). */
export function canSeeTrainingOf({ actor, unitId }: { actor: Actor; unitId: string }): boolean {
  return canSeePeopleOf({ actor, unitId });
}

/** The SQL twin of `canSeeTrainingOf`. */
export function trainingUnitScope(actor: Actor): 'all' | string[] {
  return PROVINCE_WIDE.some((r) => has(actor, r)) ? 'all' : [...actor.scopeUnitIds];
}

/** Sessions, attendees and disseminations are recorded by the security officer and the head in scope. */
export function canManageTrainingOf({ actor, unitId }: { actor: Actor; unitId: string }): boolean {
  return canManageSecretWorkOf({ actor, unitId });
}

/** The training window is a tenant setting: the administrator's. */
export function canChangeTrainingPolicy(actor: Actor): boolean {
  return has(actor, 'QUAN_TRI');
}

/**
 * A meeting's title and checklist are seen by those cleared for its level, in the unit scope or
 * with a province-wide oversight role (steering committee, inspectors) — never by an account
 * that is only an administrator — and by its attendees.
 */
export function canSeeMeeting({ actor, meeting }: { actor: Actor; meeting: { unitId: string; level: Level; attendeeIds?: readonly string[] } }): boolean {
  if (!isClearedFor(actor.clearance, meeting.level)) return false;
  if (meeting.attendeeIds?.includes(actor.personId)) return true;
  if (isOnlyAdministrator(actor)) return false;
  return INCIDENT_PROVINCE_ROLES.some((r) => has(actor, r)) || actor.scopeUnitIds.has(meeting.unitId);
}

/** The meeting register is kept by the security officer and the head in scope, cleared for the level. */
export function canManageMeetingOf({ actor, unitId, level }: { actor: Actor; unitId: string; level: Level }): boolean {
  return SECURITY_ROLES.some((r) => has(actor, r)) && actor.scopeUnitIds.has(unitId) && isClearedFor(actor.clearance, level);
}

/** The SQL twin of `canSeeMeeting` (attendees aside): 'all' units, or the units in scope; and the levels. */
export function meetingScope(actor: Actor): { units: 'all' | string[]; levels: Level[] } {
  if (isOnlyAdministrator(actor)) return { units: [], levels: levelsVisibleTo(actor.clearance) };
  return { units: INCIDENT_PROVINCE_ROLES.some((r) => has(actor, r)) ? 'all' : [...actor.scopeUnitIds], levels: levelsVisibleTo(actor.clearance) };
}
/** Correcting the rule sets (LEGAL.md A4: UNCONFIRMED rules are data): the administrator only. */
export function canEditRuleSets(actor: Actor): boolean {
  return has(actor, 'QUAN_TRI');
}

// ---- checking files before publication (DESIGN.md §6) ---------------------------------------

/** Anyone who may publish for their unit may check a file first; not an account that is only an administrator. */
export function canCheckFiles(actor: Actor): boolean {
  return !isOnlyAdministrator(actor);
}

/** A check is seen by whoever made it, the security officer and the head in scope, and the province's inspectors. */
export function canSeeLeakCheck({ actor, check }: { actor: Actor; check: { unitId: string; checkedById: string } }): boolean {
  if (isOnlyAdministrator(actor)) return false;
  if (check.checkedById === actor.personId) return true;
  if (INCIDENT_PROVINCE_ROLES.some((r) => has(actor, r))) return true;
  return SECURITY_ROLES.some((r) => has(actor, r)) && actor.scopeUnitIds.has(check.unitId);
}

/** The SQL twin of `canSeeLeakCheck`: every check, or those of these units plus the actor's own. */
export function leakCheckScope(actor: Actor): 'all' | { unitIds: string[]; personId: string } {
  if (isOnlyAdministrator(actor)) return { unitIds: [], personId: '' };
  if (INCIDENT_PROVINCE_ROLES.some((r) => has(actor, r))) return 'all';
  return { unitIds: SECURITY_ROLES.some((r) => has(actor, r)) ? [...actor.scopeUnitIds] : [], personId: actor.personId };
}

/**
 * A file the checker could not clear is concluded by the security officer or the head in scope;
 * clearing a file that carries a current level marking (a false alarm) is the head's alone.
 */
export function canConcludeLeakCheck({ actor, unitId, allowBlocked }: { actor: Actor; unitId: string; allowBlocked: boolean }): boolean {
  if (!actor.scopeUnitIds.has(unitId)) return false;
  return allowBlocked ? has(actor, 'LANH_DAO') : SECURITY_ROLES.some((r) => has(actor, r));
}
