import { AlignmentType, BorderStyle, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, type Document } from 'docx';
import { LEVEL_LABELS, type Level } from '@bmnn/contracts';
import { fillTemplateText, findRecordTemplateFor, type RecordKind, type RecordTemplate } from '@bmnn/rules';
import { administrativeDocument, administrativeHeader, body, centered, heading, run, twoColumns } from '../incidents/incidents.documents.ts';

// The records and requests of an item as DOCX in the administrative layout (Nghị định
// 30/2020/NĐ-CP, via the helpers of incidents.documents.ts): the destruction council's minutes
// and the destruction record (LEGAL.md R10.2, R10.4 — no national template number was found,
// UNCONFIRMED), the take-out request (R8.1, R8.2) and the provision request (TT24 Mẫu 17,
// R8.4, R8.6). Their fixed wording is data (DEFAULT_RECORD_TEMPLATES in @bmnn/rules, picked by
// the record's date); this file lays it out. Each carries, above everything, the highest level
// of the items it lists.

export type RecordItem = { soKyHieu: string; level: Level; trichYeu: string | null; documentDate: string | null; issuer: string | null };
export type AgencyHeader = { agencyName: string; parentAgencyName: string | null; place: string; now: Date; /** The date of the record, which picks its template (A4). */ recordDate: string };

/** The wording of a record: data of @bmnn/rules (no national form was found, UNCONFIRMED). */
function templateOf(kind: RecordKind, date: string): RecordTemplate {
  const template = findRecordTemplateFor({ kind, date: date < '2020-07-01' ? '2020-07-01' : date });
  if (!template) throw new Error(`No record template ${kind} for ${date}`);
  return template;
}

const signaturesOf = (t: RecordTemplate) => signatures([...t.signatures.left], [...t.signatures.right]);

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
  const t = templateOf('COUNCIL_RECORD', input.recordDate);
  const values = { AGENCY: input.agencyName, COUNCIL_REF: input.councilRef ?? '……' };
  const doc = administrativeDocument({
    title: `${t.title} ${t.subtitle}`,
    children: [
      levelMark(input.level),
      administrativeHeader({ agencyName: input.agencyName, parentAgencyName: input.parentAgencyName, numberLine: t.numberLine, place: input.place, now: input.now }),
      ...title(t.title, fillTemplateText(t.subtitle, values)),
      body(fillTemplateText(t.opening, values)),
      heading('I. THÀNH PHẦN HỘI ĐỒNG'),
      body(`Chủ tịch Hội đồng: ${input.chairName ?? '……………………'}`),
      ...(input.memberNames.length > 0 ? input.memberNames.map((m, i) => body(`Thành viên ${i + 1}: ${m}`)) : [body('Thành viên: ……………………')]),
      heading('II. DANH SÁCH TÀI LIỆU, VẬT CHỨA BÍ MẬT NHÀ NƯỚC ĐỀ NGHỊ TIÊU HỦY'),
      itemTable(input.items),
      heading('III. Ý KIẾN CỦA HỘI ĐỒNG'),
      ...(input.reviewMinutes ?? 'Hội đồng chưa ghi ý kiến.').split(/\n+/).map(body),
      body(fillTemplateText(t.closing, values)),
      signaturesOf(t),
    ],
  });
  return pack(doc);
}

/** The destruction record (biên bản tiêu hủy, R10.2, R10.4; R10.3 for the emergency path). */
export async function buildDestructionRecordDocx(input: DestructionRecordInput): Promise<Buffer> {
  const t = templateOf(input.emergency ? 'EMERGENCY_DESTRUCTION_RECORD' : 'DESTRUCTION_RECORD', input.recordDate);
  const values = { AGENCY: input.agencyName, DECISION_REF: input.decisionRef ?? '……', WHEN: input.executedAt ?? '……', PLACE: input.destructionPlace ?? '……' };
  const doc = administrativeDocument({
    title: `${t.title} ${t.subtitle}`,
    children: [
      levelMark(input.level),
      administrativeHeader({ agencyName: input.agencyName, parentAgencyName: input.parentAgencyName, numberLine: t.numberLine, place: input.place, now: input.now }),
      ...title(t.title, fillTemplateText(t.subtitle, values)),
      body(fillTemplateText(t.opening, values)),
      ...(input.emergency && input.circumstances ? [heading('Hoàn cảnh phải tiêu hủy khẩn cấp'), ...input.circumstances.split(/\n+/).map(body)] : []),
      heading('I. THÀNH PHẦN'),
      ...(input.chairName ? [body(`Chủ tịch Hội đồng tiêu hủy: ${input.chairName}`)] : []),
      ...input.memberNames.map((m, i) => body(`Thành viên ${i + 1}: ${m}`)),
      ...(input.witnesses.length > 0 ? input.witnesses.map((w, i) => body(`Người chứng kiến ${i + 1}: ${w}`)) : [body('Người chứng kiến: ……………………')]),
      heading('II. TÀI LIỆU, VẬT CHỨA BÍ MẬT NHÀ NƯỚC ĐÃ TIÊU HỦY'),
      itemTable(input.items),
      heading('III. PHƯƠNG PHÁP TIÊU HỦY'),
      body(`Phương pháp: ${input.method ?? '……………………'}.`),
      body(fillTemplateText(t.closing, values)),
      signaturesOf(t),
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
  const t = templateOf('TAKE_OUT_REQUEST', input.recordDate);
  const values = { AGENCY: input.agencyName, PURPOSE_SCOPE: abroad ? 'để phục vụ công tác ở nước ngoài' : 'để phục vụ công tác trong nước' };
  const doc = administrativeDocument({
    title: `${t.title} ${fillTemplateText(t.subtitle, values)}`,
    children: [
      levelMark(input.level),
      administrativeHeader({ agencyName: input.agencyName, parentAgencyName: input.parentAgencyName, numberLine: t.numberLine, place: input.place, now: input.now }),
      ...title(t.title, fillTemplateText(t.subtitle, values)),
      centered([run(fillTemplateText(t.opening, values))], 240),
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
      body(fillTemplateText(t.closing, values)),
      signaturesOf(t),
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
  const t = templateOf(input.foreign ? 'FOREIGN_PROVISION_REQUEST' : 'PROVISION_REQUEST', input.recordDate);
  const values = { AGENCY: input.agencyName };
  const doc = administrativeDocument({
    title: `${t.title} ${t.subtitle}`,
    children: [
      levelMark(input.level),
      administrativeHeader({ agencyName: input.requesterBody, parentAgencyName: null, numberLine: t.numberLine, place: input.place, now: input.now }),
      ...title(t.title, fillTemplateText(t.subtitle, values)),
      centered([run(fillTemplateText(t.opening, values))], 240),
      body(`Tên cơ quan, tổ chức đề nghị: ${input.requesterBody}`),
      body(`Người đại diện: ${input.representative}${input.position ? `, chức vụ: ${input.position}` : ''}`),
      ...(input.identityDocument ? [body(`Số căn cước công dân hoặc hộ chiếu: ${input.identityDocument}`)] : []),
      ...(input.foreign ? [body(`Quốc tịch: ${input.nationality ?? '……'}`)] : []),
      heading('Bí mật nhà nước đề nghị cung cấp, chuyển giao:'),
      itemTable(input.items),
      body(`Mục đích sử dụng: ${input.purpose}`),
      body(fillTemplateText(t.closing, values)),
      signaturesOf(t),
    ],
  });
  return pack(doc);
}
