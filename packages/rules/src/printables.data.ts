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
