import { formatDate, LEAK_CONCLUSION_LABELS, LEAK_DECISION_LABELS, LEVEL_LABELS, PRINTABLE_LABELS, TRAINING_KIND_LABELS, type LeakConclusion, type LeakDecision, type Level, type PrintableKind, type TrainingKind } from '@bmnn/contracts';
import { describeRuleSetChange, type RuleSetChange } from '@bmnn/rules';

// Every audit event, as a typed union: the type names what happened, `data` what is needed to
// understand it later. Never put secret content (trích yếu, item text) in `data`: ids, codes,
// levels and names of people and units only.

export type AuditEventMap = {
  'setup.completed': { provinceUnitId: string; adminAccountId: string };
  'auth.login_succeeded': { username: string };
  'auth.login_failed': { username: string; reason: 'password' | 'totp' | 'locked' | 'disabled' };
  'auth.account_auto_locked': { username: string; lockedUntil: string };
  'auth.logout': { username: string };
  'auth.password_changed': { username: string };
  'auth.totp_enabled': { username: string };
  'auth.totp_disabled': { username: string };
  'unit.created': { code: string; name: string; kind: string; parentId: string | null };
  'unit.updated': { before: Record<string, unknown>; after: Record<string, unknown> };
  'unit.moved': { fromParentId: string | null; toParentId: string; effectiveDate: string };
  'unit.defunct': { successorId: string | null; effectiveDate: string };
  'person.created': { fullName: string; unitId: string; clearance: string; handlesSecrets: boolean };
  'person.updated': { before: Record<string, unknown>; after: Record<string, unknown> };
  'account.created': { username: string; personId: string; roles: string[] };
  'account.roles_changed': { username: string; before: string[]; after: string[] };
  'account.locked': { username: string };
  'account.unlocked': { username: string };
  'account.disabled': { username: string };
  'account.password_reset': { username: string };
  'item.created': { level: string; soKyHieu: string; custodianId: string | null };
  'item.viewed': { level: string };
  'stock_take.started': { title: string; lines: number; locationPrefix: string | null };
  'stock_take.lines_checked': { result: string; lines: number };
  'stock_take.closed': { lines: number; missing: number; misplaced: number; incidentId: string | null };
  'stock_take.exported': { format: string; lines: number; highestLevel: string | null };
  'item.location_set': { storageLocation: string };
  'item.received': { level: string; soKyHieu: string; bookSerial: number; outcomes: string[] };
  'item.tampering_reported': { soKyHieu: string; sender: string };
  'item.handed_over': { fromPersonId: string | null; toPersonId: string; bookSerial: number };
  'book.viewed': { book: string; year: number };
  'authority.created': { positionKeys: string[]; delegationRef: string | null; validFrom: string };
  'item.proposed': { level: string; citedRefs: string[] };
  'item.determined': { level: string; protectionEnd: string | null };
  'item.registered_outgoing': { soKyHieu: string; bookSerial: number; envelopeMark: string };
  'item.sent': { soKyHieu: string };
  'item.extended': { newEnd: string; years: number; decisionRef: string };
  'item.declassified_auto': { count: number; asOf: string };
  'item.notice_sent': { kind: string; noticeId: string };
  'item.level_adjusted': { from: string; to: string; decisionRef: string };
  'item.declassified': { reason: string; decisionRef: string; partial: boolean };
  'destruction.proposed': { items: number };
  'destruction.council_set': { councilRef: string; size: number };
  'destruction.reviewed': Record<string, never>;
  'destruction.decided': { decisionRef: string; items: number };
  'destruction.executed': { items: number; method: string; emergency: boolean };
  'destruction.reported': { sentOn: string };
  'release.requested': { kind: string; items: number };
  'copy.requested': { itemId: string; copyType: string; count: number };
  'copy.decided': { approved: boolean };
  'copy.executed': { made: number; spoiled: number; bookSerial: number };
  'release.decided': { kind: string; approved: boolean };
  'release.taken_out': { items: number };
  'release.returned': { items: number };
  'book.exported': { book: string; year: number; format: string; lines: number; highestLevel: string | null };
  'item.grant_created': { personId: string; expiresAt: string };
  'device.created': { assetCode: string; type: string; networkStatus: string };
  'device.updated': { before: Record<string, unknown>; after: Record<string, unknown> };
  'device.check_recorded': { assetCode: string; body: string; result: string; checkedOn: string; nextDue: string | null };
  'device.status_changed': { assetCode: string; from: string; to: string; effectiveDate: string; sanitisation: string | null };
  'device.policy_changed': { requireSecurityCheckBeforeUse: boolean };
  'device.book_exported': { format: string; devices: number };
  'incident.opened': { kind: string; channel: string; subChannel: string | null; source: string; itemCount: number; deviceCount: number };
  'incident.updated': { changed: string[]; investigationStatus: string };
  'incident.item_linked': { itemId: string; level: string; effect: string; previousStatus: string };
  'incident.device_linked': { deviceId: string; assetCode: string };
  'incident.notified': { recipient: string; notifiedAt: string };
  'incident.note_added': { at: string };
  'incident.viewed': { kind: string };
  'incident.report_exported': { format: string };
  'incident.statistics_exported': { format: string; year: number | null; scopeUnitId: string | null };
  'incident.annual_report_exported': { format: string; year: number; scopeUnitId: string | null; count: number };
  'assignment.created': { kind: string; officerType: string | null; decisionRef: string };
  'assignment.ended': { kind: string; endedOn: string };
  'assignment.policy_changed': { requireCommitmentBeforeOfficer: boolean };
  'commitment.recorded': { kind: string; signedOn: string | null };
  'commitment.form_exported': { kind: string };
  'commitment.scan_attached': { kind: string; fileId: string; sha256: string; size: number; mediaType: string };
  'commitment.scan_downloaded': { kind: string; fileId: string };
  'offboarding.opened': { reason: string; items: number; devices: number };
  'offboarding.line_resolved': { caseId: string; subjectKind: string; resolution: string; handedToId: string | null; incidentId: string | null };
  'offboarding.closed': { caseId: string; accountDisabled: string | null; closedOn: string };
  'audit.verified': { chains: number; broken: number };
  'danh_muc.imported': { decisions: string[]; items: number; sample: boolean };
  'backup.created': { file: string };
  'backup.restored': { file: string };
  'file.created': { code: string; year: number; keeperId: string };
  'file.viewed': { code: string; highestLevel: string | null };
  'file.items_added': { code: string; itemIds: string[] };
  'file.items_removed': { code: string; itemIds: string[] };
  'file.closed': { code: string; items: number };
  'file.exported': { code: string; format: string; lines: number; highestLevel: string | null };
  'archive.transferred': { recordNo: string; fileCodes: string[]; items: number; receivedById: string };
  'archive.record_exported': { recordNo: string; format: string; files: number; highestLevel: string | null };
  'register.imported': { book: string; items: number; rows: number; fileName: string; batchId: string };
  'register.import_report_exported': { book: string; rows: number; problems: number; highestLevel: string | null };
  'training.session_recorded': { topic: string; heldOn: string; attendees: number };
  'training.attendees_added': { sessionId: string; personIds: string[]; source: 'manual' | 'import' };
  'training.attendance_exported': { sessionId: string; format: string; attendees: number };
  'training.dissemination_recorded': { kind: string; documentTitle: string; recipients: number };
  'training.policy_changed': { before: number; after: number };
  'training.coverage_exported': { format: string; units: number; windowMonths: number };
  'training.session_updated': { before: Record<string, unknown>; after: Record<string, unknown> };
  'training.attendee_removed': { sessionId: string; personId: string; fullName: string; reason: string };
  'meeting.registered': { level: string; heldOn: string; venueKind: string; online: boolean };
  'meeting.checklist_updated': { policeCheckRef: string | null; deviceBanNotice: boolean; coYeuLineRef: string | null };
  'meeting.equipment_added': { deviceId: string; assetCode: string };
  'meeting.attendees_added': { personIds: string[] };
  'meeting.document_handed_out': { itemId: string; handedToId: string; level: string };
  'meeting.document_collected': { itemId: string };
  'meeting.held': { heldOn: string };
  'meeting.closed': { documents: number };
  'meeting.notice_exported': { format: string; level: string };
  'rule_set.updated': { ruleSetId: string; version: number; changes: Array<{ path: string; before?: unknown; after?: unknown }> };
  'item.printed': { kind: string; format: string; level: string; subjectId: string | null };
  'destruction.viewed': { items: number; highestLevel: string; onCouncil: boolean };
  'leak_check.checked': { sha256: string; size: number; fileType: string; decision: string; findings: number; problems: number; alreadyPublished: boolean; incidentId: string | null };
  'leak_check.concluded': { sha256: string; decision: string; conclusion: string; reason: string };
};

export type AuditEventType = keyof AuditEventMap;

/** A short Vietnamese name per event type (for the viewer's filter); the compiler wants every type. */
export const AUDIT_EVENT_LABELS: Record<AuditEventType, string> = {
  'setup.completed': 'Thiết lập lần đầu',
  'auth.login_succeeded': 'Đăng nhập thành công',
  'auth.login_failed': 'Đăng nhập không thành công',
  'auth.account_auto_locked': 'Tự động khóa tài khoản',
  'auth.logout': 'Đăng xuất',
  'auth.password_changed': 'Đổi mật khẩu',
  'auth.totp_enabled': 'Bật xác thực hai lớp',
  'auth.totp_disabled': 'Tắt xác thực hai lớp',
  'unit.created': 'Tạo đơn vị',
  'unit.updated': 'Sửa đơn vị',
  'unit.moved': 'Chuyển đơn vị',
  'unit.defunct': 'Đơn vị chấm dứt hoạt động',
  'person.created': 'Thêm cán bộ',
  'person.updated': 'Sửa cán bộ',
  'account.created': 'Tạo tài khoản',
  'account.roles_changed': 'Đổi vai trò',
  'account.locked': 'Khóa tài khoản',
  'account.unlocked': 'Mở khóa tài khoản',
  'account.disabled': 'Vô hiệu hóa tài khoản',
  'account.password_reset': 'Đặt lại mật khẩu',
  'item.created': 'Đăng ký tài liệu mật',
  'item.viewed': 'Xem chi tiết tài liệu mật',
  'stock_take.started': 'Bắt đầu kiểm kê',
  'stock_take.lines_checked': 'Ghi kết quả kiểm kê',
  'stock_take.closed': 'Kết thúc kiểm kê',
  'stock_take.exported': 'In biên bản kiểm kê',
  'item.location_set': 'Ghi nơi lưu giữ tài liệu mật',
  'item.received': 'Tiếp nhận, vào sổ đến',
  'item.tampering_reported': 'Báo cáo bì có dấu hiệu bóc mở',
  'item.handed_over': 'Chuyển giao tài liệu mật',
  'item.grant_created': 'Cấp quyền tiếp cận có thời hạn',
  'item.proposed': 'Đề xuất xác định độ mật',
  'item.determined': 'Xác định độ mật',
  'item.registered_outgoing': 'Vào sổ đi',
  'item.sent': 'Phát hành, gửi đi',
  'item.extended': 'Gia hạn thời hạn bảo vệ',
  'item.declassified_auto': 'Đương nhiên giải mật khi hết thời hạn',
  'item.notice_sent': 'Gửi thông báo gia hạn, điều chỉnh, giải mật',
  'item.level_adjusted': 'Điều chỉnh độ mật',
  'item.declassified': 'Giải mật theo quyết định',
  'destruction.proposed': 'Đề xuất tiêu hủy',
  'destruction.council_set': 'Thành lập Hội đồng tiêu hủy',
  'destruction.reviewed': 'Hội đồng tiêu hủy họp xét',
  'destruction.decided': 'Quyết định tiêu hủy',
  'destruction.executed': 'Tiêu hủy tài liệu, vật chứa BMNN',
  'destruction.reported': 'Báo cáo tiêu hủy khẩn cấp',
  'release.requested': 'Đề nghị mang ra, cung cấp BMNN',
  'copy.requested': 'Đề nghị sao, chụp',
  'copy.decided': 'Quyết định cho phép sao, chụp',
  'copy.executed': 'Sao, chụp tài liệu mật',
  'release.decided': 'Quyết định về đề nghị mang ra, cung cấp',
  'release.taken_out': 'Mang tài liệu ra khỏi nơi lưu giữ',
  'release.returned': 'Trả tài liệu về nơi lưu giữ',
  'authority.created': 'Ghi nhận thẩm quyền',
  'book.viewed': 'Xem sổ',
  'book.exported': 'Xuất, in sổ',
  'danh_muc.imported': 'Nhập danh mục BMNN',
  'device.created': 'Đăng ký thiết bị',
  'device.updated': 'Sửa thông tin thiết bị',
  'device.check_recorded': 'Kiểm tra an ninh thiết bị',
  'device.status_changed': 'Chuyển trạng thái thiết bị',
  'device.policy_changed': 'Đổi quy định kiểm tra thiết bị',
  'device.book_exported': 'Xuất sổ quản lý thiết bị',
  'incident.opened': 'Ghi nhận vụ lộ, mất BMNN',
  'incident.updated': 'Cập nhật vụ lộ, mất BMNN',
  'incident.item_linked': 'Tài liệu bị lộ, mất',
  'incident.device_linked': 'Thiết bị liên quan vụ lộ, mất',
  'incident.notified': 'Thông báo, báo cáo vụ lộ, mất',
  'incident.note_added': 'Bổ sung diễn biến vụ lộ, mất',
  'incident.viewed': 'Xem vụ lộ, mất BMNN',
  'incident.report_exported': 'Xuất báo cáo đột xuất',
  'incident.statistics_exported': 'Xuất thống kê lộ, mất BMNN',
  'incident.annual_report_exported': 'Xuất báo cáo năm về lộ, mất BMNN',
  'assignment.created': 'Phân công cán bộ',
  'assignment.ended': 'Kết thúc phân công',
  'assignment.policy_changed': 'Đổi quy định cam kết khi phân công',
  'commitment.recorded': 'Ghi nhận cam kết',
  'commitment.form_exported': 'In mẫu cam kết',
  'commitment.scan_attached': 'Đính kèm bản quét cam kết',
  'commitment.scan_downloaded': 'Tải bản quét cam kết',
  'offboarding.opened': 'Mở hồ sơ thu hồi',
  'offboarding.line_resolved': 'Xử lý mục thu hồi',
  'offboarding.closed': 'Kết thúc hồ sơ thu hồi',
  'audit.verified': 'Kiểm tra tính toàn vẹn nhật ký',
  'backup.created': 'Sao lưu dữ liệu',
  'backup.restored': 'Khôi phục dữ liệu',
  'file.created': 'Lập hồ sơ',
  'file.viewed': 'Xem hồ sơ',
  'file.items_added': 'Đưa tài liệu vào hồ sơ',
  'file.items_removed': 'Rút tài liệu khỏi hồ sơ',
  'file.closed': 'Kết thúc hồ sơ',
  'file.exported': 'In mục lục hồ sơ',
  'archive.transferred': 'Nộp lưu hồ sơ',
  'archive.record_exported': 'In biên bản nộp lưu',
  'register.imported': 'Nhập sổ cũ từ tệp',
  'register.import_report_exported': 'Tải báo cáo lỗi nhập sổ',
  'training.session_recorded': 'Ghi nhận buổi tập huấn, tuyên truyền',
  'training.attendees_added': 'Thêm người tham dự tập huấn',
  'training.attendance_exported': 'In danh sách người tham dự tập huấn',
  'training.dissemination_recorded': 'Ghi nhận phổ biến văn bản, danh mục BMNN',
  'training.policy_changed': 'Đổi thời hạn tập huấn lại',
  'training.coverage_exported': 'Xuất tỷ lệ cán bộ được tập huấn',
  'training.session_updated': 'Sửa thông tin buổi tập huấn',
  'training.attendee_removed': 'Xóa người khỏi danh sách tham dự tập huấn',
  'meeting.registered': 'Đăng ký hội nghị, cuộc họp có nội dung BMNN',
  'meeting.checklist_updated': 'Cập nhật điều kiện bảo đảm an ninh cuộc họp',
  'meeting.equipment_added': 'Thêm thiết bị phục vụ cuộc họp',
  'meeting.attendees_added': 'Thêm thành phần tham dự cuộc họp',
  'meeting.document_handed_out': 'Phát tài liệu mật tại cuộc họp',
  'meeting.document_collected': 'Thu hồi tài liệu mật sau cuộc họp',
  'meeting.held': 'Ghi nhận đã tổ chức cuộc họp',
  'meeting.closed': 'Kết thúc cuộc họp, đã thu hồi đủ tài liệu',
  'meeting.notice_exported': 'In thông báo cuộc họp có nội dung BMNN',
  'rule_set.updated': 'Sửa bộ quy tắc',
  'item.printed': 'In dấu, nhãn, biên bản của tài liệu mật',
  'destruction.viewed': 'Xem hồ sơ tiêu hủy tài liệu mật',
  'leak_check.checked': 'Kiểm tra tệp trước khi đăng',
  'leak_check.concluded': 'Kết luận tệp được đăng hay không',
};
export const AUDIT_EVENT_TYPES = Object.keys(AUDIT_EVENT_LABELS) as AuditEventType[];

export type AuditEvent = {
  [K in AuditEventType]: {
    type: K;
    /** The chain the record joins: the unit that owns the subject, or 'system'. */
    chain: string;
    actorId: string | null;
    subjectId?: string | null;
    data: AuditEventMap[K];
  };
}[AuditEventType];

export const SYSTEM_CHAIN = 'system';

const SESSION_FIELD_LABELS: Record<string, string> = { topic: 'chủ đề', kind: 'hình thức', heldOn: 'ngày tổ chức', organiser: 'đơn vị tổ chức', material: 'tài liệu', result: 'kết quả' };

/** A training session's corrected fields, before → after, in the audit viewer's words. */
function describeSessionChanges(data: Record<string, unknown>): string {
  const before = (data.before ?? {}) as Record<string, string | null>;
  const after = (data.after ?? {}) as Record<string, string | null>;
  const show = (field: string, value: string | null | undefined) => {
    if (value === null || value === undefined || value === '') return '(trống)';
    if (field === 'heldOn') return formatDate(value);
    if (field === 'kind') return TRAINING_KIND_LABELS[value as TrainingKind] ?? value;
    return `“${value}”`;
  };
  // The stored data has its keys sorted (canonical JSON of the chain): show the form's order.
  return Object.keys(SESSION_FIELD_LABELS)
    .filter((f) => f in after)
    .map((f) => `${SESSION_FIELD_LABELS[f]} ${show(f, before[f])} → ${show(f, after[f])}`)
    .join('; ');
}

/** One Vietnamese sentence per event type, for the audit viewer. */
export function describeAuditEvent(type: string, data: Record<string, unknown>): string {
  const d = data as Record<string, string>;
  switch (type as AuditEventType) {
    case 'setup.completed':
      return 'Thiết lập hệ thống lần đầu';
    case 'auth.login_succeeded':
      return `Đăng nhập thành công: ${d.username}`;
    case 'auth.login_failed':
      return `Đăng nhập không thành công: ${d.username}`;
    case 'auth.account_auto_locked':
      return `Tài khoản ${d.username} bị khóa tạm thời do nhập sai mật khẩu nhiều lần`;
    case 'auth.logout':
      return `Đăng xuất: ${d.username}`;
    case 'auth.password_changed':
      return `Đổi mật khẩu: ${d.username}`;
    case 'auth.totp_enabled':
      return `Bật xác thực hai lớp: ${d.username}`;
    case 'auth.totp_disabled':
      return `Tắt xác thực hai lớp: ${d.username}`;
    case 'unit.created':
      return `Tạo đơn vị ${d.name} (${d.code})`;
    case 'unit.updated':
      return 'Sửa thông tin đơn vị';
    case 'unit.moved':
      return 'Chuyển đơn vị sang đơn vị cấp trên khác';
    case 'unit.defunct':
      return 'Đánh dấu đơn vị chấm dứt hoạt động';
    case 'person.created':
      return `Thêm cán bộ ${d.fullName}`;
    case 'person.updated':
      return 'Sửa thông tin cán bộ';
    case 'account.created':
      return `Tạo tài khoản ${d.username}`;
    case 'account.roles_changed':
      return `Đổi vai trò của tài khoản ${d.username}`;
    case 'account.locked':
      return `Khóa tài khoản ${d.username}`;
    case 'account.unlocked':
      return `Mở khóa tài khoản ${d.username}`;
    case 'account.disabled':
      return `Vô hiệu hóa tài khoản ${d.username}`;
    case 'account.password_reset':
      return `Đặt lại mật khẩu tài khoản ${d.username}`;
    case 'item.created':
      return `Đăng ký tài liệu, vật chứa BMNN số ${d.soKyHieu}`;
    case 'item.received':
      return `Tiếp nhận, vào sổ đến số ${d.bookSerial}: ${d.soKyHieu}`;
    case 'item.tampering_reported':
      return `Báo cáo lãnh đạo: bì tài liệu ${d.soKyHieu} có dấu hiệu bóc mở, tráo đổi`;
    case 'item.handed_over':
      return `Chuyển giao tài liệu, vào sổ chuyển giao số ${d.bookSerial}`;
    case 'book.exported':
      return `Xuất sổ ${d.book} năm ${d.year} ra ${String(d.format).toUpperCase()} (${d.lines} dòng)`;
    case 'authority.created':
      return 'Ghi nhận thẩm quyền (chức danh, ủy quyền) của cán bộ';
    case 'item.proposed':
      return `Đề xuất xác định độ mật theo ${(data.citedRefs as string[] | undefined)?.join('; ') ?? ''}`;
    case 'item.determined':
      return 'Lãnh đạo xác định bí mật nhà nước và độ mật';
    case 'item.registered_outgoing':
      return `Vào sổ đi số ${d.bookSerial}: ${d.soKyHieu} (dấu ${d.envelopeMark})`;
    case 'item.sent':
      return `Phát hành, gửi đi ${d.soKyHieu}`;
    case 'item.extended':
      return `Gia hạn ${d.years} năm theo ${d.decisionRef}, đến hết ngày ${d.newEnd}`;
    case 'item.declassified_auto':
      return `Đương nhiên giải mật ${d.count} tài liệu hết thời hạn bảo vệ`;
    case 'item.notice_sent':
      return 'Ghi nhận đã gửi thông báo bằng văn bản';
    case 'destruction.executed':
      return `${data.emergency ? 'Tiêu hủy khẩn cấp' : 'Tiêu hủy'} ${d.items} tài liệu, vật chứa BMNN`;
    case 'book.viewed':
      return `Xem sổ ${d.book} năm ${d.year}`;
    case 'stock_take.started':
      return `Bắt đầu kiểm kê “${d.title}”: ${d.lines} tài liệu`;
    case 'stock_take.lines_checked':
      return `Ghi kết quả kiểm kê cho ${d.lines} tài liệu`;
    case 'stock_take.closed':
      return Number(d.missing) > 0 ? `Kết thúc kiểm kê: ${d.missing} tài liệu không tìm thấy, đã lập vụ mất BMNN` : 'Kết thúc kiểm kê: đủ tài liệu';
    case 'stock_take.exported':
      return `In biên bản kiểm kê (${String(d.format).toUpperCase()})`;
    case 'item.viewed':
      return 'Xem chi tiết tài liệu, vật chứa BMNN';
    case 'item.grant_created':
      return 'Cấp quyền tiếp cận tài liệu có thời hạn';
    case 'device.created':
      return `Đăng ký thiết bị ${d.assetCode} vào sổ quản lý thiết bị`;
    case 'device.updated':
      return 'Sửa thông tin thiết bị';
    case 'device.check_recorded':
      return `Ghi nhận kiểm tra an ninh thiết bị ${d.assetCode}`;
    case 'device.status_changed':
      return `Chuyển trạng thái thiết bị ${d.assetCode}`;
    case 'device.book_exported':
      return 'Xuất sổ quản lý thiết bị';
    case 'device.policy_changed':
      return 'Thay đổi quy định kiểm tra an ninh thiết bị trước khi sử dụng';
    case 'incident.opened':
      return `Ghi nhận vụ ${d.kind === 'LO' ? 'lộ' : 'mất'} bí mật nhà nước`;
    case 'incident.updated':
      return 'Cập nhật vụ lộ, mất bí mật nhà nước';
    case 'incident.item_linked':
      return d.effect === 'LOST' ? 'Ghi nhận tài liệu, vật chứa BMNN bị mất' : 'Ghi nhận tài liệu, vật chứa BMNN bị lộ';
    case 'incident.device_linked':
      return `Gắn thiết bị ${d.assetCode} với vụ lộ, mất BMNN`;
    case 'incident.notified':
      return 'Ghi nhận thông báo, báo cáo vụ lộ, mất BMNN';
    case 'incident.note_added':
      return 'Bổ sung diễn biến vụ lộ, mất BMNN';
    case 'incident.viewed':
      return 'Xem chi tiết vụ lộ, mất BMNN';
    case 'incident.report_exported':
      return 'Xuất báo cáo đột xuất vụ lộ, mất BMNN';
    case 'incident.statistics_exported':
      return 'Xuất thống kê các vụ lộ, mất BMNN';
    case 'incident.annual_report_exported':
      return `Xuất tình hình, số liệu các vụ lộ, mất BMNN năm ${d.year} (${d.count} vụ)`;
    case 'assignment.created':
      return d.kind === 'SECURITY_OFFICER' ? `Phân công cán bộ làm công tác bảo vệ BMNN (quyết định ${d.decisionRef})` : `Phân công cán bộ quản lý, tiếp cận BMNN (quyết định ${d.decisionRef})`;
    case 'assignment.policy_changed':
      return 'Thay đổi quy định cam kết trước khi phân công cán bộ bảo mật';
    case 'assignment.ended':
      return 'Kết thúc phân công liên quan đến BMNN';
    case 'commitment.recorded':
      return 'Ghi nhận cam kết bảo vệ bí mật nhà nước';
    case 'commitment.form_exported':
      return 'In mẫu cam kết bảo vệ bí mật nhà nước';
    case 'commitment.scan_attached':
      return `Đính kèm bản quét cam kết đã ký (${Math.ceil(Number(d.size) / 1024)} KB)`;
    case 'commitment.scan_downloaded':
      return 'Tải bản quét cam kết đã ký';
    case 'offboarding.opened':
      return 'Mở hồ sơ thu hồi tài liệu khi cán bộ thôi quản lý BMNN';
    case 'offboarding.line_resolved':
      return d.resolution === 'MISSING' ? 'Thu hồi: không tìm thấy, đã lập vụ mất BMNN' : 'Thu hồi: đã bàn giao hoặc xác định tài liệu, thiết bị';
    case 'offboarding.closed':
      return 'Kết thúc hồ sơ thu hồi; vô hiệu hóa tài khoản của cán bộ';
    case 'audit.verified':
      return 'Kiểm tra tính toàn vẹn nhật ký';
    case 'danh_muc.imported':
      return `Nhập danh mục bí mật nhà nước (${(data.decisions as string[] | undefined)?.join(', ') ?? ''})${data.sample ? ' — dữ liệu mẫu' : ''}`;
    case 'file.created':
      return `Lập hồ sơ số ${d.code} năm ${d.year}`;
    case 'file.items_added':
      return `Đưa ${(data.itemIds as string[] | undefined)?.length ?? 0} tài liệu vào hồ sơ ${d.code}`;
    case 'file.items_removed':
      return `Rút ${(data.itemIds as string[] | undefined)?.length ?? 0} tài liệu khỏi hồ sơ ${d.code}`;
    case 'file.closed':
      return `Kết thúc hồ sơ ${d.code} (${d.items} tài liệu)`;
    case 'file.exported':
      return `In mục lục hồ sơ ${d.code} ra ${String(d.format).toUpperCase()} (${d.lines} dòng)`;
    case 'archive.transferred':
      return `Nộp lưu ${(data.fileCodes as string[] | undefined)?.join(', ') ?? ''} theo biên bản số ${d.recordNo} (${d.items} tài liệu)`;
    case 'archive.record_exported':
      return `In biên bản nộp lưu số ${d.recordNo} ra ${String(d.format).toUpperCase()}`;
    case 'register.imported':
      return `Nhập ${d.items} dòng ${d.book === 'DI' ? 'sổ đi' : 'sổ đến'} từ tệp ${d.fileName}`;
    case 'register.import_report_exported':
      return `Tải báo cáo lỗi nhập sổ (${d.problems} lỗi)`;
    case 'backup.created':
      return 'Sao lưu dữ liệu';
    case 'backup.restored':
      return 'Khôi phục dữ liệu từ bản sao lưu';
    case 'training.session_recorded':
      return `Ghi nhận buổi tập huấn "${d.topic}" ngày ${d.heldOn} (${d.attendees} người tham dự)`;
    case 'training.attendees_added':
      return `Thêm ${(data.personIds as string[] | undefined)?.length ?? 0} người tham dự tập huấn${d.source === 'import' ? ' từ tệp Excel' : ''}`;
    case 'training.session_updated':
      return `Sửa thông tin buổi tập huấn: ${describeSessionChanges(data)}`;
    case 'training.attendee_removed':
      return `Xóa ${d.fullName} khỏi danh sách tham dự tập huấn. Lý do: ${d.reason}`;
    case 'training.policy_changed':
      return `Đổi thời hạn tập huấn lại từ ${d.before} sang ${d.after} tháng`;
    case 'meeting.held':
      return `Ghi nhận đã tổ chức cuộc họp có nội dung BMNN ngày ${d.heldOn}`;
    case 'meeting.closed':
      return `Kết thúc cuộc họp, đã thu hồi đủ ${d.documents} tài liệu đã phát`;
    case 'leak_check.checked':
      return `Kiểm tra tệp trước khi đăng (SHA-256 ${String(d.sha256).slice(0, 12)}…): ${LEAK_DECISION_LABELS[d.decision as LeakDecision] ?? d.decision}, ${d.findings} dấu hiệu, ${d.problems} vấn đề${data.alreadyPublished ? '; tệp đã đăng công khai' : ''}${d.incidentId ? ', đã lập vụ lộ BMNN' : ''}`;
    case 'leak_check.concluded':
      return `Kết luận tệp (SHA-256 ${String(d.sha256).slice(0, 12)}…): ${LEAK_CONCLUSION_LABELS[d.conclusion as LeakConclusion] ?? d.conclusion}. Lý do: ${d.reason}`;
    case 'rule_set.updated': {
      const changes = (data.changes as RuleSetChange[] | undefined) ?? [];
      return `Sửa bộ quy tắc ${d.ruleSetId} (phiên bản ${d.version}), ${changes.length} thay đổi: ${changes.map(describeRuleSetChange).join('; ')}`;
    }
    case 'item.printed':
      return `In ${PRINTABLE_LABELS[d.kind as PrintableKind] ?? d.kind} (${String(d.format).toUpperCase()}, độ mật ${LEVEL_LABELS[d.level as Level] ?? d.level})`;
    case 'destruction.viewed':
      return `Xem hồ sơ tiêu hủy (${d.items} tài liệu, độ mật cao nhất ${LEVEL_LABELS[d.highestLevel as Level] ?? d.highestLevel})${data.onCouncil ? ' với tư cách thành viên Hội đồng tiêu hủy' : ''}`;
    default:
      return AUDIT_EVENT_LABELS[type as AuditEventType] ?? type;
  }
}
