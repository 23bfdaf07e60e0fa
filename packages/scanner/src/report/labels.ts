// Vietnamese words shown to people.
import type { Decision, FragmentKind, Level, Location } from '../scanner.types.ts';

export const DECISION_LABELS: Record<Decision, string> = { block: 'CHẶN', review: 'CẦN XEM XÉT', pass: 'ĐẠT' };
export const LEVEL_LABELS: Record<Level, string> = { TUYET_MAT: 'Tuyệt mật', TOI_MAT: 'Tối mật', MAT: 'Mật' };
export const KIND_LABELS: Record<FragmentKind, string> = {
  body: 'thân văn bản',
  table: 'bảng',
  header: 'đầu trang (header)',
  footer: 'chân trang (footer)',
  textbox: 'hộp văn bản',
  footnote: 'chú thích cuối trang',
  endnote: 'chú thích cuối văn bản',
  comment: 'nhận xét',
  field: 'mã trường',
  property: 'thuộc tính tệp',
  'sheet-name': 'tên trang tính',
  cell: 'ô bảng tính',
  slide: 'trang chiếu',
  notes: 'ghi chú trang chiếu',
  annotation: 'chú thích trên PDF',
  ocr: 'chữ nhận dạng từ ảnh (OCR)',
  text: 'văn bản',
};

export function describeLocation(location: Location): string {
  const parts: string[] = [];
  if (location.container.length > 0) parts.push(`trong ${location.container.join(' › ')}`);
  parts.push(KIND_LABELS[location.kind]);
  if (location.page !== undefined) parts.push(`trang ${location.page}`);
  if (location.cell) parts.push(`ô ${location.cell}`);
  else parts.push(`dòng ${location.line}`);
  return `${parts.join(', ')} (${location.part})`;
}
