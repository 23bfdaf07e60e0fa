import { AlignmentType, BorderStyle, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, type Document } from 'docx';
import { LEVEL_LABELS, type Level } from '@bmnn/contracts';
import { administrativeDocument, administrativeHeader, body, centered, heading, run, twoColumns } from '../incidents/incidents.documents.ts';

// The records and requests of an item as DOCX in the administrative layout (Nghị định
// 30/2020/NĐ-CP, via the helpers of incidents.documents.ts): the destruction council's minutes
// and the destruction record (LEGAL.md R10.2, R10.4 — no national template number was found,
// UNCONFIRMED), the take-out request (R8.1, R8.2) and the provision request (TT24 Mẫu 17,
// R8.4, R8.6). Each carries, above everything, the highest level of the items it lists.

export type RecordItem = { soKyHieu: string; level: Level; trichYeu: string | null; documentDate: string | null; issuer: string | null };
export type AgencyHeader = { agencyName: string; parentAgencyName: string | null; place: string; now: Date };

const TEXT_WIDTH = 11906 - 1701 - 1134;

/** The red secrecy mark at the top of the first page (R4.5). */
const levelMark = (level: Level) =>
  new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 120 }, children: [new TextRun({ text: LEVEL_LABELS[level].toLocaleUpperCase('vi'), font: 'Times New Roman', size: 28, bold: true, color: 'D00000' })] });

const thin = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const borders = { top: thin, bottom: thin, left: thin, right: thin };

/** The list of items: STT, số ký hiệu, ngày, cơ quan ban hành, trích yếu, độ mật. */
function itemTable(items: RecordItem[]): Table {
  const widths = [700, 2000, 1300, 1900, 2200, 1000];
  const cell = (text: string, i: number, bold = false) =>
    new TableCell({ width: { size: widths[i]!, type: WidthType.DXA }, borders, children: [new Paragraph({ alignment: i === 0 || i === 5 ? AlignmentType.CENTER : AlignmentType.LEFT, children: [run(text, { bold, size: 24 })] })] });
  const header = ['STT', 'Số, ký hiệu', 'Ngày văn bản', 'Cơ quan ban hành', 'Trích yếu', 'Độ mật'];
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h, i) => cell(h, i, true)) }),
      ...items.map(
        (it, n) =>
          new TableRow({
            children: [String(n + 1), it.soKyHieu, it.documentDate ?? '', it.issuer ?? '', it.trichYeu ?? (it.level === 'TUYET_MAT' ? '(không ghi trích yếu)' : ''), LEVEL_LABELS[it.level]].map((v, i) => cell(v, i)),
          }),
      ),
    ],
  });
}

const signatures = (left: string[], right: string[]) =>
  twoColumns(
    left.map((l, i) => centered([run(l, { bold: i === 0, italics: i > 0, size: 24 })])),
    right.map((l, i) => centered([run(l, { bold: i === 0, italics: i > 0, size: 24 })])),
  );

const title = (text: string, subtitle: string | null) => [
  new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 240 }, children: [run(text, { bold: true, size: 28 })] }),
  ...(subtitle ? [centered([run(subtitle, { bold: true })], 240)] : [centered([], 240)]),
];

async function pack(doc: Document): Promise<Buffer> {
  return Packer.toBuffer(doc);
}

export type DestructionRecordInput = AgencyHeader & {
  level: Level;
  items: RecordItem[];
  councilRef: string | null;
  chairName: string | null;
  memberNames: string[];
  reviewMinutes: string | null;
  decisionRef: string | null;
  executedAt: string | null;
  method: string | null;
  destructionPlace: string | null;
  witnesses: string[];
  emergency: boolean;
  circumstances: string | null;
};

/** Minutes of the destruction council's review (R10.4). Layout UNCONFIRMED: no national form was found. */
export async function buildCouncilRecordDocx(input: DestructionRecordInput): Promise<Buffer> {
  const doc = administrativeDocument({
    title: 'Biên bản họp Hội đồng tiêu hủy tài liệu, vật chứa bí mật nhà nước',
    children: [
      levelMark(input.level),
      administrativeHeader({ agencyName: input.agencyName, parentAgencyName: input.parentAgencyName, numberLine: 'Số:      /BB-HĐTH', place: input.place, now: input.now }),
      ...title('BIÊN BẢN', 'Họp Hội đồng tiêu hủy tài liệu, vật chứa bí mật nhà nước'),
      body(`Căn cứ Luật Bảo vệ bí mật nhà nước và quyết định thành lập Hội đồng tiêu hủy số ${input.councilRef ?? '……'}, Hội đồng tiêu hủy tài liệu, vật chứa bí mật nhà nước của ${input.agencyName} họp xét danh sách tài liệu, vật chứa bí mật nhà nước đề nghị tiêu hủy.`),
      heading('I. THÀNH PHẦN HỘI ĐỒNG'),
      body(`Chủ tịch Hội đồng: ${input.chairName ?? '……………………'}`),
      ...(input.memberNames.length > 0 ? input.memberNames.map((m, i) => body(`Thành viên ${i + 1}: ${m}`)) : [body('Thành viên: ……………………')]),
      heading('II. DANH SÁCH TÀI LIỆU, VẬT CHỨA BÍ MẬT NHÀ NƯỚC ĐỀ NGHỊ TIÊU HỦY'),
      itemTable(input.items),
      heading('III. Ý KIẾN CỦA HỘI ĐỒNG'),
      ...(input.reviewMinutes ?? 'Hội đồng chưa ghi ý kiến.').split(/\n+/).map(body),
      body('Hội đồng đề nghị người có thẩm quyền xem xét, quyết định tiêu hủy các tài liệu, vật chứa bí mật nhà nước nêu trên./.'),
      signatures(['CÁC THÀNH VIÊN HỘI ĐỒNG', '(Ký, ghi rõ họ tên)'], ['CHỦ TỊCH HỘI ĐỒNG', '(Ký, ghi rõ họ tên)']),
    ],
  });
  return pack(doc);
}

/** The destruction record (biên bản tiêu hủy, R10.2, R10.4; R10.3 for the emergency path). */
export async function buildDestructionRecordDocx(input: DestructionRecordInput): Promise<Buffer> {
  const when = input.executedAt ?? '……';
  const doc = administrativeDocument({
    title: 'Biên bản tiêu hủy tài liệu, vật chứa bí mật nhà nước',
    children: [
      levelMark(input.level),
      administrativeHeader({ agencyName: input.agencyName, parentAgencyName: input.parentAgencyName, numberLine: 'Số:      /BB-TH', place: input.place, now: input.now }),
      ...title('BIÊN BẢN', 'Tiêu hủy tài liệu, vật chứa bí mật nhà nước'),
      body(
        input.emergency
          ? `Vào lúc ${when}, tại ${input.destructionPlace ?? '……'}, người đang quản lý đã tiêu hủy ngay tài liệu, vật chứa bí mật nhà nước trong trường hợp khẩn cấp (nếu không tiêu hủy ngay sẽ gây nguy hại cho lợi ích quốc gia, dân tộc) và phải báo cáo bằng văn bản ngay với người đứng đầu.`
          : `Thực hiện quyết định tiêu hủy số ${input.decisionRef ?? '……'}, vào lúc ${when}, tại ${input.destructionPlace ?? '……'}, ${input.agencyName} tiến hành tiêu hủy tài liệu, vật chứa bí mật nhà nước.`,
      ),
      ...(input.emergency && input.circumstances ? [heading('Hoàn cảnh phải tiêu hủy khẩn cấp'), ...input.circumstances.split(/\n+/).map(body)] : []),
      heading('I. THÀNH PHẦN'),
      ...(input.chairName ? [body(`Chủ tịch Hội đồng tiêu hủy: ${input.chairName}`)] : []),
      ...input.memberNames.map((m, i) => body(`Thành viên ${i + 1}: ${m}`)),
      ...(input.witnesses.length > 0 ? input.witnesses.map((w, i) => body(`Người chứng kiến ${i + 1}: ${w}`)) : [body('Người chứng kiến: ……………………')]),
      heading('II. TÀI LIỆU, VẬT CHỨA BÍ MẬT NHÀ NƯỚC ĐÃ TIÊU HỦY'),
      itemTable(input.items),
      heading('III. PHƯƠNG PHÁP TIÊU HỦY'),
      body(`Phương pháp: ${input.method ?? '……………………'}.`),
      body('Việc tiêu hủy bảo đảm không để lộ, mất bí mật nhà nước; tài liệu, vật chứa bí mật nhà nước đã bị thay đổi hình dạng, tính năng, tác dụng và không thể phục hồi hình dạng, tính năng, tác dụng, nội dung.'),
      body(`Biên bản lập xong lúc ${when}, đã đọc lại cho những người có tên trên cùng nghe và ký xác nhận./.`),
      signatures(['NGƯỜI CHỨNG KIẾN', '(Ký, ghi rõ họ tên)'], [input.emergency ? 'NGƯỜI TIÊU HỦY' : 'CHỦ TỊCH HỘI ĐỒNG', '(Ký, ghi rõ họ tên)']),
    ],
  });
  return pack(doc);
}

export type TakeOutRequestInput = AgencyHeader & {
  level: Level;
  items: RecordItem[];
  requesterName: string;
  requesterPosition: string | null;
  requesterUnit: string;
  purpose: string;
  destination: string;
  country: string | null;
  delegationHead: string | null;
  fromDate: string;
  toDate: string;
  protectionMeasures: string;
};

/** The written request to take items out of their storage place (R8.1, R8.2: D63 Art. 7 fields). */
export async function buildTakeOutRequestDocx(input: TakeOutRequestInput): Promise<Buffer> {
  const abroad = input.country !== null;
  const doc = administrativeDocument({
    title: 'Văn bản đề nghị mang tài liệu, vật chứa bí mật nhà nước ra khỏi nơi lưu giữ',
    children: [
      levelMark(input.level),
      administrativeHeader({ agencyName: input.agencyName, parentAgencyName: input.parentAgencyName, numberLine: null, place: input.place, now: input.now }),
      ...title('ĐỀ NGHỊ', `Mang tài liệu, vật chứa bí mật nhà nước ra khỏi nơi lưu giữ ${abroad ? 'để phục vụ công tác ở nước ngoài' : 'để phục vụ công tác trong nước'}`),
      centered([run(`Kính gửi: Người đứng đầu ${input.agencyName}`)], 240),
      body(`Họ và tên người đề nghị: ${input.requesterName}`),
      body(`Chức vụ: ${input.requesterPosition ?? '……………………'}`),
      body(`Đơn vị công tác: ${input.requesterUnit}`),
      heading('Tài liệu, vật chứa bí mật nhà nước đề nghị mang ra:'),
      itemTable(input.items),
      body(`Mục đích: ${input.purpose}`),
      body(`Nơi đến: ${input.destination}${abroad ? ` (${input.country})` : ''}`),
      ...(abroad ? [body(`Trưởng đoàn công tác: ${input.delegationHead ?? '……'}`)] : []),
      body(`Thời gian: từ ngày ${input.fromDate} đến ngày ${input.toDate}`),
      body(`Biện pháp bảo vệ: ${input.protectionMeasures}`),
      body('Tôi cam kết sử dụng tài liệu, vật chứa bí mật nhà nước đúng mục đích, bảo vệ an toàn trong thời gian mang ra, báo cáo ngay khi phát hiện lộ, mất và nộp lại nơi lưu giữ khi hoàn thành nhiệm vụ./.'),
      signatures(['Ý KIẾN CỦA NGƯỜI CÓ THẨM QUYỀN', '(Ký, ghi rõ họ tên, chức vụ)'], ['NGƯỜI ĐỀ NGHỊ', '(Ký, ghi rõ họ tên)']),
    ],
  });
  return pack(doc);
}

export type ProvisionRequestInput = AgencyHeader & {
  level: Level;
  items: RecordItem[];
  foreign: boolean;
  requesterBody: string;
  representative: string;
  identityDocument: string | null;
  nationality: string | null;
  position: string | null;
  purpose: string;
};

/** The request for provision or transfer (TT24 Mẫu 17; R8.4 domestic, R8.6 foreign). Layout UNCONFIRMED. */
export async function buildProvisionRequestDocx(input: ProvisionRequestInput): Promise<Buffer> {
  const doc = administrativeDocument({
    title: 'Văn bản đề nghị cung cấp, chuyển giao bí mật nhà nước',
    children: [
      levelMark(input.level),
      administrativeHeader({ agencyName: input.requesterBody, parentAgencyName: null, numberLine: 'Số:      ', place: input.place, now: input.now }),
      ...title('VĂN BẢN ĐỀ NGHỊ', `Cung cấp, chuyển giao bí mật nhà nước${input.foreign ? ' cho cơ quan, tổ chức, cá nhân nước ngoài' : ''}`),
      centered([run(`Kính gửi: ${input.agencyName}`)], 240),
      body(`Tên cơ quan, tổ chức đề nghị: ${input.requesterBody}`),
      body(`Người đại diện: ${input.representative}${input.position ? `, chức vụ: ${input.position}` : ''}`),
      ...(input.identityDocument ? [body(`Số căn cước công dân hoặc hộ chiếu: ${input.identityDocument}`)] : []),
      ...(input.foreign ? [body(`Quốc tịch: ${input.nationality ?? '……'}`)] : []),
      heading('Bí mật nhà nước đề nghị cung cấp, chuyển giao:'),
      itemTable(input.items),
      body(`Mục đích sử dụng: ${input.purpose}`),
      body(
        input.foreign
          ? 'Chúng tôi cam kết bảo vệ bí mật nhà nước được cung cấp, chuyển giao, sử dụng đúng mục đích và không cung cấp, chuyển giao cho bên thứ ba khi chưa có sự đồng ý của bên Việt Nam./.'
          : 'Chúng tôi cam kết bảo vệ bí mật nhà nước được cung cấp, chuyển giao và sử dụng đúng mục đích./.',
      ),
      signatures([' ', ' '], ['NGƯỜI ĐẠI DIỆN', '(Ký, ghi rõ họ tên, đóng dấu)']),
    ],
  });
  return pack(doc);
}
