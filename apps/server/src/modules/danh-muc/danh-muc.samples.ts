import type { ImportedDecision } from './danh-muc.import.ts';

// The published examples of LEGAL.md §3.4, shipped as sample data marked with their source.
// Production lists must be loaded by the agency from the official decisions.

export const SAMPLE_SOURCE = 'Dữ liệu mẫu theo LEGAL.md §3.4 (diễn giải từ văn bản công bố; cần đối chiếu văn bản gốc)';

export const SAMPLE_DECISIONS: ImportedDecision[] = [
  {
    number: '531/QĐ-TTg',
    decidedOn: '2023-05-19',
    issuer: 'Thủ tướng Chính phủ',
    sector: 'Giáo dục và đào tạo',
    validFrom: '2023-05-19',
    validTo: null,
    items: [
      { itemNo: '1', level: 'TOI_MAT', text: 'Đề thi, đáp án chính thức và dự bị của kỳ thi tốt nghiệp trung học phổ thông, kỳ thi chọn học sinh giỏi quốc gia, kỳ thi chọn đội tuyển Olympic khi chưa công bố', keywords: ['đề thi', 'đáp án', 'thi tốt nghiệp', 'học sinh giỏi quốc gia', 'Olympic'] },
      { itemNo: '2', level: 'TOI_MAT', text: 'Thông tin về cán bộ quân đội, công an, cơ yếu được cử đi đào tạo trong và ngoài nước mà bên cử yêu cầu bảo vệ', keywords: ['cử đi đào tạo', 'cán bộ quân đội', 'cán bộ công an', 'cơ yếu'] },
      { itemNo: '3', level: 'MAT', text: 'Địa điểm làm đề thi, in sao đề thi; danh sách thành viên ban ra đề, ban in sao đề; phương án vận chuyển, bảo quản, bảo vệ đề thi khi chưa công bố', keywords: ['in sao đề thi', 'ban ra đề', 'vận chuyển đề thi', 'làm đề thi'] },
      { itemNo: '4', level: 'MAT', text: 'Văn bản báo cáo, đánh giá tư tưởng, đời sống của nhà giáo, cán bộ quản lý, người học có ảnh hưởng tiêu cực đến chính trị, an ninh, đối ngoại, trật tự an toàn xã hội', keywords: ['tư tưởng', 'nhà giáo', 'người học'] },
    ],
  },
  {
    number: '2500/QĐ-TTg',
    decidedOn: '2025-11-17',
    issuer: 'Thủ tướng Chính phủ',
    sector: 'Tổ chức, cán bộ, lao động, xã hội',
    validFrom: '2025-11-17',
    validTo: null,
    items: [
      { itemNo: '1', level: 'TOI_MAT', text: 'Đề án thành lập, hợp nhất, sáp nhập, chia tách, giải thể bộ, cơ quan ngang bộ trước khi Quốc hội thông qua; đề án cơ cấu tổ chức Chính phủ nhiệm kỳ khi chưa được thông qua', keywords: ['sáp nhập', 'hợp nhất', 'giải thể', 'cơ cấu tổ chức Chính phủ'] },
      { itemNo: '2', level: 'TOI_MAT', text: 'Báo cáo tình hình phức tạp trong công nhân tại doanh nghiệp ảnh hưởng đến chính trị, an ninh quốc gia gửi cơ quan có thẩm quyền', keywords: ['công nhân', 'doanh nghiệp', 'tình hình phức tạp'] },
      { itemNo: '3', level: 'MAT', text: 'Tờ trình, quyết định, báo cáo về biên chế công tác ở nước ngoài', keywords: ['biên chế', 'công tác ở nước ngoài'] },
    ],
  },
  {
    number: '774/QĐ-TTg',
    decidedOn: '2020-06-05',
    issuer: 'Thủ tướng Chính phủ',
    sector: 'Thanh tra, giải quyết khiếu nại, tố cáo, phòng chống tham nhũng',
    validFrom: '2020-06-05',
    validTo: null,
    items: [{ itemNo: '1', level: 'MAT', text: 'Họ tên, địa chỉ của người tố cáo, người phản ánh hành vi tham nhũng', keywords: ['người tố cáo', 'tố cáo', 'tham nhũng'] }],
  },
  {
    number: '1178/QĐ-TTg',
    decidedOn: '2020-08-04',
    issuer: 'Thủ tướng Chính phủ',
    sector: 'Ngoại giao và hội nhập quốc tế',
    validFrom: '2020-08-04',
    validTo: null,
    items: [{ itemNo: '1', level: 'TUYET_MAT', text: 'Phương án, tài liệu đàm phán về biên giới, lãnh thổ, chủ quyền', keywords: ['đàm phán', 'biên giới', 'lãnh thổ', 'chủ quyền'] }],
  },
];
