// The shipped book templates: the minimum fields of LEGAL.md §15.2 for each book, in two
// families (TT24_2020 for records up to 28/02/2026, ND63_2026 from 01/3/2026). The official
// columns were not found, so every template is `confirmed: false` and must be replaced by the
// transcribed official form before release; loading it is data, not code.
import type { BookTemplate, TemplateColumn } from './templates.schema.ts';
import { D63, TT24 } from './rule-set.helpers.ts';

const col = (key: string, header: string, width: number, align: TemplateColumn['align'] = 'left', field: string = key): TemplateColumn => ({
  key,
  header,
  field,
  width,
  align,
});

const NOTE_TT24 = 'Cột tối thiểu suy ra từ các quy định (LEGAL.md §15.2), không phải cột của mẫu chính thức; phải nhập lại theo mẫu của Thông tư 24/2020/TT-BCA.';
const NOTE_ND63 =
  'Cột tối thiểu suy ra từ các quy định (LEGAL.md §15.2); phụ lục mẫu của Nghị định 63/2026/NĐ-CP (và Công văn 2663/VPCP-NC nếu có) chưa thấy, phải nhập lại theo văn bản chính thức.';

const TT24_PERIOD = { validFrom: '2020-07-01', validTo: '2026-02-28' };
const ND63_PERIOD = { validFrom: '2026-03-01', validTo: null };

const OUTGOING = [
  col('serialNo', 'Số thứ tự', 6, 'center'),
  col('date', 'Ngày, tháng, năm', 11, 'center'),
  col('soKyHieu', 'Số, ký hiệu', 14),
  col('documentType', 'Tên loại văn bản', 14),
  col('trichYeu', 'Trích yếu nội dung', 36),
  col('level', 'Độ mật', 9, 'center'),
  col('signer', 'Người ký', 16),
  col('recipients', 'Nơi nhận', 24),
  col('copies', 'Số lượng bản', 7, 'right'),
  col('envelopeMark', 'Dấu ký hiệu (A, B, C)', 8, 'center'),
  col('notes', 'Ghi chú', 14),
];

const INCOMING = [
  col('incomingNo', 'Số đến', 7, 'center'),
  col('receivedDate', 'Ngày đến', 11, 'center'),
  col('sender', 'Cơ quan, tổ chức gửi', 20),
  col('soKyHieu', 'Số, ký hiệu', 14),
  col('documentDate', 'Ngày, tháng văn bản', 11, 'center'),
  col('trichYeu', 'Trích yếu nội dung', 32),
  col('level', 'Độ mật', 9, 'center'),
  col('receiver', 'Đơn vị, người nhận', 18),
  col('signature', 'Ký nhận', 10),
  col('conditionCheck', 'Tình trạng bì, gói khi nhận', 14),
  col('recallDeadline', 'Hạn thu hồi', 11, 'center'),
  col('notes', 'Ghi chú', 14),
];

const COPIES = [
  col('serialNo', 'Số thứ tự', 6, 'center'),
  col('date', 'Ngày sao, chụp', 11, 'center'),
  col('original', 'Tài liệu, vật gốc (số, ký hiệu, ngày, cơ quan ban hành)', 30),
  col('level', 'Độ mật', 9, 'center'),
  col('copyType', 'Hình thức sao, chụp', 12),
  col('authorisedCount', 'Số bản được phép', 8, 'right'),
  col('madeCount', 'Số bản đã sao, chụp', 8, 'right'),
  col('spoiledDestroyed', 'Bản hỏng, thừa đã hủy', 8, 'right'),
  col('authorisedBy', 'Người cho phép (họ tên, chức vụ)', 20),
  col('executedBy', 'Người thực hiện', 16),
  col('device', 'Thiết bị sử dụng', 14),
  col('recipients', 'Nơi nhận bản sao', 20),
  col('notes', 'Ghi chú', 12),
];

const HANDOVER = [
  col('serialNo', 'Số thứ tự', 6, 'center'),
  col('handedAt', 'Ngày, giờ chuyển giao', 14, 'center'),
  col('soKyHieu', 'Số, ký hiệu tài liệu, vật', 18),
  col('level', 'Độ mật', 9, 'center'),
  col('handedBy', 'Người giao', 18),
  col('receivedBy', 'Người nhận', 18),
  col('receivingUnit', 'Đơn vị nhận', 20),
  col('signature', 'Ký nhận', 12),
  col('notes', 'Ghi chú', 14),
];

const STATISTICS_TT24 = [
  col('serialNo', 'Số thứ tự', 6, 'center'),
  col('soKyHieu', 'Số, ký hiệu hoặc tên vật, địa điểm', 20),
  col('date', 'Ngày, tháng, năm', 11, 'center'),
  col('trichYeu', 'Trích yếu nội dung', 32),
  col('level', 'Độ mật', 9, 'center'),
  col('quantity', 'Số lượng', 7, 'right'),
  col('storage', 'Nơi lưu giữ, người quản lý', 20),
  col('protectionEnd', 'Thời hạn bảo vệ', 14, 'center'),
  col('status', 'Tình trạng (gia hạn, điều chỉnh, giải mật, tiêu hủy)', 18),
  col('notes', 'Ghi chú', 12),
];

// From 2026 paper and electronic items sit in one list with a form column (R6.2).
const STATISTICS_ND63 = [...STATISTICS_TT24.slice(0, 5), col('form', 'Hình thức (giấy, điện tử, vật…)', 12), ...STATISTICS_TT24.slice(5)];

function template(
  family: 'TT24_2020' | 'ND63_2026',
  book: BookTemplate['book'],
  formNumber: string,
  title: string,
  rule: string,
  columns: TemplateColumn[],
): BookTemplate {
  const tt24 = family === 'TT24_2020';
  return {
    id: `${family}-${book}`,
    book,
    family,
    formNumber,
    title,
    orientation: 'landscape',
    columns,
    ...(tt24 ? TT24_PERIOD : ND63_PERIOD),
    basis: {
      rule,
      legalBasis: tt24 ? `${formNumber} ${TT24}` : `Phụ lục ${D63}`,
      confirmed: false,
      note: tt24 ? NOTE_TT24 : NOTE_ND63,
    },
  };
}

export const DEFAULT_TEMPLATES: readonly BookTemplate[] = [
  template('TT24_2020', 'SO_DI', 'Mẫu 14', 'SỔ ĐĂNG KÝ BÍ MẬT NHÀ NƯỚC ĐI', 'R7.2', OUTGOING),
  template('TT24_2020', 'SO_DEN', 'Mẫu 15', 'SỔ ĐĂNG KÝ BÍ MẬT NHÀ NƯỚC ĐẾN', 'R7.5', INCOMING),
  template('TT24_2020', 'SO_SAO_CHUP', 'Mẫu 12', 'SỔ QUẢN LÝ SAO, CHỤP BÍ MẬT NHÀ NƯỚC', 'R5.4', COPIES),
  template('TT24_2020', 'SO_CHUYEN_GIAO', 'Mẫu 16', 'SỔ CHUYỂN GIAO BÍ MẬT NHÀ NƯỚC', 'R7.4', HANDOVER),
  template('TT24_2020', 'THONG_KE', 'Mẫu 18', 'THỐNG KÊ BÍ MẬT NHÀ NƯỚC', 'R6.1', STATISTICS_TT24),
  template('ND63_2026', 'SO_DI', 'Phụ lục (chưa xác nhận)', 'SỔ ĐĂNG KÝ BÍ MẬT NHÀ NƯỚC ĐI', 'R7.2', OUTGOING),
  template('ND63_2026', 'SO_DEN', 'Phụ lục (chưa xác nhận)', 'SỔ ĐĂNG KÝ BÍ MẬT NHÀ NƯỚC ĐẾN', 'R7.5', INCOMING),
  template('ND63_2026', 'SO_SAO_CHUP', 'Phụ lục (chưa xác nhận)', 'SỔ QUẢN LÝ SAO, CHỤP BÍ MẬT NHÀ NƯỚC', 'R5.4', COPIES),
  template('ND63_2026', 'SO_CHUYEN_GIAO', 'Phụ lục (chưa xác nhận)', 'SỔ CHUYỂN GIAO BÍ MẬT NHÀ NƯỚC', 'R7.4', HANDOVER),
  template('ND63_2026', 'THONG_KE', 'Phụ lục (chưa xác nhận)', 'THỐNG KÊ BÍ MẬT NHÀ NƯỚC', 'R6.2', STATISTICS_ND63),
];
