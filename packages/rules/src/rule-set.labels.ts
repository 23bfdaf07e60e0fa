// Vietnamese names for the parts of a rule set, so that an administrator's edit reads as
// "Gia hạn › Quyết định trước khi hết hạn ít nhất (ngày): 60 → 45" in the audit viewer and the
// change history, not as a JSON path.
import { LEVEL_LABELS, UNIT_KIND_LABELS } from '@bmnn/contracts';
import { AUTHORITY_ACTION_LABELS } from './rule-set.schema.ts';
import type { RuleSetChange } from './rule-set.ts';
import { POSITIONS } from './positions.ts';

export const RULE_SET_PART_LABELS: Record<string, string> = {
  id: 'Mã',
  regime: 'Chế độ pháp lý',
  name: 'Tên bộ quy tắc',
  validFrom: 'Có hiệu lực từ ngày',
  validTo: 'Hết hiệu lực từ sau ngày',
  basis: 'Căn cứ',
  rule: 'Quy định (LEGAL.md)',
  legalBasis: 'Căn cứ pháp lý',
  confirmed: 'Đã đối chiếu văn bản chính thức',
  note: 'Ghi chú nguồn',
  envelopes: 'Bì và dấu ký hiệu (R7.3)',
  marks: 'Dấu ký hiệu',
  mark: 'Chữ ký hiệu',
  doubleEnvelope: 'Hai lớp bì',
  periods: 'Thời hạn bảo vệ (R9.1)',
  baseYears: 'Số năm bảo vệ',
  activityMayBeShorter: 'Hoạt động được đặt thời hạn ngắn hơn',
  placeEndsOnRelease: 'Địa điểm hết hạn khi thôi sử dụng',
  dayCount: 'Cách tính ngày cuối',
  dayCountBasis: 'Căn cứ cách tính ngày cuối',
  extension: 'Gia hạn (R9.2)',
  decisionLeadDays: 'Quyết định trước khi hết hạn ít nhất (ngày)',
  maxYearsEach: 'Tối đa mỗi lần gia hạn (năm)',
  maxCount: 'Số lần gia hạn tối đa',
  notifyWithinDays: 'Thông báo bằng văn bản trong (ngày)',
  warningLeadDays: 'Cảnh báo trước (ngày)',
  adjustment: 'Điều chỉnh độ mật (R9.3)',
  periodRestart: 'Thời hạn sau điều chỉnh',
  periodRestartBasis: 'Căn cứ thời hạn sau điều chỉnh',
  declassification: 'Giải mật (R9.4, R9.5)',
  cases: 'Trường hợp',
  key: 'Mã trường hợp',
  label: 'Tên trường hợp',
  automatic: 'Đương nhiên giải mật',
  councilRequired: 'Phải có Hội đồng giải mật',
  stampRequired: 'Phải đóng dấu "Giải mật"',
  councilMinMembers: 'Số thành viên Hội đồng tối thiểu',
  destruction: 'Tiêu hủy (R10.3)',
  minimumAuthorityCeiling: 'Thẩm quyền tối thiểu để quyết định',
  emergencyReportWithinHours: 'Báo cáo tiêu hủy khẩn cấp trong (giờ)',
  copying: 'Sao, chụp (R5.4, R5.8)',
  spoiledMustBeDestroyed: 'Bản hỏng, thừa phải hủy ngay',
  laterPermissionAllowed: 'Được cho phép sao sau khi đã ghi "không được phép"',
  laterPermissionBasis: 'Căn cứ cho phép sao về sau',
  trichYeu: 'Trích yếu (R7.2)',
  tuyetMat: 'Trích yếu tài liệu Tuyệt mật',
  devices: 'Thiết bị (R12.1)',
  allowedNetworkStatuses: 'Tình trạng kết nối được phép',
  everConnectedDisqualifies: 'Đã từng kết nối thì không được dùng',
  recall: 'Tài liệu thu hồi (R7.7)',
  takeOut: 'Mang ra khỏi nơi lưu giữ (R8.1, R8.2)',
  annualReport: 'Báo cáo năm (R14.1)',
  periodStart: 'Ngày đầu kỳ',
  periodEnd: 'Ngày cuối kỳ',
  due: 'Hạn báo cáo',
  month: 'tháng',
  day: 'ngày',
  yearOffset: 'năm (so với năm báo cáo)',
  authorities: 'Thẩm quyền',
  roleKeys: 'Chức vụ',
  titlePattern: 'Mẫu chức danh',
  agencyTypes: 'Loại cơ quan',
  levelCeiling: 'Độ mật cao nhất',
  actions: 'Việc được quyết định',
  relation: 'Quan hệ với tài liệu',
  requiresDelegation: 'Cần văn bản ủy quyền',
  MAT: LEVEL_LABELS.MAT,
  TOI_MAT: LEVEL_LABELS.TOI_MAT,
  TUYET_MAT: LEVEL_LABELS.TUYET_MAT,
};

export const RULE_SET_VALUE_LABELS: Record<string, string> = {
  ...LEVEL_LABELS,
  ...(UNIT_KIND_LABELS as Record<string, string>),
  ...(POSITIONS as Record<string, string>),
  ...(AUTHORITY_ACTION_LABELS as Record<string, string>),
  TRUNG_UONG: 'Trung ương',
  '*': 'mọi loại cơ quan',
  LAW_2018: 'Luật 2018',
  LAW_2025: 'Luật 2025',
  CONSENT_REQUIRED: 'chỉ ghi khi người có thẩm quyền đồng ý',
  NEVER: 'không ghi',
  SAME_DATE_FEB28: 'cùng ngày sau N năm (29/02 thành 28/02)',
  SAME_DATE_MAR1: 'cùng ngày sau N năm (29/02 thành 01/03)',
  DAY_BEFORE_ANNIVERSARY: 'ngày trước ngày tròn N năm',
  FROM_ORIGINAL_DETERMINATION: 'tính từ ngày xác định ban đầu',
  FROM_ADJUSTMENT_DATE: 'tính lại từ ngày điều chỉnh',
  ANY: 'bất kỳ',
  DETERMINING_BODY: 'cơ quan xác định bí mật',
  MANAGING_BODY: 'cơ quan quản lý bí mật',
  EXPIRED: 'hết thời hạn bảo vệ',
  NATIONAL_INTEREST: 'vì lợi ích quốc gia',
  REMOVED_FROM_DANH_MUC: 'không còn trong danh mục',
  AIR_GAPPED_NEVER_CONNECTED: 'chưa từng kết nối mạng',
  INDEPENDENT_LAN: 'mạng LAN độc lập',
  CO_YEU_APPROVED: 'được cơ yếu cho phép',
  CONNECTED: 'đang kết nối mạng',
};

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A value of a rule set as a short Vietnamese text. */
export function formatRuleSetValue(value: unknown): string {
  if (value === undefined) return '(không có)';
  if (value === null) return '(không giới hạn)';
  if (typeof value === 'boolean') return value ? 'có' : 'không';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    const date = isoDate.exec(value);
    if (date) return `${date[3]}/${date[2]}/${date[1]}`;
    return RULE_SET_VALUE_LABELS[value] ?? value;
  }
  if (Array.isArray(value)) return value.length === 0 ? '(trống)' : value.map(formatRuleSetValue).join(', ');
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([k]) => k !== 'basis');
    if ('id' in (value as object)) return `dòng ${String((value as { id: unknown }).id)}`;
    return entries.map(([k, v]) => `${RULE_SET_PART_LABELS[k] ?? k}: ${formatRuleSetValue(v)}`).join('; ');
  }
  return String(value);
}

/**
 * A change path ("extension.decisionLeadDays", "authorities[2025-copy-x].levelCeiling",
 * "declassification.cases[1].notifyWithinDays") as Vietnamese words joined by "›".
 */
export function formatRuleSetPath(path: string): string {
  const parts: string[] = [];
  for (const token of path.match(/[^.[\]]+|\[[^\]]*\]/g) ?? []) {
    if (token.startsWith('[')) {
      const inner = token.slice(1, -1);
      parts.push(/^\d+$/.test(inner) ? `mục ${Number(inner) + 1}` : `dòng ${inner}`);
    } else {
      parts.push(RULE_SET_PART_LABELS[token] ?? token);
    }
  }
  return parts.length === 0 ? 'Toàn bộ' : parts.join(' › ');
}

/** One change as a Vietnamese line: "Gia hạn (R9.2) › Quyết định … (ngày): 60 → 45". */
export function describeRuleSetChange(change: RuleSetChange): string {
  if (change.before === undefined) return `${formatRuleSetPath(change.path)}: thêm ${formatRuleSetValue(change.after)}`;
  if (change.after === undefined) return `${formatRuleSetPath(change.path)}: bỏ ${formatRuleSetValue(change.before)}`;
  return `${formatRuleSetPath(change.path)}: ${formatRuleSetValue(change.before)} → ${formatRuleSetValue(change.after)}`;
}
