// One typed function per endpoint of packages/contracts/src/api.ts. Request bodies are the
// output of the shared zod schemas, parsed by the forms before they are sent.
import type {
  Account,
  Assignment,
  Commitment,
  ConcludeLeakCheckRequest,
  LeakCheck,
  OffboardingCase,
  OffboardingReason,
  UnitKind,
  createAssignmentRequest,
  createCommitmentRequest,
  openOffboardingRequest,
  resolveOffboardingLineRequest,
  signCommitmentRequest,
  Device,
  DeviceCheck,
  DevicePolicy,
  DeviceStatus,
  DeviceStatusChange,
  Incident,
  IncidentStatistics,
  IncidentSummary,
  OverdueDeviceCheck,
  changeDeviceStatusRequest,
  createDeviceRequest,
  openIncidentRequest,
  recordDeviceCheckRequest,
  recordNotificationRequest,
  updateDeviceRequest,
  updateIncidentRequest,
  AccountWithTemporaryPassword,
  AuditChainReport,
  AuditRecord,
  ChangePasswordRequest,
  CreateAccountRequest,
  DefunctUnitRequest,
  Item,
  LoginRequest,
  MoveUnitRequest,
  Person,
  SessionResponse,
  SetupRequest,
  Unit,
  UnitHistoryEntry,
  UpdatePersonRequest,
  UpdateUnitRequest,
  createPersonRequest,
  createUnitRequest,
  listAuditQuery,
  updateAccountRequest,
  verifyAuditRequest,
} from '@bmnn/contracts';
import type { z } from 'zod';
import { http } from './api.client.ts';

export const setupApi = {
  getStatus: () => http.get<{ needsSetup: boolean }>('/api/setup/status'),
  setup: (body: SetupRequest) => http.post<SessionResponse>('/api/setup', body),
};

export const authApi = {
  getSession: () => http.get<SessionResponse>('/api/auth/session'),
  login: (body: LoginRequest) => http.post<SessionResponse>('/api/auth/login', body),
  logout: () => http.post<{ ok: true }>('/api/auth/logout'),
  changePassword: (body: ChangePasswordRequest) => http.post<SessionResponse>('/api/auth/change-password', body),
  setupTotp: () => http.post<{ secret: string; otpauthUrl: string }>('/api/auth/totp/setup'),
  enableTotp: (body: { code: string }) => http.post<SessionResponse>('/api/auth/totp/enable', body),
  disableTotp: (body: { code: string }) => http.post<SessionResponse>('/api/auth/totp/disable', body),
};

export const unitsApi = {
  list: (query: { q?: string; includeDefunct?: boolean } = {}) => http.get<{ units: Unit[] }>('/api/units', query),
  get: (id: string) => http.get<{ unit: Unit; history: UnitHistoryEntry[] }>(`/api/units/${id}`),
  create: (body: z.output<typeof createUnitRequest>) => http.post<{ unit: Unit }>('/api/units', body),
  update: (id: string, body: UpdateUnitRequest) => http.patch<{ unit: Unit }>(`/api/units/${id}`, body),
  move: (id: string, body: MoveUnitRequest) => http.post<{ unit: Unit }>(`/api/units/${id}/move`, body),
  markDefunct: (id: string, body: DefunctUnitRequest) => http.post<{ unit: Unit }>(`/api/units/${id}/defunct`, body),
};

export const peopleApi = {
  list: (query: { unitId?: string; q?: string } = {}) => http.get<{ people: Person[] }>('/api/people', query),
  create: (body: z.output<typeof createPersonRequest>) => http.post<{ person: Person }>('/api/people', body),
  update: (id: string, body: UpdatePersonRequest) => http.patch<{ person: Person }>(`/api/people/${id}`, body),
};

export const accountsApi = {
  list: () => http.get<{ accounts: Account[] }>('/api/accounts'),
  create: (body: CreateAccountRequest) => http.post<AccountWithTemporaryPassword>('/api/accounts', body),
  update: (id: string, body: z.output<typeof updateAccountRequest>) =>
    http.patch<{ account: Account }>(`/api/accounts/${id}`, body),
  lock: (id: string) => http.post<{ account: Account }>(`/api/accounts/${id}/lock`),
  unlock: (id: string) => http.post<{ account: Account }>(`/api/accounts/${id}/unlock`),
  resetPassword: (id: string) => http.post<AccountWithTemporaryPassword>(`/api/accounts/${id}/reset-password`),
};

export const auditApi = {
  list: (query: z.output<typeof listAuditQuery>) =>
    http.get<{ records: AuditRecord[]; total: number }>('/api/audit', query),
  verify: (body: z.output<typeof verifyAuditRequest>) =>
    http.post<{ reports: AuditChainReport[] }>('/api/audit/verify', body),
};

export const itemsApi = {
  list: () => http.get<{ items: Item[]; total: number }>('/api/items'),
};

export const devicesApi = {
  list: (query: { unitId?: string; status?: DeviceStatus; q?: string } = {}) => http.get<{ devices: Device[]; total: number }>('/api/devices', query),
  get: (id: string) => http.get<{ device: Device; checks: DeviceCheck[]; statusChanges: DeviceStatusChange[] }>(`/api/devices/${id}`),
  create: (body: z.output<typeof createDeviceRequest>) => http.post<{ device: Device }>('/api/devices', body),
  update: (id: string, body: z.output<typeof updateDeviceRequest>) => http.patch<{ device: Device }>(`/api/devices/${id}`, body),
  recordCheck: (id: string, body: z.output<typeof recordDeviceCheckRequest>) => http.post<{ device: Device; check: DeviceCheck }>(`/api/devices/${id}/checks`, body),
  changeStatus: (id: string, body: z.output<typeof changeDeviceStatusRequest>) => http.post<{ device: Device }>(`/api/devices/${id}/status`, body),
  overdueChecks: () => http.get<{ devices: OverdueDeviceCheck[] }>('/api/devices/overdue-checks'),
  getPolicy: () => http.get<DevicePolicy>('/api/devices/policy'),
  bookUrl: (unitId?: string) => `/api/devices/book.xlsx${unitId ? `?unitId=${unitId}` : ''}`,
  setPolicy: (body: DevicePolicy) => http.put<DevicePolicy>('/api/devices/policy', body),
};

export const incidentsApi = {
  list: (query: { year?: number; reportNow?: boolean } = {}) => http.get<{ incidents: IncidentSummary[]; total: number }>('/api/incidents', query),
  get: (id: string) => http.get<{ incident: Incident }>(`/api/incidents/${id}`),
  open: (body: z.output<typeof openIncidentRequest>) => http.post<{ incident: Incident }>('/api/incidents', body),
  update: (id: string, body: z.output<typeof updateIncidentRequest>) => http.patch<{ incident: Incident }>(`/api/incidents/${id}`, body),
  notify: (id: string, body: z.output<typeof recordNotificationRequest>) => http.post<{ incident: Incident }>(`/api/incidents/${id}/notifications`, body),
  addNote: (id: string, body: { text: string }) => http.post<{ incident: Incident }>(`/api/incidents/${id}/timeline`, body),
  statistics: (query: { year?: number }) => http.get<{ statistics: IncidentStatistics }>('/api/incidents/statistics', query),
  /** Files are downloaded by the browser itself (same-origin GET with the session cookie). */
  reportUrl: (id: string) => `/api/incidents/${id}/report.docx`,
  statisticsXlsxUrl: (year?: number) => `/api/incidents/statistics.xlsx${year ? `?year=${year}` : ''}`,
  /** The incidents section of the annual report of report year `year` (R13.2, period of R14.1(c)). */
  annualReportUrl: (year: number) => `/api/incidents/annual-report.docx?year=${year}`,
};

/** Checking a file before publication (DESIGN.md §6): the decision is kept bound to the file's SHA-256. */
export const leakChecksApi = {
  check: (file: File, alreadyPublished: boolean) => http.upload<{ check: LeakCheck }>('/api/leak-checks', file, undefined, { alreadyPublished: String(alreadyPublished) }),
  list: (query: { open?: 'true'; sha256?: string; limit?: number; offset?: number } = {}) => http.get<{ checks: LeakCheck[]; total: number }>('/api/leak-checks', query),
  get: (id: string) => http.get<{ check: LeakCheck }>(`/api/leak-checks/${id}`),
  conclude: (id: string, body: ConcludeLeakCheckRequest) => http.post<{ check: LeakCheck }>(`/api/leak-checks/${id}/conclusion`, body),
};

export const secretWorkApi = {
  assignments: () => http.get<{ assignments: Assignment[] }>('/api/assignments'),
  assign: (body: z.output<typeof createAssignmentRequest>) => http.post<{ assignment: Assignment }>('/api/assignments', body),
  missingOfficerUnits: () => http.get<{ units: { id: string; code: string; name: string; kind: UnitKind }[] }>('/api/security-officers/missing-units'),
  commitments: () => http.get<{ commitments: Commitment[] }>('/api/commitments'),
  commitmentsDueBy: (renewalDueBy: string) => http.get<{ commitments: Commitment[] }>('/api/commitments', { renewalDueBy }),
  createCommitment: (body: z.output<typeof createCommitmentRequest>) => http.post<{ commitment: Commitment }>('/api/commitments', body),
  signCommitment: (id: string, body: z.output<typeof signCommitmentRequest>) => http.post<{ commitment: Commitment }>(`/api/commitments/${id}/sign`, body),
  commitmentFormUrl: (id: string) => `/api/commitments/${id}/form.docx`,
  attachCommitmentScan: (id: string, file: File) => http.upload<{ commitment: Commitment }>(`/api/commitments/${id}/scan`, file),
  commitmentScanUrl: (id: string) => `/api/commitments/${id}/scan`,
  offboardingCases: () => http.get<{ cases: { id: string; personName: string; reason: OffboardingReason; status: 'OPEN' | 'CLOSED'; effectiveDate: string; openedAt: string }[] }>('/api/offboarding'),
  offboardingCase: (id: string) => http.get<{ case: OffboardingCase }>(`/api/offboarding/${id}`),
  openOffboarding: (body: z.output<typeof openOffboardingRequest>) => http.post<{ case: OffboardingCase }>('/api/offboarding', body),
  resolveLine: (id: string, lineId: string, body: z.output<typeof resolveOffboardingLineRequest>) => http.post<{ case: OffboardingCase }>(`/api/offboarding/${id}/lines/${lineId}`, body),
  signExitCommitment: (id: string, body: z.output<typeof signCommitmentRequest>) => http.post<{ case: OffboardingCase }>(`/api/offboarding/${id}/exit-commitment`, body),
  closeOffboarding: (id: string) => http.post<{ case: OffboardingCase }>(`/api/offboarding/${id}/close`),
};

/** Rule sets (LEGAL.md A4): read by everyone, corrected by the administrator. */
export const ruleSetsApi = {
  list: () => http.get<{ ruleSets: import('@bmnn/contracts').RuleSetSummary[]; canEdit: boolean }>('/api/rule-sets'),
  get: (id: string) =>
    http.get<{ summary: import('@bmnn/contracts').RuleSetSummary; ruleSet: import('@bmnn/rules').RuleSet; json: string; history: import('@bmnn/contracts').RuleSetHistoryEntry[]; canEdit: boolean }>(`/api/rule-sets/${encodeURIComponent(id)}`),
  update: (id: string, body: import('@bmnn/contracts').UpdateRuleSetRequest) =>
    http.put<{ version: number; changes: Array<{ path: string; text: string }> }>(`/api/rule-sets/${encodeURIComponent(id)}`, body),
};

/** Stamps, labels, records and requests of an item; the files are plain links (the session cookie goes with them). */
export const printablesApi = {
  list: (itemId: string) => http.get<{ printables: import('@bmnn/contracts').PrintableEntry[] }>(`/api/items/${encodeURIComponent(itemId)}/printables`),
  fileUrl: (itemId: string, kind: string, format: string) => `/api/items/${encodeURIComponent(itemId)}/printables/${kind}.${format}`,
};
