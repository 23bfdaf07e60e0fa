// The HTTP API, one line per endpoint: what the web and CLI may call. Request bodies are
// validated with the named schema; errors are always `ErrorBody` with a stable code.
// Every state-changing request (POST/PATCH/PUT/DELETE) after login must carry the header
// `x-csrf-token` with the token from GET /api/auth/session, or it is refused (auth.csrf_invalid).
//
// GET  /api/health                        → { status: 'ok', database: 'sqlite'|'postgres', version }
// GET  /api/setup/status                  → { needsSetup: boolean }
// POST /api/setup           setupRequest  → SessionResponse (the new administrator is logged in)
// POST /api/auth/login      loginRequest  → SessionResponse   (sets the HttpOnly session cookie)
// POST /api/auth/logout                   → { ok: true }
// GET  /api/auth/session                  → SessionResponse | 401 auth.unauthenticated
// POST /api/auth/change-password changePasswordRequest → SessionResponse
// POST /api/auth/totp/setup               → { secret, otpauthUrl }
// POST /api/auth/totp/enable totpCodeRequest → SessionResponse
// POST /api/auth/totp/disable totpCodeRequest → SessionResponse
//
// GET  /api/units?q&includeDefunct        → { units: Unit[] }   (flat; build the tree from parentId)
// POST /api/units           createUnitRequest → { unit: Unit }
// GET  /api/units/:id                     → { unit: Unit, history: UnitHistoryEntry[] }
// PATCH /api/units/:id      updateUnitRequest → { unit: Unit }
// POST /api/units/:id/move  moveUnitRequest   → { unit: Unit }
// POST /api/units/:id/defunct defunctUnitRequest → { unit: Unit }
//
// GET  /api/people?unitId&q               → { people: Person[] }
// POST /api/people          createPersonRequest → { person: Person }
// PATCH /api/people/:id     updatePersonRequest → { person: Person }
//
// GET  /api/accounts                      → { accounts: Account[] }
// POST /api/accounts        createAccountRequest → AccountWithTemporaryPassword
// PATCH /api/accounts/:id   updateAccountRequest → { account: Account }
// POST /api/accounts/:id/lock             → { account: Account }
// POST /api/accounts/:id/unlock           → { account: Account }   (also reactivates a disabled account)
// POST /api/accounts/:id/disable          → { account: Account }
// POST /api/accounts/:id/reset-password   → AccountWithTemporaryPassword
//
// GET  /api/audit?unitId&type&actorId&from&to&page&pageSize → { records: AuditRecord[], total }
// GET  /api/audit/types                  → { types: [{ type, label }] }
// POST /api/audit/verify    verifyAuditRequest → { reports: AuditChainReport[] }
//
// POST /api/items           createItemRequest → { item: Item }
// GET  /api/items?q&unitId&level&status&custodianId&protectionEndBefore&withoutLocation&book&page&pageSize → { items: Item[], total, totalCapped? } (total stops at 1 000; totalCapped: true past it)
// GET  /api/items/:id/events             → { events: [{ id, type, label, at, actorName, book, bookSerial, data }] } (404 when not visible)
// POST /api/items/:id/location storageLocationRequest → { item }
// GET|POST /api/saved-views, DELETE /api/saved-views/:id → the person's saved list filters
// GET  /api/items/:id                     → { item: Item }  (404 item.not_found if not visible)
// POST /api/items/:id/grants grantRequest → { ok: true }
//
// GET  /api/devices?unitId&status&type&use&q → { devices: Device[], total }
// POST /api/devices         createDeviceRequest → { device: Device }   (starts IN_STORE)
// GET  /api/devices/book.xlsx?unitId      → XLSX sổ quản lý thiết bị (audited)
// GET  /api/devices/overdue-checks        → { devices: OverdueDeviceCheck[] }
// GET  /api/devices/policy                → DevicePolicy
// PUT  /api/devices/policy  devicePolicyRequest → DevicePolicy   (administrator)
// GET  /api/devices/:id                   → { device, checks: DeviceCheck[], statusChanges: DeviceStatusChange[] }
// PATCH /api/devices/:id    updateDeviceRequest → { device }
// POST /api/devices/:id/checks recordDeviceCheckRequest → { device, check }
// POST /api/devices/:id/status changeDeviceStatusRequest → { device }  (409 device.check_required, device.sanitisation_required)
// GET  /api/devices/:id/approval?use&actionDate → { approved: true } | { approved: false, reason }   (R12.1)
//
// GET  /api/incidents?unitId&year&kind&channel&status&reportNow → { incidents: IncidentSummary[], total }
// POST /api/incidents       openIncidentRequest → { incident: Incident }
// GET  /api/incidents/statistics?year&unitId → { statistics: IncidentStatistics }
// GET  /api/incidents/statistics.xlsx?year&unitId → XLSX file (audited)
// GET  /api/incidents/annual-report.docx?year&unitId → DOCX: incidents section of the annual report (R13.2, R14.1(c); audited)
// GET  /api/incidents/:id                 → { incident: Incident }  (items the reader may not see are left out)
// PATCH /api/incidents/:id  updateIncidentRequest → { incident }
// POST /api/incidents/:id/items linkIncidentItemsRequest → { incident }
// POST /api/incidents/:id/devices linkIncidentDevicesRequest → { incident }
// POST /api/incidents/:id/notifications recordNotificationRequest → { incident }
// POST /api/incidents/:id/timeline addTimelineNoteRequest → { incident }
// GET  /api/incidents/:id/report.docx?number&place → DOCX báo cáo đột xuất (audited)
//
// GET  /api/assignments?unitId&kind       → { assignments: Assignment[] }   (current ones)
// POST /api/assignments     createAssignmentRequest → { assignment: Assignment }
// POST /api/assignments/:id/end endAssignmentRequest → { ok: true }
// GET  /api/assignments/policy           → SecretWorkPolicy
// PUT  /api/assignments/policy secretWorkPolicyRequest → SecretWorkPolicy   (administrator)
// POST /api/assignments (SECURITY_OFFICER) → 409 assignment.commitment_required without a signed commitment on assignment
// GET  /api/security-officers/missing-units → { units: { id, code, name, kind }[] }   (R11.4)
// GET  /api/commitments?personId&renewalDueBy → { commitments: Commitment[] }
// POST /api/commitments     createCommitmentRequest → { commitment: Commitment }
// POST /api/commitments/:id/sign signCommitmentRequest → { commitment: Commitment }
// GET  /api/commitments/:id/form.docx      → DOCX bản cam kết filled from the person (audited)
// POST /api/commitments/:id/scan           multipart "file" (PDF/JPEG/PNG/TIFF by content, ≤ 10 MB) → { commitment }
// GET  /api/commitments/:id/scan           → the signed scan, re-hashed before sending (409 file.damaged; audited)
// GET  /api/offboarding?status            → { cases: { id, personName, reason, status, … }[] }
// POST /api/offboarding     openOffboardingRequest → { case: OffboardingCase }   (lists items and devices in custody)
// GET  /api/offboarding/:id               → { case: OffboardingCase }
// POST /api/offboarding/:id/lines/:lineId resolveOffboardingLineRequest → { case }   (MISSING opens an incident)
// POST /api/offboarding/:id/exit-commitment signCommitmentRequest → { case }
// POST /api/offboarding/:id/close         → { case }   (409 offboarding.not_closable; disables the account)
// POST /api/register/receive receiveItemRequest → { itemId, bookSerial, outcomes[], status }
// POST /api/items/:id/handover handOverRequest → { bookSerial }
// POST /api/authorities createAuthorityRequest → { authorityId }   (administrator: positions, delegations)
// GET  /api/authorities?personId          → { authorities: AuthorityRecord[] }
// POST /api/register/propose proposeItemRequest → { itemId, level, citedRefs[], trichYeuStored }
// POST /api/items/:id/determine           → { status, protectionEnd, protectionLabel, legalBasis }
// POST /api/items/:id/register-outgoing registerOutgoingRequest → { bookSerial, envelopeMark, doubleEnvelope }
// POST /api/items/:id/send                → { status: 'SENT' }   (409 register.not_registered_outgoing before the book line)
// GET  /api/items/:id/envelope            → { level, labels: [{ recipient, inner, outer }] }
// POST /api/items/:id/extend extendItemRequest → { protectionEnd, label, notifyBy }   (R9.2)
// POST /api/items/:id/adjust-level adjustLevelRequest → { level, direction, protectionEnd, notifyBy }   (R9.3)
// POST /api/items/:id/declassify declassifyRequest → { status, notifyBy, label }   (R9.4 b/c, R9.5)
// POST /api/notices/:id/sent noticeSentRequest → { ok: true }
// GET  /api/dashboard                     → Dashboard (approvals waiting, periods ending, recalls, notices due)
// GET  /api/items/:id/notices             → Dashboard of that one item (404 when not visible)
// POST /api/destructions proposeDestructionRequest → { caseId, status }          (R10.4: the proposal list)
// POST /api/destructions/:id/council destructionCouncilRequest → { status }       (chair + ≥ 1 member)
// GET  /api/destructions/:id/council-candidates councilCandidatesQuery → { people: CouncilCandidate[] } (R10.4: any unit, cleared for the list)
// POST /api/destructions/:id/review destructionReviewRequest → { status }         (a council member)
// POST /api/destructions/:id/decide destructionDecisionRequest → { status, legalBasis } (R10.3, not the proposer)
// POST /api/destructions/:id/execute destructionExecutionRequest → { status, destroyed } (R10.2)
// POST /api/destructions/emergency emergencyDestructionRequest → { caseId, status: 'REPORT_DUE', reportDue } (R10.1 b)
// POST /api/destructions/:id/report destructionReportRequest → { status: 'REPORTED' }
// GET  /api/destructions/:id              → { case: DestructionCaseDetail, items }   (council members of another unit too)
// GET  /api/destructions?status&unitId    → { cases: DestructionCaseSummary[] }   (cases whose items the reader sees, or whose council they sit on)
// POST /api/take-outs takeOutRequest     → { requestId, status }   (R8.2; abroad needs delegationHead, R8.1)
// POST /api/provisions provisionRequest   → { requestId, status }   (R8.4, R8.6)
// POST /api/releases/:id/decide releaseDecisionRequest → { status, legalBasis }  (not the requester; refusal with reason)
// POST /api/take-outs/:id/out | /returned → { status }
// GET  /api/releases?unitId               → { requests: ReleaseRequestSummary[] }   (unitId optional: the whole unit scope)
// POST /api/items/:id/copy-requests copyRequestRequest → { requestId, status }   (R5.8 refused at once)
// POST /api/copy-requests/:id/decide copyDecisionRequest → { status, legalBasis }  (R5.3, not the requester)
// POST /api/copy-requests/:id/execute copyExecutionRequest → { copies: [{ itemId, label }], bookSerial, remaining } (R5.4–R5.7)
// GET  /api/stock-takes?unitId            → { stockTakes: StockTakeSummary[] }   (kiểm kê, R6.1; clerk or head in scope)
// POST /api/stock-takes startStockTakeRequest → { stockTake }   (snapshot of the items held; 409 stock_take.empty)
// GET  /api/stock-takes/:id                → { stockTake: StockTake }   (lines about items the reader cannot see are absent)
// POST /api/stock-takes/:id/lines markStockTakeLinesRequest → { stockTake }   (one line or a batch)
// POST /api/stock-takes/:id/close closeStockTakeRequest → { stockTake }   (409 stock_take.unchecked_lines; missing → incident)
// GET  /api/stock-takes/:id/record?format=xlsx|pdf → biên bản kiểm kê (audited, marked with the highest level)
// GET  /api/copy-requests?status&unitId&itemId → { requests: CopyRequestSummary[] }   (only requests on items the reader may see)
// GET  /api/books/den?unitId&year&page&pageSize&level&q → BookView<IncomingBookLine> = { lines, total, page, pageSize }
//      (clerk or head of the unit's scope; pageSize ≤ 500, default 50; q: số ký hiệu / trích yếu, accents ignored; serials stay the book's)
// GET  /api/books/chuyen-giao?… → BookView<HandoverBookLine>; /api/books/di?… → BookView<OutgoingBookLine>
// GET  /api/books/sao-chup?… → BookView<CopyBookLine>
// GET  /api/books/thong-ke?… → StatisticsView = BookView<StatisticsLine> & { summary: StatisticsSummary } (the year by level, form, status; copies)
// GET  /api/books/:den|di|chuyen-giao|thong-ke|sao-chup/export?unitId&year&format=xlsx|pdf|docx → the file (audited)
//
// GET  /api/danh-muc/decisions            → { decisions: DanhMucDecision[] } (with itemCount, isSample)
// GET  /api/danh-muc/items?decisionId&q&level → { items: DanhMucItem[] }
// POST /api/danh-muc/suggest { text }     → { suggestions: [{ itemId, score, matched[], level, decisionNumber, itemNo, text }] }
// POST /api/danh-muc/samples              → { decisions, items }   (administrator; LEGAL.md §3.4 samples)
// POST /api/danh-muc/import?dryRun=true   multipart field "file" (.xlsx or UTF-8 .csv, ≤ 5 MB)
//                                          → { report: { ok, problems: [{ row, column, message }], rows }, imported: { decisions, items } | null }
//
// GET  /api/files?unitId&year&status&q   → { files: RecordFile[] }   (only files the reader may see; counts of visible items)
// POST /api/files           createRecordFileRequest → { file }   (clerk or head in scope)
// GET  /api/files/:id                     → { file, items: RecordFileItem[] }   (404 record_file.not_found if not visible; audited)
// POST /api/files/:id/items fileItemsRequest → { file, items }   (FILED on each item's timeline; 409 record_file.item_refused)
// POST /api/files/:id/remove-items removeFileItemsRequest → { file, items }   (UNFILED with the reason)
// POST /api/files/:id/close               → { file }   (409 record_file.wrong_status when not open or empty)
// GET  /api/files/:id/export?format=xlsx|pdf → mục lục văn bản trong hồ sơ (audited, marked with the file's level)
// POST /api/archive-transfers archiveTransferRequest → { transfer: ArchiveTransfer }   (closed files; handover lines; level and period unchanged)
// GET  /api/archive-transfers/:id         → { transfer }   (404 archive.not_found when no file in it is visible)
// GET  /api/archive-transfers/:id/export?format=xlsx|pdf → biên bản giao nhận hồ sơ nộp lưu (audited)
// POST /api/register-import multipart: field "options" (JSON registerImportOptions) then "file" (.xlsx or UTF-8 .csv, ≤ LIMITS.importFileMaxBytes)
//                                          → RegisterImportAnswer (columns, mapping, report, imported | null)   (all rows or none)
// POST /api/register-import/report       same upload → XLSX error report (audited)
// GET  /api/rule-sets                     → { ruleSets: RuleSetSummary[], canEdit }   (everyone logged in)
// GET  /api/rule-sets/:id                 → { summary, ruleSet, json, history: RuleSetHistoryEntry[], canEdit }
// PUT  /api/rule-sets/:id   updateRuleSetRequest → { version, changes } (administrator; 400 rule_set.invalid
//                                          with details.issues, 409 rule_set.overlap | rule_set.version_conflict)
// GET  /api/items/:id/printables          → { printables: PrintableEntry[] }   (404 when the item is not visible)
// GET  /api/items/:id/printables/:kind.pdf|.docx → the file (audited item.printed; 409 printable.not_available)

// GET  /api/training/sessions?unitId&year  → { sessions: TrainingSession[] }   (R11.5)
// POST /api/training/sessions createTrainingSessionRequest → { session: TrainingSession }
// GET  /api/training/sessions/:id          → { session } (with attendees)
// PATCH /api/training/sessions/:id updateTrainingSessionRequest → { session }   (audited before → after; nothing changed: no write)
// DELETE /api/training/sessions/:id/attendees/:personId removeTrainingAttendeeRequest { reason } → { session }   (audited; 404 training.attendee_not_found)
// POST /api/training/sessions/:id/attendees addTrainingAttendeesRequest → { session }
// POST /api/training/sessions/:id/attendees/import?dryRun=true multipart "file" (.xlsx) → { report: AttendanceImportReport, imported: number | null }
// GET  /api/training/sessions/:id/attendance.docx → DOCX danh sách người tham dự (audited)
// GET  /api/training/disseminations        → { disseminations: Dissemination[] }
// POST /api/training/disseminations createDisseminationRequest → { dissemination }
// GET  /api/training/people?dueOnly       → { people: PersonTraining[], windowMonths }   (last training; reminders)
// GET  /api/training/coverage             → { coverage: TrainingCoverage }
// GET  /api/training/coverage.xlsx        → XLSX (audited)
// GET|PUT /api/training/policy trainingPolicyRequest → TrainingPolicy   (PUT: administrator, audited)
//
// GET  /api/meetings?status               → { meetings: MeetingSummary[] }   (R8.7, R8.8)
// POST /api/meetings        createMeetingRequest → { meeting: Meeting }   (409 meeting.co_yeu_line_required online without a cơ yếu line)
// GET  /api/meetings/:id                  → { meeting }
// PATCH /api/meetings/:id/checklist updateMeetingChecklistRequest → { meeting }
// POST /api/meetings/:id/equipment addMeetingEquipmentRequest → { meeting }   (409 device.not_approved, meeting.equipment_not_checked)
// POST /api/meetings/:id/attendees addMeetingAttendeesRequest → { meeting }   (409 meeting.attendee_not_cleared)
// POST /api/meetings/:id/documents handOutMeetingDocumentRequest → { meeting }
// POST /api/meetings/:id/documents/:docId/collect → { meeting }
// POST /api/meetings/:id/held              → { meeting }   (409 meeting.police_check_required, meeting.device_ban_required)
// POST /api/meetings/:id/close             → { meeting }   (409 meeting.documents_not_collected)
// GET  /api/meetings/:id/notice.docx       → DOCX thông báo cuộc họp, marked with the meeting's level (audited)
//
// Leak checks before publication (DESIGN.md §6):
// POST /api/leak-checks  multipart "file" (≤ 25 MB), field alreadyPublished=true|false → { check }
//                        (403 for an account that is only an administrator; 413 request.too_large)
// GET  /api/leak-checks?decision=&open=&sha256=&limit=&offset= → { checks, total }
// GET  /api/leak-checks/:id → { check }   (404 leak_check.not_found outside the reader's view)
// POST /api/leak-checks/:id/conclusion concludeLeakCheckRequest → { check }
//                        (409 leak_check.already_concluded, leak_check.nothing_to_conclude; 403 leak_check.head_required)
//
/** Which menu entries each role sees; the web builds its menu from this, the server enforces. */
export const MENU_BY_ROLE = {
  QUAN_TRI: ['units', 'people', 'accounts', 'audit', 'danhMuc', 'training', 'ruleSets'],
  VAN_THU: ['todo', 'items', 'books', 'devices', 'incidents', 'leakChecks', 'people', 'danhMuc', 'periods', 'releases', 'destruction', 'files'],
  LANH_DAO: ['todo', 'items', 'books', 'devices', 'incidents', 'leakChecks', 'people', 'secret-work', 'audit', 'danhMuc', 'periods', 'releases', 'destruction', 'files', 'training', 'meetings'],
  CAN_BO: ['items', 'incidents', 'leakChecks', 'releases', 'destruction'],
  CAN_BO_BAO_MAT: ['devices', 'incidents', 'leakChecks', 'people', 'secret-work', 'audit', 'training', 'meetings'],
  THANH_TRA: ['units', 'devices', 'incidents', 'leakChecks', 'secret-work', 'audit', 'training', 'meetings'],
  BAN_CHI_DAO: ['units', 'devices', 'incidents', 'leakChecks', 'secret-work', 'audit', 'training', 'meetings'],
} as const;
export type MenuKey = 'units' | 'people' | 'accounts' | 'audit' | 'items' | 'books' | 'danhMuc' | 'devices' | 'incidents' | 'secret-work' | 'todo' | 'periods' | 'releases' | 'destruction' | 'files' | 'training' | 'meetings' | 'ruleSets' | 'leakChecks';
