import { AlignmentType, Document, Packer, PageOrientation, Paragraph, Table, TableBorders, TableCell, TableRow, TextRun, UnderlineType, VerticalAlign, WidthType } from 'docx';
import { loadExcelJs } from '../../platform/lazy-modules.ts';
import {
  formatDate,
  formatDateTime,
  INCIDENT_CHANNEL_LABELS,
  INCIDENT_KIND_LABELS,
  INCIDENT_SOURCE_LABELS,
  INCIDENT_SUB_CHANNEL_LABELS,
  INVESTIGATION_STATUS_LABELS,
  LEVEL_LABELS,
  NOTIFICATION_RECIPIENT_LABELS,
  REFERRAL_LABELS,
  todayInVietnam,
  type Incident,
  type IncidentStatistics,
} from '@bmnn/contracts';
import type { AnnualIncidentReport, AnnualReportRow } from './incidents.annual.ts';
import { summarize } from './incidents.rules.ts';

// Files made from incidents: the ad-hoc report (báo cáo đột xuất, LEGAL.md R13.1, D26 Art. 8)
// in the Vietnamese administrative layout, and the statistics workbook.

const FONT = 'Times New Roman';
/** Half-points: 13 pt body, 12 pt for the header lines (Nghị định 30/2020/NĐ-CP layout). */
const SIZE = 26;
const SIZE_SMALL = 24;

export const run = (text: string, options: { bold?: boolean; italics?: boolean; size?: number; underline?: boolean } = {}) =>
  new TextRun({ text, font: FONT, size: options.size ?? SIZE, bold: options.bold ?? false, italics: options.italics ?? false, ...(options.underline ? { underline: { type: UnderlineType.SINGLE } } : {}) });

export const centered = (children: TextRun[], spacingAfter = 0) => new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: spacingAfter }, children });
export const body = (text: string) => new Paragraph({ alignment: AlignmentType.JUSTIFIED, spacing: { after: 120, line: 312 }, indent: { firstLine: 567 }, children: [run(text)] });
export const heading = (text: string) => new Paragraph({ spacing: { before: 120, after: 120 }, indent: { firstLine: 567 }, children: [run(text, { bold: true })] });
const labelled = (label: string, value: string) =>
  new Paragraph({ alignment: AlignmentType.JUSTIFIED, spacing: { after: 80, line: 312 }, indent: { firstLine: 567 }, children: [run(`${label}: `, { bold: false }), run(value)] });

/** "ngày 05 tháng 01 năm 2027": day and month with two digits, as administrative documents write them. */
export function vietnameseDateLine(isoDay: string): string {
  const [y, m, d] = isoDay.split('-');
  return `ngày ${d} tháng ${m} năm ${y}`;
}

/** Text width of an A4 page with the margins below, in twentieths of a point. */
const TEXT_WIDTH = 11906 - 1701 - 1134;
const cell = (width: number, children: Paragraph[]) => new TableCell({ width: { size: width, type: WidthType.DXA }, children });
/** The header's left column (agency) is narrower than the right one (Quốc hiệu on one line). */
const LEFT = Math.round(TEXT_WIDTH * 0.4);
const RIGHT = TEXT_WIDTH - LEFT;

/**
 * The top of a Vietnamese administrative document (Nghị định 30/2020/NĐ-CP): governing body and
 * agency with the number line on the left; Quốc hiệu, Tiêu ngữ and "place, ngày … tháng … năm …"
 * on the right. No borders.
 */
export function administrativeHeader({ agencyName, parentAgencyName, numberLine, place, now }: { agencyName: string; parentAgencyName: string | null; numberLine: string | null; place: string; now: Date }): Table {
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [LEFT, RIGHT],
    borders: TableBorders.NONE,
    rows: [
      new TableRow({
        children: [
          cell(LEFT, [
            ...(parentAgencyName ? [centered([run(parentAgencyName.toUpperCase(), { size: SIZE_SMALL })])] : []),
            centered([run(agencyName.toUpperCase(), { bold: true, size: SIZE_SMALL })]),
            centered([run('―――――', { size: SIZE_SMALL })], 120),
            ...(numberLine ? [centered([run(numberLine, { size: SIZE })])] : []),
          ]),
          cell(RIGHT, [
            centered([run('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: SIZE_SMALL })]),
            centered([run('Độc lập - Tự do - Hạnh phúc', { bold: true, size: SIZE, underline: true })], 240),
            centered([run(`${place}, ${vietnameseDateLine(todayInVietnam(now))}`, { italics: true, size: SIZE })]),
          ]),
        ],
      }),
    ],
  });
}

/** Two unbordered columns, e.g. recipients on the left and the signature on the right. */
export function twoColumns(left: Paragraph[], right: Paragraph[]): Table {
  const half = Math.round(TEXT_WIDTH / 2);
  return new Table({ width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths: [half, TEXT_WIDTH - half], borders: TableBorders.NONE, rows: [new TableRow({ children: [cell(half, left), cell(TEXT_WIDTH - half, right)] })] });
}

/** A4 portrait with the margins of Nghị định 30/2020 and Times New Roman 13. */
export function administrativeDocument({ title, children, landscapeAppendix }: { title: string; children: Array<Paragraph | Table>; landscapeAppendix?: Array<Paragraph | Table> }): Document {
  const margin = { top: 1134, bottom: 1134, left: 1701, right: 1134 };
  return new Document({
    creator: 'BMNN',
    title,
    styles: { default: { document: { run: { font: FONT, size: SIZE } } } },
    sections: [
      { properties: { page: { size: { width: 11906, height: 16838 }, margin } }, children },
      // A wide table (a list of cases) goes on landscape pages of its own after the text.
      ...(landscapeAppendix ? [{ properties: { page: { size: { width: 11906, height: 16838, orientation: PageOrientation.LANDSCAPE }, margin } }, children: landscapeAppendix }] : []),
    ],
  });
}

/** Text width of a landscape A4 page with the same margins. */
export const LANDSCAPE_TEXT_WIDTH = 16838 - 1701 - 1134;

export type AdHocReportInput = {
  incident: Incident;
  agencyName: string;
  parentAgencyName: string | null;
  unitCode: string;
  number: string | null;
  place: string;
  now: Date;
};

/** The ad-hoc report as a DOCX built from the incident the reader is allowed to see. */
export async function buildAdHocReportDocx({ incident, agencyName, parentAgencyName, unitCode, number, place, now }: AdHocReportInput): Promise<Buffer> {
  const header = administrativeHeader({ agencyName, parentAgencyName, numberLine: `Số: ${number ?? '      '}/BC-${unitCode}`, place, now });

  const kindWord = incident.kind === 'MAT' ? 'mất' : 'lộ';
  const channel = `${INCIDENT_CHANNEL_LABELS[incident.channel]}${incident.subChannel ? ` — ${INCIDENT_SUB_CHANNEL_LABELS[incident.subChannel]}` : ''}`;
  const none = 'Chưa có thông tin.';
  const children: Array<Paragraph | Table> = [
    header,
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 360 }, children: [run('BÁO CÁO', { bold: true, size: 28 })] }),
    centered([run(`Đột xuất về vụ ${kindWord} bí mật nhà nước`, { bold: true })], 0),
    centered([run(incident.title, { bold: true })], 240),
    body(`Thực hiện quy định của pháp luật về bảo vệ bí mật nhà nước, ${agencyName} báo cáo đột xuất vụ ${kindWord} bí mật nhà nước như sau:`),
    heading('I. THÔNG TIN VỤ VIỆC'),
    labelled('1. Loại vụ việc', INCIDENT_KIND_LABELS[incident.kind]),
    labelled('2. Hình thức', channel),
    labelled('3. Thời điểm phát hiện', formatDateTime(incident.discoveredAt)),
    labelled('4. Người phát hiện', incident.discoveredByName ?? 'Không ghi nhận'),
    labelled('5. Thời điểm xảy ra', incident.occurredOn ? formatDate(incident.occurredOn) : 'Chưa xác định'),
    labelled('6. Nguồn ghi nhận', INCIDENT_SOURCE_LABELS[incident.source]),
    heading('II. DIỄN BIẾN, HOÀN CẢNH XẢY RA'),
    ...incident.circumstances.split(/\n+/).map(body),
    heading('III. TÀI LIỆU, VẬT CHỨA BÍ MẬT NHÀ NƯỚC VÀ THIẾT BỊ LIÊN QUAN'),
    ...(incident.items.length === 0
      ? [body('Không có tài liệu, vật chứa bí mật nhà nước được ghi nhận trong báo cáo này.')]
      : incident.items.map((it, i) => body(`${i + 1}. Tài liệu, vật chứa số ${it.soKyHieu}, độ mật: ${LEVEL_LABELS[it.level]} — ${it.effect === 'LOST' ? 'bị mất' : 'bị lộ'}.`))),
    ...incident.devices.map((d) => body(`Thiết bị liên quan: ${d.assetCode} — ${d.name}.`)),
    heading('IV. BIỆN PHÁP ĐÃ ÁP DỤNG NGAY'),
    ...(incident.immediateMeasures ?? none).split(/\n+/).map(body),
    heading('V. TÌNH HÌNH THÔNG BÁO, BÁO CÁO'),
    ...(incident.notifications.length === 0
      ? [body('Chưa thông báo cho người đứng đầu và Ban Chỉ đạo tỉnh (qua Công an tỉnh).')]
      : incident.notifications.map((n) =>
          body(`- ${NOTIFICATION_RECIPIENT_LABELS[n.recipient]}${n.recipientName ? ` (${n.recipientName})` : ''}: lúc ${formatDateTime(n.notifiedAt)}${n.method ? `, hình thức: ${n.method}` : ''}${n.documentRef ? `, văn bản số ${n.documentRef}` : ''}.`),
        )),
    heading('VI. KẾT QUẢ XÁC MINH, XỬ LÝ'),
    labelled('1. Tình trạng', INVESTIGATION_STATUS_LABELS[incident.investigationStatus]),
    labelled('2. Kết quả xác minh, điều tra', incident.outcome ?? none),
    labelled('3. Nguyên nhân', incident.rootCause ?? none),
    labelled('4. Kết quả xử lý', incident.handling ?? none),
    labelled('5. Biện pháp khắc phục', incident.remedy ?? none),
    labelled('6. Hình thức xử lý', `${REFERRAL_LABELS[incident.referral]}${incident.referralNote ? ` — ${incident.referralNote}` : ''}`),
    body(`${agencyName} báo cáo để Ban Chỉ đạo công tác bảo vệ bí mật nhà nước tỉnh biết, chỉ đạo./.`),
    twoColumns(
      [
        new Paragraph({ children: [run('Nơi nhận:', { bold: true, italics: true, size: SIZE_SMALL })] }),
        new Paragraph({ children: [run('- Ban Chỉ đạo công tác bảo vệ BMNN tỉnh (qua Công an tỉnh);', { size: 22 })] }),
        new Paragraph({ children: [run('- Cơ quan, tổ chức xác định bí mật nhà nước;', { size: 22 })] }),
        new Paragraph({ children: [run('- Lưu: VT.', { size: 22 })] }),
      ],
      [centered([run('THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ', { bold: true, size: SIZE_SMALL })]), centered([run('(Ký, ghi rõ họ tên, đóng dấu)', { italics: true, size: SIZE_SMALL })])],
    ),
  ];

  const doc = administrativeDocument({ title: `Báo cáo đột xuất vụ ${kindWord} bí mật nhà nước`, children });
  return Packer.toBuffer(doc);
}

export type AnnualReportDocxInput = {
  report: AnnualIncidentReport;
  /** The unit the figures cover (the chosen unit, or the reader's own). */
  agencyName: string;
  parentAgencyName: string | null;
  place: string;
  now: Date;
};

/** A share as the directives write it: "69,8%". */
const percentText = (value: number) => `${value.toLocaleString('vi-VN')}%`;
const TABLE_SIZE = 22;

function gridCell(width: number, text: string, options: { bold?: boolean; center?: boolean; italics?: boolean } = {}) {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    children: text.split('\n').map((line) => new Paragraph({ alignment: options.center ? AlignmentType.CENTER : AlignmentType.LEFT, children: [run(line, { bold: options.bold ?? false, italics: options.italics ?? false, size: TABLE_SIZE })] })),
  });
}

/** A bordered table: a bold header row repeated on every page, then the rows. */
function grid({ widths, headers, rows, boldRows = new Set<number>(), centerFrom = 2 }: { widths: number[]; headers: string[]; rows: string[][]; boldRows?: Set<number>; centerFrom?: number }): Table {
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({ tableHeader: true, children: headers.map((h, i) => gridCell(widths[i]!, h, { bold: true, center: true })) }),
      ...rows.map((cells, r) => new TableRow({ cantSplit: true, children: cells.map((c, i) => gridCell(widths[i]!, c, { bold: boldRows.has(r), center: i === 0 || i >= centerFrom })) })),
    ],
  });
}

/** Columns STT | label | số vụ | tỷ lệ | số tài liệu. */
const FIGURE_WIDTHS = [700, TEXT_WIDTH - 700 - 1300 - 1500 - 1900, 1300, 1500, 1900];
const FIGURE_HEADERS = (label: string) => ['STT', label, 'Số vụ', 'Tỷ lệ số vụ', 'Số tài liệu, vật chứa BMNN'];
/** One row per line of the breakdown, then the total. */
function figureRows(rows: ReadonlyArray<AnnualReportRow & { label: string }>, total: AnnualReportRow): string[][] {
  return [...rows.map((r, i) => [String(i + 1), r.label, String(r.cases), percentText(r.casesPercent), String(r.items)]), ['', 'Tổng cộng', String(total.cases), percentText(total.casesPercent), String(total.items)]];
}
const subheading = (text: string) => new Paragraph({ spacing: { before: 160, after: 80 }, indent: { firstLine: 567 }, children: [run(text, { bold: true, italics: true })] });

/**
 * The incidents section of the annual report (LEGAL.md R13.2) for the period of R14.1(c): the
 * situation in words, the figures by kind, channel, highest level, status, referral and unit, the
 * list of cases, then causes and handling. Made only of what the reader may see.
 */
export async function buildAnnualReportDocx({ report, agencyName, parentAgencyName, place, now }: AnnualReportDocxInput): Promise<Buffer> {
  const { window } = report;
  const total: AnnualReportRow = { cases: report.totalCases, casesPercent: report.totalCases > 0 ? 100 : 0, items: report.totalItems };
  const count = (n: number, what: string) => `${n} ${what}`;
  const lo = report.byKind.find((k) => k.kind === 'LO')!.cases;
  const mat = report.byKind.find((k) => k.kind === 'MAT')!.cases;

  const situation =
    report.totalCases === 0
      ? [body(`Trong kỳ báo cáo, ${agencyName} không phát hiện vụ lộ, mất bí mật nhà nước nào.`)]
      : [
          body(
            `Trong kỳ báo cáo, ${agencyName} phát hiện ${count(report.totalCases, 'vụ')} lộ, mất bí mật nhà nước (${count(lo, 'vụ')} lộ, ${count(mat, 'vụ')} mất), liên quan đến ${count(report.totalItems, 'tài liệu, vật chứa bí mật nhà nước')} và ${count(report.totalDevices, 'thiết bị')}.`,
          ),
          body(`Đến thời điểm lập báo cáo, đã kết thúc xử lý ${count(report.closedCases, 'vụ')}; đang xử lý ${count(report.openCases, 'vụ')}. Danh sách các vụ việc tại Phụ lục kèm theo.`),
          ...report.byChannel
            .filter((c) => c.cases > 0)
            .map((c) => body(`- ${c.label}: ${count(c.cases, 'vụ')}, chiếm ${percentText(c.casesPercent)}${c.bySubChannel.some((s) => s.cases > 0) ? ` (${c.bySubChannel.filter((s) => s.cases > 0).map((s) => `${s.label.charAt(0).toLocaleLowerCase('vi')}${s.label.slice(1)}: ${s.cases} vụ`).join('; ')})` : ''}.`)),
        ];

  const channelRows: string[][] = [];
  const channelBold = new Set<number>();
  report.byChannel.forEach((c, i) => {
    channelBold.add(channelRows.length);
    channelRows.push([String(i + 1), c.label, String(c.cases), percentText(c.casesPercent), String(c.items)]);
    for (const s of c.bySubChannel) channelRows.push(['', `- ${s.label}`, String(s.cases), '', String(s.items)]);
  });
  channelBold.add(channelRows.length);
  channelRows.push(['', 'Tổng cộng', String(total.cases), percentText(total.casesPercent), String(total.items)]);

  // STT | ngày | đơn vị | loại, hình thức | độ mật | vụ việc | nguyên nhân | xử lý, khắc phục | tình trạng
  const caseWidths = [650, 1300, 1600, 1800, 1000, 3100, 1900, LANDSCAPE_TEXT_WIDTH - 12350, 1000];
  const caseRows = report.cases.map((c) => [
    String(c.number),
    formatDate(c.discoveredAt),
    c.unitName,
    `${INCIDENT_KIND_LABELS[c.kind]}\n${INCIDENT_CHANNEL_LABELS[c.channel]}${c.subChannel ? ` — ${INCIDENT_SUB_CHANNEL_LABELS[c.subChannel]}` : ''}`,
    c.highestLevelLabel,
    `${c.title}\n${c.summary}`,
    c.rootCause ? summarize(c.rootCause, 200) : 'Chưa xác định',
    [c.handling ? `Xử lý: ${summarize(c.handling, 150)}` : '', c.remedy ? `Khắc phục: ${summarize(c.remedy, 150)}` : '', c.referral !== 'NONE' ? REFERRAL_LABELS[c.referral] : ''].filter(Boolean).join('\n') || 'Chưa ghi nhận',
    INVESTIGATION_STATUS_LABELS[c.status],
  ]);
  const appendix: Array<Paragraph | Table> = [
    new Paragraph({ alignment: AlignmentType.CENTER, children: [run('PHỤ LỤC', { bold: true })] }),
    centered([run(`DANH SÁCH CÁC VỤ LỘ, MẤT BÍ MẬT NHÀ NƯỚC NĂM ${window.year}`, { bold: true })]),
    centered([run(`(Kèm theo báo cáo tình hình, số liệu các vụ lộ, mất bí mật nhà nước năm ${window.year} của ${agencyName}; số liệu từ ngày ${formatDate(window.periodStart)} đến ngày ${formatDate(window.periodEnd)})`, { italics: true })], 240),
    grid({ widths: caseWidths, headers: ['STT', 'Ngày phát hiện', 'Cơ quan, đơn vị', 'Loại, hình thức', 'Độ mật cao nhất', 'Vụ việc, diễn biến tóm tắt', 'Nguyên nhân', 'Kết quả xử lý, khắc phục', 'Tình trạng'], rows: caseRows, centerFrom: 99 }),
  ];

  const none = 'Chưa ghi nhận.';
  const children: Array<Paragraph | Table> = [
    administrativeHeader({ agencyName, parentAgencyName, numberLine: null, place, now }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 360 }, children: [run(`TÌNH HÌNH, SỐ LIỆU CÁC VỤ LỘ, MẤT BÍ MẬT NHÀ NƯỚC NĂM ${window.year}`, { bold: true, size: 28 })] }),
    centered([run(`(Số liệu từ ngày ${formatDate(window.periodStart)} đến ngày ${formatDate(window.periodEnd)})`, { italics: true })], 240),
    heading('I. TÌNH HÌNH CHUNG'),
    ...situation,
    heading('II. SỐ LIỆU CÁC VỤ LỘ, MẤT BÍ MẬT NHÀ NƯỚC'),
    subheading('1. Theo loại vụ việc'),
    grid({ widths: FIGURE_WIDTHS, headers: FIGURE_HEADERS('Loại vụ việc'), rows: figureRows(report.byKind, total), boldRows: new Set([report.byKind.length]) }),
    subheading('2. Theo hình thức lộ, mất'),
    grid({ widths: FIGURE_WIDTHS, headers: FIGURE_HEADERS('Hình thức'), rows: channelRows, boldRows: channelBold }),
    subheading('3. Theo độ mật cao nhất của tài liệu, vật chứa bí mật nhà nước liên quan'),
    grid({ widths: FIGURE_WIDTHS, headers: FIGURE_HEADERS('Độ mật'), rows: figureRows(report.byLevel, total), boldRows: new Set([report.byLevel.length]) }),
    subheading('4. Theo tình trạng xử lý'),
    grid({ widths: FIGURE_WIDTHS, headers: FIGURE_HEADERS('Tình trạng'), rows: figureRows(report.byStatus, total), boldRows: new Set([report.byStatus.length]) }),
    subheading('5. Theo hình thức xử lý người vi phạm'),
    grid({ widths: FIGURE_WIDTHS, headers: FIGURE_HEADERS('Hình thức xử lý'), rows: figureRows(report.byReferral, total), boldRows: new Set([report.byReferral.length]) }),
    subheading('6. Theo cơ quan, đơn vị'),
    ...(report.byUnit.length === 0
      ? [body('Không có vụ việc trong kỳ báo cáo.')]
      : [grid({ widths: FIGURE_WIDTHS, headers: FIGURE_HEADERS('Cơ quan, đơn vị'), rows: figureRows(report.byUnit.map((u) => ({ ...u, label: u.unitName })), total), boldRows: new Set([report.byUnit.length]) })]),
    heading('III. NGUYÊN NHÂN'),
    ...(report.totalCases === 0
      ? [body('Không có vụ việc trong kỳ báo cáo.')]
      : [
          body(`Đã xác định nguyên nhân ${count(report.causes.recorded, 'vụ')}; chưa xác định nguyên nhân ${count(report.causes.notRecorded, 'vụ')}.`),
          ...report.causes.groups.map((g) => body(`- ${g.cause}: ${count(g.cases, 'vụ')}.`)),
        ]),
    heading('IV. KẾT QUẢ XỬ LÝ, KHẮC PHỤC'),
    ...(report.cases.length === 0
      ? [body('Không có vụ việc trong kỳ báo cáo.')]
      : report.cases.flatMap((c) => [
          new Paragraph({ alignment: AlignmentType.JUSTIFIED, spacing: { before: 80, after: 40, line: 312 }, indent: { firstLine: 567 }, children: [run(`${c.number}. ${c.title} (${c.unitName}, phát hiện ngày ${formatDate(c.discoveredAt)})`, { bold: true })] }),
          labelled('- Nguyên nhân', c.rootCause ?? none),
          labelled('- Kết quả xử lý', c.handling ?? none),
          labelled('- Biện pháp khắc phục', c.remedy ?? none),
          labelled('- Hình thức xử lý', `${REFERRAL_LABELS[c.referral]}${c.referralNote ? ` — ${c.referralNote}` : ''}`),
        ])),
  ];
  const doc = administrativeDocument({ title: `Tình hình, số liệu các vụ lộ, mất bí mật nhà nước năm ${window.year}`, children, ...(report.cases.length > 0 ? { landscapeAppendix: appendix } : {}) });
  return Packer.toBuffer(doc);
}

/** The statistics workbook: by channel (with sub-channels), by unit, by year; Vietnamese headers. */
export async function buildStatisticsXlsx({ statistics, scopeName, now }: { statistics: IncidentStatistics; scopeName: string; now: Date }): Promise<Buffer> {
  const wb = new (await loadExcelJs()).Workbook();
  wb.creator = 'BMNN';
  wb.created = now;
  const font = { name: FONT, size: 12 };
  const thin = { style: 'thin' as const };
  const border = { top: thin, left: thin, bottom: thin, right: thin };
  const period = statistics.year === null ? 'Tất cả các năm' : `Năm ${statistics.year}`;

  function sheet(name: string, title: string, headers: string[], widths: number[], rows: Array<Array<string | number>>, boldRows: Set<number> = new Set()) {
    const ws = wb.addWorksheet(name, { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
    ws.columns = widths.map((width) => ({ width }));
    const last = String.fromCharCode(64 + headers.length);
    ws.mergeCells(`A1:${last}1`);
    ws.getCell('A1').value = title;
    ws.getCell('A1').font = { ...font, size: 14, bold: true };
    ws.getCell('A1').alignment = { horizontal: 'center' };
    ws.mergeCells(`A2:${last}2`);
    ws.getCell('A2').value = `${scopeName} — ${period} — lập ngày ${formatDate(todayInVietnam(now))}`;
    ws.getCell('A2').font = { ...font, italic: true };
    ws.getCell('A2').alignment = { horizontal: 'center' };
    const head = ws.getRow(4);
    head.values = headers;
    head.eachCell((c) => {
      c.font = { ...font, bold: true };
      c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      c.border = border;
      c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    });
    rows.forEach((values, i) => {
      const r = ws.getRow(5 + i);
      r.values = values;
      r.eachCell({ includeEmpty: true }, (c, col) => {
        c.font = { ...font, bold: boldRows.has(i) };
        c.border = border;
        c.alignment = { vertical: 'middle', wrapText: true, horizontal: col === 2 ? 'left' : 'center' };
        if (typeof c.value === 'number' && headers[col - 1]?.startsWith('Tỷ lệ')) c.numFmt = '0.0"%"';
      });
    });
    ws.views = [{ state: 'frozen', ySplit: 4 }];
    return ws;
  }

  const channelRows: Array<Array<string | number>> = [];
  const bold = new Set<number>();
  statistics.byChannel.forEach((c, i) => {
    bold.add(channelRows.length);
    channelRows.push([i + 1, c.label, c.cases, c.casesPercent, c.items, c.itemsPercent]);
    for (const s of c.bySubChannel) channelRows.push(['', `  - ${s.label}`, s.cases, '', s.items, '']);
  });
  bold.add(channelRows.length);
  channelRows.push(['', 'Tổng cộng', statistics.totalCases, statistics.totalCases > 0 ? 100 : 0, statistics.totalItems, statistics.totalItems > 0 ? 100 : 0]);
  sheet('Theo hình thức', 'THỐNG KÊ CÁC VỤ LỘ, MẤT BÍ MẬT NHÀ NƯỚC THEO HÌNH THỨC', ['STT', 'Hình thức', 'Số vụ', 'Tỷ lệ số vụ (%)', 'Số tài liệu, vật chứa BMNN', 'Tỷ lệ tài liệu (%)'], [6, 60, 10, 14, 18, 14], channelRows, bold);

  const kindRows = statistics.byKind.map((k, i) => [i + 1, k.label, k.cases, k.casesPercent, k.items, k.itemsPercent]);
  sheet('Theo loại', 'THỐNG KÊ CÁC VỤ LỘ, MẤT BÍ MẬT NHÀ NƯỚC THEO LOẠI', ['STT', 'Loại vụ việc', 'Số vụ', 'Tỷ lệ số vụ (%)', 'Số tài liệu, vật chứa BMNN', 'Tỷ lệ tài liệu (%)'], [6, 40, 10, 14, 18, 14], kindRows);

  const unitRows = statistics.byUnit.map((u, i) => [i + 1, u.unitName, u.cases, u.casesPercent, u.items, u.itemsPercent]);
  sheet('Theo đơn vị', 'THỐNG KÊ CÁC VỤ LỘ, MẤT BÍ MẬT NHÀ NƯỚC THEO ĐƠN VỊ', ['STT', 'Cơ quan, đơn vị', 'Số vụ', 'Tỷ lệ số vụ (%)', 'Số tài liệu, vật chứa BMNN', 'Tỷ lệ tài liệu (%)'], [6, 50, 10, 14, 18, 14], unitRows);

  const yearRows = statistics.byYear.map((y, i) => [i + 1, String(y.year), y.cases, y.items]);
  sheet('Theo năm', 'THỐNG KÊ CÁC VỤ LỘ, MẤT BÍ MẬT NHÀ NƯỚC THEO NĂM', ['STT', 'Năm', 'Số vụ', 'Số tài liệu, vật chứa BMNN'], [6, 12, 10, 18], yearRows);

  return Buffer.from(await wb.xlsx.writeBuffer());
}
