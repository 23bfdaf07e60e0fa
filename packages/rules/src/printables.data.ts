// The stamps and labels printed for an item (LEGAL.md R4.5, R5.7, R7.3, R9.1–R9.5, §15.1), as
// data with legal basis and validity dates (A4): the wording, the size of the frame and its
// border. Only the "Giải mật" stamp (TT24 Mẫu 05: 30 × 13 mm, double border, "GIẢI MẬT" /
// "Từ: …") was seen; every other size and layout is UNCONFIRMED and must be checked against
// Thông tư 24/2020/TT-BCA and the annex of Nghị định 63/2026/NĐ-CP, then corrected here.
import type { Basis } from './rule-set.schema.ts';
import { compareDates, isWithin } from './dates.ts';
import type { IsoDate } from './dates.ts';
import { D63, TT24 } from './rule-set.helpers.ts';

export const STAMP_KINDS = ['LEVEL', 'ENVELOPE_MARK', 'NAMED_RECIPIENT', 'COPY_NUMBER', 'PERIOD', 'EXTENSION', 'DECLASSIFIED', 'EXTRACT'] as const;
export type StampKind = (typeof STAMP_KINDS)[number];

/**
 * One stamp: its lines (placeholders in braces, filled by the server), frame size in millimetres
 * and border. Red ink for every stamp that shows secrecy (R4.5).
 */
export type StampTemplate = {
  id: string;
  kind: StampKind;
  family: 'TT24_2020' | 'ND63_2026';
  formNumber: string;
  lines: string[];
  widthMm: number;
  heightMm: number;
  border: 'single' | 'double' | 'none';
  color: 'red' | 'black';
  validFrom: IsoDate;
  validTo: IsoDate | null;
  basis: Basis;
};

const TT24_PERIOD = { validFrom: '2020-07-01', validTo: '2026-02-28' } as const;
const ND63_PERIOD = { validFrom: '2026-03-01', validTo: null } as const;
const ND63_NOTE = 'Mẫu dấu của Nghị định 63/2026/NĐ-CP chưa thấy; dùng tạm nội dung của Thông tư 24/2020/TT-BCA.';

function both(kind: StampKind, formNumber: string, rule: string, body: Omit<StampTemplate, 'id' | 'kind' | 'family' | 'formNumber' | 'validFrom' | 'validTo' | 'basis'>, tt24: Pick<Basis, 'confirmed' | 'note'>): StampTemplate[] {
  return [
    { id: `TT24_2020-${kind}`, kind, family: 'TT24_2020', formNumber, ...body, ...TT24_PERIOD, basis: { rule, legalBasis: `${formNumber} ${TT24}`, ...tt24 } as Basis },
    { id: `ND63_2026-${kind}`, kind, family: 'ND63_2026', formNumber: `${formNumber} (theo Thông tư 24/2020/TT-BCA)`, ...body, ...ND63_PERIOD, basis: { rule, legalBasis: `Phụ lục ${D63}`, confirmed: false, note: ND63_NOTE } },
  ];
}

export const DEFAULT_STAMPS: readonly StampTemplate[] = [
  // R4.5: the words are confirmed, red ink confirmed; the frame size is UNCONFIRMED.
  ...both('LEVEL', 'Mẫu 02', 'R4.5', { lines: ['{LEVEL}'], widthMm: 40, heightMm: 10, border: 'single', color: 'red' }, { confirmed: false, note: 'Chữ TUYỆT MẬT / TỐI MẬT / MẬT và mực đỏ đã xác nhận; kích thước khung chưa thấy.' }),
  // R7.3: letters A, B, C confirmed; the circle and its size are UNCONFIRMED.
  ...both('ENVELOPE_MARK', 'Mẫu 03', 'R7.3', { lines: ['{MARK}'], widthMm: 15, heightMm: 15, border: 'single', color: 'red' }, { confirmed: false, note: 'Chữ A, B, C đã xác nhận; hình dạng và kích thước dấu chưa thấy.' }),
  ...both('NAMED_RECIPIENT', 'Mẫu 07', 'R7.3', { lines: ['CHỈ NGƯỜI CÓ TÊN MỚI ĐƯỢC BÓC BÌ'], widthMm: 70, heightMm: 10, border: 'single', color: 'red' }, { confirmed: false, note: 'Nội dung đã xác nhận; kích thước chưa thấy.' }),
  // R5.7: "BẢN SAO SỐ" confirmed (hướng dẫn 4114/BCA-ANCTNB); layout UNCONFIRMED.
  ...both('COPY_NUMBER', 'Mẫu 11', 'R5.7', { lines: ['BẢN SAO SỐ: {COPY_NUMBER}'], widthMm: 45, heightMm: 10, border: 'single', color: 'red' }, { confirmed: false, note: 'Chữ "BẢN SAO SỐ" đã xác nhận; bố cục, kích thước chưa thấy.' }),
  // R9.1: the stamp exists (Mẫu 04); its wording was not seen (UNCONFIRMED).
  ...both('PERIOD', 'Mẫu 04', 'R9.1', { lines: ['THỜI HẠN BẢO VỆ BÍ MẬT NHÀ NƯỚC', 'Đến hết ngày: {END_DATE}'], widthMm: 80, heightMm: 15, border: 'single', color: 'red' }, { confirmed: false, note: 'Có dấu thời hạn bảo vệ (Mẫu 04); nội dung, kích thước chưa thấy.' }),
  // R9.2: the extension stamp is Mẫu 04 as well; its wording was not seen (UNCONFIRMED).
  ...both('EXTENSION', 'Mẫu 04', 'R9.2', { lines: ['GIA HẠN THỜI HẠN BẢO VỆ BÍ MẬT NHÀ NƯỚC', 'Đến hết ngày: {END_DATE}', 'Theo: {DECISION}'], widthMm: 90, heightMm: 20, border: 'single', color: 'red' }, { confirmed: false, note: 'Có dấu gia hạn (Mẫu 04); nội dung, kích thước chưa thấy.' }),
  // R9.5: confirmed (thukyluat.vn): 30 × 13 mm, double border, "GIẢI MẬT" / "Từ: …", red.
  ...both('DECLASSIFIED', 'Mẫu 05', 'R9.5', { lines: ['GIẢI MẬT', 'Từ: {DATE}'], widthMm: 30, heightMm: 13, border: 'double', color: 'red' }, { confirmed: true, note: 'Hình chữ nhật 30 mm × 13 mm, viền kép; dòng 1 "GIẢI MẬT", dòng 2 "Từ: …" ghi ngày người có thẩm quyền ký quyết định; mực đỏ.' }),
  // R5.7: the extract-copy document (Mẫu 10); its layout was not seen (UNCONFIRMED).
  ...both('EXTRACT', 'Mẫu 10', 'R5.7', { lines: ['VĂN BẢN TRÍCH SAO'], widthMm: 0, heightMm: 0, border: 'none', color: 'black' }, { confirmed: false, note: 'Có mẫu Văn bản trích sao (Mẫu 10); bố cục chưa thấy, in theo các trường của hướng dẫn 4114/BCA-ANCTNB.' }),
];

/** The stamp of `kind` valid on `date` (the date of the record it marks, A4). */
export function findStampFor({ kind, date, stamps = DEFAULT_STAMPS }: { kind: StampKind; date: IsoDate; stamps?: readonly StampTemplate[] }): StampTemplate | undefined {
  return stamps.filter((s) => s.kind === kind && isWithin(date, s.validFrom, s.validTo)).sort((a, b) => compareDates(b.validFrom, a.validFrom))[0];
}

/** The stamp's lines with the placeholders filled; an unknown placeholder stays visible as "…". */
export function fillStampLines(stamp: StampTemplate, values: Record<string, string>): string[] {
  return stamp.lines.map((line) => line.replace(/\{([A-Z_]+)\}/g, (_, key: string) => values[key] ?? '…'));
}

// ---- records and requests (DOCX) -------------------------------------------------------------
// No national template was found for the destruction council's minutes and the destruction
// record (LEGAL.md R10.4: UNCONFIRMED), nor the text of TT24 Mẫu 17 or of a take-out request
// form (R8.2, R8.4). The fixed wording is therefore data, with placeholders in braces, so that
// an agency can load its own text; the server fills the placeholders from the records.

export const RECORD_KINDS = ['COUNCIL_RECORD', 'DESTRUCTION_RECORD', 'EMERGENCY_DESTRUCTION_RECORD', 'TAKE_OUT_REQUEST', 'PROVISION_REQUEST', 'FOREIGN_PROVISION_REQUEST'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export type RecordTemplate = {
  id: string;
  kind: RecordKind;
  title: string;
  subtitle: string;
  /** Numbered "Số: …" line, or null for a request by a person. */
  numberLine: string | null;
  opening: string;
  closing: string;
  signatures: { left: [string, string]; right: [string, string] };
  validFrom: IsoDate;
  validTo: IsoDate | null;
  basis: Basis;
};

const RECORD_PERIOD = { validFrom: '2020-07-01', validTo: null } as const;

export const DEFAULT_RECORD_TEMPLATES: readonly RecordTemplate[] = [
  {
    id: 'COUNCIL_RECORD',
    kind: 'COUNCIL_RECORD',
    title: 'BIÊN BẢN',
    subtitle: 'Họp Hội đồng tiêu hủy tài liệu, vật chứa bí mật nhà nước',
    numberLine: 'Số:      /BB-HĐTH',
    opening:
      'Căn cứ Luật Bảo vệ bí mật nhà nước và quyết định thành lập Hội đồng tiêu hủy số {COUNCIL_REF}, Hội đồng tiêu hủy tài liệu, vật chứa bí mật nhà nước của {AGENCY} họp xét danh sách tài liệu, vật chứa bí mật nhà nước đề nghị tiêu hủy.',
    closing: 'Hội đồng đề nghị người có thẩm quyền xem xét, quyết định tiêu hủy các tài liệu, vật chứa bí mật nhà nước nêu trên./.',
    signatures: { left: ['CÁC THÀNH VIÊN HỘI ĐỒNG', '(Ký, ghi rõ họ tên)'], right: ['CHỦ TỊCH HỘI ĐỒNG', '(Ký, ghi rõ họ tên)'] },
    ...RECORD_PERIOD,
    basis: { rule: 'R10.4', legalBasis: 'Điều 23 khoản 4 Luật Bảo vệ bí mật nhà nước số 29/2018/QH14', confirmed: false, note: 'Hồ sơ tiêu hủy gồm biên bản họp Hội đồng (đã xác nhận); không tìm thấy mẫu biên bản của cơ quan trung ương.' },
  },
  {
    id: 'DESTRUCTION_RECORD',
    kind: 'DESTRUCTION_RECORD',
    title: 'BIÊN BẢN',
    subtitle: 'Tiêu hủy tài liệu, vật chứa bí mật nhà nước',
    numberLine: 'Số:      /BB-TH',
    opening: 'Thực hiện quyết định tiêu hủy số {DECISION_REF}, vào lúc {WHEN}, tại {PLACE}, {AGENCY} tiến hành tiêu hủy tài liệu, vật chứa bí mật nhà nước.',
    closing:
      'Việc tiêu hủy bảo đảm không để lộ, mất bí mật nhà nước; tài liệu, vật chứa bí mật nhà nước đã bị thay đổi hình dạng, tính năng, tác dụng và không thể phục hồi hình dạng, tính năng, tác dụng, nội dung. Biên bản lập xong lúc {WHEN}, đã đọc lại cho những người có tên trên cùng nghe và ký xác nhận./.',
    signatures: { left: ['NGƯỜI CHỨNG KIẾN', '(Ký, ghi rõ họ tên)'], right: ['CHỦ TỊCH HỘI ĐỒNG', '(Ký, ghi rõ họ tên)'] },
    ...RECORD_PERIOD,
    basis: { rule: 'R10.2', legalBasis: 'Điều 23 khoản 2, 4 Luật Bảo vệ bí mật nhà nước số 29/2018/QH14', confirmed: false, note: 'Yêu cầu không thể phục hồi (đã xác nhận); không tìm thấy mẫu biên bản tiêu hủy.' },
  },
  {
    id: 'EMERGENCY_DESTRUCTION_RECORD',
    kind: 'EMERGENCY_DESTRUCTION_RECORD',
    title: 'BIÊN BẢN',
    subtitle: 'Tiêu hủy tài liệu, vật chứa bí mật nhà nước trong trường hợp khẩn cấp',
    numberLine: 'Số:      /BB-TH',
    opening:
      'Vào lúc {WHEN}, tại {PLACE}, người đang quản lý đã tiêu hủy ngay tài liệu, vật chứa bí mật nhà nước trong trường hợp khẩn cấp (nếu không tiêu hủy ngay sẽ gây nguy hại cho lợi ích quốc gia, dân tộc) và phải báo cáo bằng văn bản ngay với người đứng đầu.',
    closing:
      'Việc tiêu hủy bảo đảm không để lộ, mất bí mật nhà nước; tài liệu, vật chứa bí mật nhà nước đã bị thay đổi hình dạng, tính năng, tác dụng và không thể phục hồi hình dạng, tính năng, tác dụng, nội dung. Biên bản lập xong lúc {WHEN}./.',
    signatures: { left: ['NGƯỜI CHỨNG KIẾN', '(Ký, ghi rõ họ tên)'], right: ['NGƯỜI TIÊU HỦY', '(Ký, ghi rõ họ tên)'] },
    ...RECORD_PERIOD,
    basis: { rule: 'R10.3', legalBasis: 'Điều 23 khoản 3 Luật Bảo vệ bí mật nhà nước số 29/2018/QH14', confirmed: false, note: 'Người đang quản lý được tiêu hủy ngay và báo cáo bằng văn bản ngay (đã xác nhận); mẫu biên bản chưa thấy.' },
  },
  {
    id: 'TAKE_OUT_REQUEST',
    kind: 'TAKE_OUT_REQUEST',
    title: 'ĐỀ NGHỊ',
    subtitle: 'Mang tài liệu, vật chứa bí mật nhà nước ra khỏi nơi lưu giữ {PURPOSE_SCOPE}',
    numberLine: null,
    opening: 'Kính gửi: Người đứng đầu {AGENCY}',
    closing:
      'Tôi cam kết sử dụng tài liệu, vật chứa bí mật nhà nước đúng mục đích, bảo vệ an toàn trong thời gian mang ra, báo cáo ngay khi phát hiện lộ, mất và nộp lại nơi lưu giữ khi hoàn thành nhiệm vụ./.',
    signatures: { left: ['Ý KIẾN CỦA NGƯỜI CÓ THẨM QUYỀN', '(Ký, ghi rõ họ tên, chức vụ)'], right: ['NGƯỜI ĐỀ NGHỊ', '(Ký, ghi rõ họ tên)'] },
    ...RECORD_PERIOD,
    basis: { rule: 'R8.2', legalBasis: `Điều 14 Luật Bảo vệ bí mật nhà nước; Điều 7 ${D63}`, confirmed: false, note: 'Các nội dung của văn bản đề nghị (họ tên, chức vụ, đơn vị, tài liệu, mục đích, thời gian, địa điểm, biện pháp bảo vệ) đã xác nhận về nội dung; mẫu văn bản chưa thấy.' },
  },
  {
    id: 'PROVISION_REQUEST',
    kind: 'PROVISION_REQUEST',
    title: 'VĂN BẢN ĐỀ NGHỊ',
    subtitle: 'Cung cấp, chuyển giao bí mật nhà nước',
    numberLine: 'Số:      ',
    opening: 'Kính gửi: {AGENCY}',
    closing: 'Chúng tôi cam kết bảo vệ bí mật nhà nước được cung cấp, chuyển giao và sử dụng đúng mục đích./.',
    signatures: { left: [' ', ' '], right: ['NGƯỜI ĐẠI DIỆN', '(Ký, ghi rõ họ tên, đóng dấu)'] },
    ...RECORD_PERIOD,
    basis: { rule: 'R8.4', legalBasis: `Mẫu 17 ${TT24}`, confirmed: false, note: 'Có Mẫu 17 (đã xác nhận tên mẫu); nội dung mẫu chưa thấy, in theo các trường của Điều 15 Luật 2018.' },
  },
  {
    id: 'FOREIGN_PROVISION_REQUEST',
    kind: 'FOREIGN_PROVISION_REQUEST',
    title: 'VĂN BẢN ĐỀ NGHỊ',
    subtitle: 'Cung cấp, chuyển giao bí mật nhà nước cho cơ quan, tổ chức, cá nhân nước ngoài',
    numberLine: 'Số:      ',
    opening: 'Kính gửi: {AGENCY}',
    closing: 'Chúng tôi cam kết bảo vệ bí mật nhà nước được cung cấp, chuyển giao, sử dụng đúng mục đích và không cung cấp, chuyển giao cho bên thứ ba khi chưa có sự đồng ý của bên Việt Nam./.',
    signatures: { left: [' ', ' '], right: ['NGƯỜI ĐẠI DIỆN', '(Ký, ghi rõ họ tên)'] },
    ...RECORD_PERIOD,
    basis: { rule: 'R8.6', legalBasis: 'Điều 16 Luật Bảo vệ bí mật nhà nước số 117/2025/QH15', confirmed: false, note: 'Nội dung đề nghị đã xác nhận đến phần cam kết; câu "không chuyển cho bên thứ ba" chưa xác nhận.' },
  },
];

/** The record template of `kind` valid on `date` (A4). */
export function findRecordTemplateFor({ kind, date, templates = DEFAULT_RECORD_TEMPLATES }: { kind: RecordKind; date: IsoDate; templates?: readonly RecordTemplate[] }): RecordTemplate | undefined {
  return templates.filter((t) => t.kind === kind && isWithin(date, t.validFrom, t.validTo)).sort((a, b) => compareDates(b.validFrom, a.validFrom))[0];
}

/** A text with its {PLACEHOLDERS} filled; an unknown one prints as "……" for the clerk to fill. */
export function fillTemplateText(text: string, values: Record<string, string>): string {
  return text.replace(/\{([A-Z_]+)\}/g, (_, key: string) => values[key] ?? '……');
}
