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
  'destruction.proposed': { items: number };
  'destruction.council_set': { councilRef: string; size: number };
  'destruction.reviewed': Record<string, never>;
  'destruction.decided': { decisionRef: string; items: number };
  'destruction.executed': { items: number; method: string; emergency: boolean };
  'destruction.reported': { sentOn: string };
  'book.exported': { book: string; year: number; format: string; lines: number; highestLevel: string | null };
  'item.grant_created': { personId: string; expiresAt: string };
  'audit.verified': { chains: number; broken: number };
  'danh_muc.imported': { decisions: string[]; items: number; sample: boolean };
  'backup.created': { file: string };
  'backup.restored': { file: string };
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
  'destruction.proposed': 'Đề xuất tiêu hủy',
  'destruction.council_set': 'Thành lập Hội đồng tiêu hủy',
  'destruction.reviewed': 'Hội đồng tiêu hủy họp xét',
  'destruction.decided': 'Quyết định tiêu hủy',
  'destruction.executed': 'Tiêu hủy tài liệu, vật chứa BMNN',
  'destruction.reported': 'Báo cáo tiêu hủy khẩn cấp',
  'authority.created': 'Ghi nhận thẩm quyền',
  'book.viewed': 'Xem sổ',
  'book.exported': 'Xuất, in sổ',
  'danh_muc.imported': 'Nhập danh mục BMNN',
  'audit.verified': 'Kiểm tra tính toàn vẹn nhật ký',
  'backup.created': 'Sao lưu dữ liệu',
  'backup.restored': 'Khôi phục dữ liệu',
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
    case 'item.viewed':
      return 'Xem chi tiết tài liệu, vật chứa BMNN';
    case 'item.grant_created':
      return 'Cấp quyền tiếp cận tài liệu có thời hạn';
    case 'audit.verified':
      return 'Kiểm tra tính toàn vẹn nhật ký';
    case 'danh_muc.imported':
      return `Nhập danh mục bí mật nhà nước (${(data.decisions as string[] | undefined)?.join(', ') ?? ''})${data.sample ? ' — dữ liệu mẫu' : ''}`;
    case 'backup.created':
      return 'Sao lưu dữ liệu';
    case 'backup.restored':
      return 'Khôi phục dữ liệu từ bản sao lưu';
    default:
      return AUDIT_EVENT_LABELS[type as AuditEventType] ?? type;
  }
}
