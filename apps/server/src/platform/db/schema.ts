import type { Generated } from 'kysely';


// Row types of every table, one Kysely<Database> for SQLite and PostgreSQL alike.
// Conventions (DESIGN.md §4): random prefixed text ids, UTC ISO-8601 text times, booleans as
// 0/1 integers, JSON as text, `unit_id` on everything a unit owns, `*_folded` search columns.

export type UnitsTable = {
  id: string;
  code: string;
  name: string;
  name_folded: string;
  kind: string;
  parent_id: string | null;
  valid_from: string;
  valid_to: string | null;
  successor_id: string | null;
  is_key_post: number;
  note: string | null;
  created_at: string;
  updated_at: string;
};

export type UnitNamesTable = {
  id: string;
  unit_id: string;
  name: string;
  name_folded: string;
  valid_from: string;
  valid_to: string | null;
};

export type UnitHistoryTable = {
  id: string;
  unit_id: string;
  at: string;
  change: string;
  effective_date: string;
  before_json: string | null;
  after_json: string;
};

export type PeopleTable = {
  id: string;
  unit_id: string;
  full_name: string;
  full_name_folded: string;
  position: string | null;
  handles_secrets: number;
  clearance: string;
  is_key_post: number;
  created_at: string;
  updated_at: string;
};

export type AccountsTable = {
  id: string;
  person_id: string;
  username: string;
  password_hash: string;
  roles: string;
  status: string;
  must_change_password: number;
  totp_secret: string | null;
  totp_enabled: number;
  failed_attempts: number;
  lock_count: number;
  locked_until: string | null;
  last_login_at: string | null;
  password_changed_at: string;
  created_at: string;
  updated_at: string;
};

export type SessionsTable = {
  id: string;
  account_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
};

export type SettingsTable = {
  key: string;
  value: string;
  updated_at: string;
};

export type AuditRecordsTable = {
  id: string;
  chain: string;
  seq: number;
  at: string;
  type: string;
  actor_id: string | null;
  subject_id: string | null;
  data: string;
  prev_hash: string;
  hash: string;
};

export type AuditHeadsTable = {
  chain: string;
  seq: number;
  hash: string;
};

export type ItemsTable = {
  id: string;
  unit_id: string;
  level: string;
  so_ky_hieu: string;
  so_ky_hieu_folded: string;
  trich_yeu: string | null;
  trich_yeu_folded: string | null;
  trich_yeu_consent_by: string | null;
  custodian_id: string | null;
  status: string;
  form: string | null;
  sender: string | null;
  document_date: string | null;
  copies: number | null;
  named_recipient_id: string | null;
  recall_deadline: string | null;
  proposed_by: string | null;
  drafter_name: string | null;
  recipients: string | null;
  copy_permitted: number | null;
  determined_on: string | null;
  determined_by: string | null;
  determination_basis: string | null;
  protection_end: string | null;
  extensions_count: Generated<number>;
  storage_location: string | null;
  parent_id: string | null;
  copy_number: number | null;
  created_by: string;
  created_at: string;
  updated_at: string;
};

export type AccessGrantsTable = {
  id: string;
  unit_id: string;
  item_id: string;
  person_id: string;
  granted_by: string;
  reason: string;
  expires_at: string;
  created_at: string;
  revoked_at: string | null;
};

export type DevicesTable = {
  id: string;
  unit_id: string;
  asset_code: string;
  name: string;
  name_folded: string;
  type: string;
  serial: string | null;
  location: string | null;
  custodian_id: string | null;
  network_status: string;
  ever_connected: number;
  co_yeu_product_ref: string | null;
  /** JSON array of DeviceUse. */
  approved_uses: string;
  status: string;
  last_check_on: string | null;
  last_check_result: string | null;
  next_check_due: string | null;
  last_repair_on: string | null;
  note: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
};

export type DeviceChecksTable = {
  id: string;
  device_id: string;
  unit_id: string;
  body: string;
  inspector_name: string | null;
  reason: string;
  checked_on: string;
  result: string;
  next_due: string | null;
  report_ref: string | null;
  note: string | null;
  created_by: string;
  created_at: string;
};

export type DeviceSanitisationsTable = {
  id: string;
  device_id: string;
  unit_id: string;
  kind: string;
  method: string;
  performed_on: string;
  /** JSON array of names. */
  witnesses: string;
  destruction_ref: string | null;
  created_by: string;
  created_at: string;
};

export type DeviceStatusChangesTable = {
  id: string;
  device_id: string;
  unit_id: string;
  from_status: string | null;
  to_status: string;
  effective_date: string;
  reason: string | null;
  sanitisation_id: string | null;
  created_by: string;
  created_at: string;
};

export type IncidentsTable = {
  id: string;
  unit_id: string;
  kind: string;
  channel: string;
  sub_channel: string | null;
  title: string;
  source: string;
  source_ref: string | null;
  discovered_at: string;
  /** Year of discovery in Vietnam's time zone, for statistics. */
  discovered_year: number;
  discovered_by_person_id: string | null;
  discovered_by_name: string | null;
  occurred_on: string | null;
  circumstances: string;
  immediate_measures: string | null;
  investigation_status: string;
  outcome: string | null;
  root_cause: string | null;
  handling: string | null;
  remedy: string | null;
  referral: string;
  referral_note: string | null;
  /** When the last required notification (R13.1) was made; null while "report now". */
  reported_at: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
};

export type IncidentItemsTable = {
  id: string;
  incident_id: string;
  item_id: string;
  unit_id: string;
  effect: string;
  previous_status: string;
  linked_by: string;
  linked_at: string;
};

export type IncidentDevicesTable = {
  id: string;
  incident_id: string;
  device_id: string;
  unit_id: string;
  linked_by: string;
  linked_at: string;
};

export type IncidentNotificationsTable = {
  id: string;
  incident_id: string;
  unit_id: string;
  recipient: string;
  recipient_name: string | null;
  notified_at: string;
  method: string | null;
  document_ref: string | null;
  created_by: string;
  created_at: string;
};

export type IncidentEntriesTable = {
  id: string;
  incident_id: string;
  unit_id: string;
  at: string;
  kind: string;
  text: string;
  item_id: string | null;
  actor_id: string | null;
  created_at: string;
};


export type SecretAssignmentsTable = {
  id: string;
  unit_id: string;
  person_id: string;
  kind: string;
  officer_type: string | null;
  decision_ref: string;
  decision_date: string;
  valid_from: string;
  ended_on: string | null;
  end_reason: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
};

export type CommitmentsTable = {
  id: string;
  unit_id: string;
  person_id: string;
  kind: string;
  title: string | null;
  signed_on: string | null;
  renewal_due: string | null;
  scan_ref: string | null;
  scan_file_id: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
};

export type StoredFilesTable = {
  id: string;
  unit_id: string;
  sha256: string;
  media_type: string;
  size: number;
  original_name: string;
  purpose: string;
  created_by: string;
  created_at: string;
};

export type LeakChecksTable = {
  id: string;
  unit_id: string;
  file_name: string;
  size: number;
  sha256: string;
  file_type: string;
  decision: string;
  /** JSON: LeakFinding[] (redacted excerpts only). */
  findings: string;
  /** JSON: LeakProblem[]. */
  problems: string;
  already_published: number;
  checked_by: string;
  checked_at: string;
  conclusion: string | null;
  conclusion_reason: string | null;
  concluded_by: string | null;
  concluded_at: string | null;
  incident_id: string | null;
};

export type StockTakesTable = {
  id: string;
  unit_id: string;
  title: string;
  location_prefix: string | null;
  status: string;
  started_by: string;
  started_at: string;
  closed_by: string | null;
  closed_at: string | null;
  note: string | null;
  incident_id: string | null;
};

export type StockTakeLinesTable = {
  id: string;
  stock_take_id: string;
  item_id: string;
  expected_location: string | null;
  expected_custodian_id: string | null;
  result: string | null;
  found_location: string | null;
  note: string | null;
  checked_by: string | null;
  checked_at: string | null;
};

export type OffboardingCasesTable = {
  id: string;
  unit_id: string;
  person_id: string;
  reason: string;
  successor_id: string | null;
  status: string;
  effective_date: string;
  exit_commitment_id: string | null;
  note: string | null;
  opened_at: string;
  closed_at: string | null;
  created_by: string;
};

export type OffboardingLinesTable = {
  id: string;
  case_id: string;
  unit_id: string;
  subject_kind: string;
  subject_id: string;
  resolution: string;
  handed_to_id: string | null;
  handover_ref: string | null;
  note: string | null;
  incident_id: string | null;
  resolved_at: string | null;
  resolved_by: string | null;
};

export type DanhMucDecisionsTable = {
  id: string;
  number: string;
  decided_on: string;
  issuer: string;
  sector: string;
  valid_from: string;
  valid_to: string | null;
  is_sample: number;
  source_note: string | null;
  created_at: string;
};

export type DanhMucItemsTable = {
  id: string;
  decision_id: string;
  item_no: string;
  level: string;
  text: string;
  text_folded: string;
  keywords: string;
  created_at: string;
};

export type ItemEventsTable = {
  id: string;
  unit_id: string;
  item_id: string;
  type: string;
  occurred_at: string;
  recorded_at: string;
  actor_id: string | null;
  data: string;
  corrects_event_id: string | null;
  book: string | null;
  book_year: number | null;
  book_serial: number | null;
};

export type AuthoritiesTable = {
  id: string;
  unit_id: string;
  person_id: string;
  position_keys: string;
  title: string | null;
  delegation_ref: string | null;
  delegation_from: string | null;
  delegation_to: string | null;
  valid_from: string;
  valid_to: string | null;
  created_at: string;
};

export type ItemNoticesTable = {
  id: string;
  unit_id: string;
  item_id: string;
  kind: string;
  decision_ref: string | null;
  due_date: string;
  sent_on: string | null;
  sent_to: string | null;
  created_at: string;
};

export type DestructionCasesTable = {
  id: string;
  unit_id: string;
  reason: string;
  status: string;
  proposed_by: string;
  council_ref: string | null;
  council: string | null;
  review_minutes: string | null;
  decision_ref: string | null;
  decided_by: string | null;
  decided_on: string | null;
  executed_at: string | null;
  method: string | null;
  place: string | null;
  witnesses: string | null;
  circumstances: string | null;
  report_due: string | null;
  report_sent_on: string | null;
  created_at: string;
  updated_at: string;
};

export type DestructionCaseItemsTable = { case_id: string; item_id: string };

export type ReleaseRequestsTable = {
  id: string;
  unit_id: string;
  kind: string;
  status: string;
  requested_by: string;
  details: string;
  from_date: string | null;
  to_date: string | null;
  decided_by: string | null;
  decided_on: string | null;
  decision_basis: string | null;
  refusal_reason: string | null;
  returned_on: string | null;
  created_at: string;
  updated_at: string;
};

export type ReleaseRequestItemsTable = { request_id: string; item_id: string };

export type SavedViewsTable = { id: string; account_id: string; name: string; query: string; created_at: string };

export type CopyRequestsTable = {
  id: string;
  unit_id: string;
  item_id: string;
  copy_type: string;
  requested_by: string;
  requested_count: number;
  recipients: string;
  purpose: string;
  status: string;
  approved_by: string | null;
  approved_count: number | null;
  decision_basis: string | null;
  refusal_reason: string | null;
  made_count: Generated<number>;
  created_at: string;
  updated_at: string;
};

export type ItemCitationsTable = { item_id: string; danh_muc_item_id: string };

export type RecordFilesTable = {
  id: string;
  unit_id: string;
  code: string;
  title: string;
  title_folded: string;
  year: number;
  keeper_id: string;
  retention_years: number | null;
  status: string;
  note: string | null;
  opened_on: string;
  closed_on: string | null;
  archive_transfer_id: string | null;
  archive_location: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
};

export type TrainingSessionsTable = { id: string; unit_id: string; topic: string; kind: string; held_on: string; organiser: string; material: string | null; result: string | null; created_by: string; created_at: string; updated_at: string };
export type TrainingAttendeesTable = { session_id: string; person_id: string; unit_id: string; created_at: string };
export type DisseminationsTable = { id: string; unit_id: string; kind: string; document_title: string; danh_muc_decision_id: string | null; disseminated_on: string; method: string | null; created_by: string; created_at: string };
export type DisseminationRecipientsTable = { dissemination_id: string; person_id: string };
export type MeetingsTable = {
  id: string;
  unit_id: string;
  title: string;
  level: string;
  held_on: string;
  venue_kind: string;
  venue: string;
  chair_name: string | null;
  online: number;
  co_yeu_line_ref: string | null;
  device_ban_notice: number;
  police_check_ref: string | null;
  police_check_date: string | null;
  external_attendees: string | null;
  status: string;
  held_at: string | null;
  closed_at: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
};

export type RecordFileItemsTable = { item_id: string; file_id: string; filed_at: string; filed_by: string };

export type ArchiveTransfersTable = {
  id: string;
  unit_id: string;
  record_no: string;
  transferred_on: string;
  archive_name: string;
  location: string;
  handed_by_id: string;
  received_by_id: string;
  note: string | null;
  created_by: string;
  created_at: string;
};
export type MeetingAttendeesTable = { meeting_id: string; person_id: string };
export type MeetingEquipmentTable = { meeting_id: string; device_id: string; check_id: string | null };
export type MeetingDocumentsTable = { id: string; meeting_id: string; item_id: string; handed_to_id: string; handed_out_at: string; collected_back_at: string | null; collected_by: string | null };
/** An administrator's corrected rule set (migration 0017); JSON validated by parseRuleSet. */
export type RuleSetsTable = { id: string; json: string; version: number; updated_by: string | null; updated_at: string };

export type Database = {
  units: UnitsTable;
  unit_names: UnitNamesTable;
  unit_history: UnitHistoryTable;
  people: PeopleTable;
  accounts: AccountsTable;
  sessions: SessionsTable;
  settings: SettingsTable;
  audit_records: AuditRecordsTable;
  audit_heads: AuditHeadsTable;
  items: ItemsTable;
  access_grants: AccessGrantsTable;
  devices: DevicesTable;
  device_checks: DeviceChecksTable;
  device_sanitisations: DeviceSanitisationsTable;
  device_status_changes: DeviceStatusChangesTable;
  incidents: IncidentsTable;
  incident_items: IncidentItemsTable;
  incident_devices: IncidentDevicesTable;
  incident_notifications: IncidentNotificationsTable;
  incident_entries: IncidentEntriesTable;
  secret_assignments: SecretAssignmentsTable;
  commitments: CommitmentsTable;
  offboarding_cases: OffboardingCasesTable;
  offboarding_lines: OffboardingLinesTable;
  danh_muc_decisions: DanhMucDecisionsTable;
  danh_muc_items: DanhMucItemsTable;
  item_events: ItemEventsTable;
  authorities: AuthoritiesTable;
  item_citations: ItemCitationsTable;
  item_notices: ItemNoticesTable;
  destruction_cases: DestructionCasesTable;
  destruction_case_items: DestructionCaseItemsTable;
  release_requests: ReleaseRequestsTable;
  release_request_items: ReleaseRequestItemsTable;
  saved_views: SavedViewsTable;
  copy_requests: CopyRequestsTable;
  record_files: RecordFilesTable;
  record_file_items: RecordFileItemsTable;
  archive_transfers: ArchiveTransfersTable;
  rule_sets: RuleSetsTable;
  stored_files: StoredFilesTable;
  stock_takes: StockTakesTable;
  stock_take_lines: StockTakeLinesTable;
  training_sessions: TrainingSessionsTable;
  training_attendees: TrainingAttendeesTable;
  disseminations: DisseminationsTable;
  dissemination_recipients: DisseminationRecipientsTable;
  meetings: MeetingsTable;
  meeting_attendees: MeetingAttendeesTable;
  meeting_equipment: MeetingEquipmentTable;
  meeting_documents: MeetingDocumentsTable;
  leak_checks: LeakChecksTable;
};
