import { AlignmentType, HeightRule, Packer, Paragraph, Table, TableCell, TableRow, VerticalAlign, WidthType } from 'docx';
import { formatDate, TRAINING_KIND_LABELS, todayInVietnam, type TrainingCoverage, type TrainingSession } from '@bmnn/contracts';
import { loadExcelJs } from '../../platform/lazy-modules.ts';
import { administrativeDocument, administrativeHeader, body, centered, run, twoColumns } from '../incidents/incidents.documents.ts';

// Files made from the training register (LEGAL.md R11.5): the attendance list of a session, to
// print and sign, in the Vietnamese administrative layout; the coverage workbook.

const TEXT_WIDTH = 11906 - 1701 - 1134;
const COLUMNS = [700, 3000, 2600, 1771, 1000];

function tableCell(width: number, text: string, options: { bold?: boolean; center?: boolean } = {}) {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    children: [new Paragraph({ alignment: options.center ? AlignmentType.CENTER : AlignmentType.LEFT, children: [run(text, { bold: options.bold ?? false, size: 24 })] })],
  });
}

export type AttendanceListInput = {
  session: TrainingSession;
  unitNames: Map<string, string>;
  agencyName: string;
  parentAgencyName: string | null;
  place: string;
  now: Date;
};

/** The attendance list (danh sách người tham dự) with a signature column. */
export async function buildAttendanceDocx({ session, unitNames, agencyName, parentAgencyName, place, now }: AttendanceListInput): Promise<Buffer> {
  const attendees = session.attendees ?? [];
  const header = new TableRow({
    tableHeader: true,
    children: ['STT', 'Họ và tên', 'Đơn vị', 'Chức vụ', 'Ký tên'].map((h, i) => tableCell(COLUMNS[i]!, h, { bold: true, center: true })),
  });
  const rows = attendees.map(
    (a, i) =>
      new TableRow({
        // Room for a handwritten signature on each line.
        height: { value: 560, rule: HeightRule.ATLEAST },
        children: [tableCell(COLUMNS[0]!, String(i + 1), { center: true }), tableCell(COLUMNS[1]!, a.fullName), tableCell(COLUMNS[2]!, unitNames.get(a.unitId) ?? ''), tableCell(COLUMNS[3]!, a.position ?? ''), tableCell(COLUMNS[4]!, '')],
      }),
  );
  const doc = administrativeDocument({
    title: 'Danh sách người tham dự tập huấn, tuyên truyền về bảo vệ bí mật nhà nước',
    children: [
      administrativeHeader({ agencyName, parentAgencyName, numberLine: null, place, now }),
      new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 360 }, children: [run('DANH SÁCH NGƯỜI THAM DỰ', { bold: true, size: 28 })] }),
      centered([run(`${TRAINING_KIND_LABELS[session.kind]} về bảo vệ bí mật nhà nước`, { bold: true })]),
      centered([run(`Chủ đề: ${session.topic}`, { italics: true })], 240),
      body(`Thời gian: ngày ${formatDate(session.heldOn)}. Đơn vị tổ chức: ${session.organiser}.`),
      ...(session.material ? [body(`Tài liệu: ${session.material}.`)] : []),
      new Table({ width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths: COLUMNS, rows: [header, ...rows] }),
      new Paragraph({ spacing: { before: 200, after: 120 }, indent: { firstLine: 567 }, children: [run(`Tổng số: ${attendees.length} người tham dự.`)] }),
      twoColumns([], [centered([run('NGƯỜI LẬP DANH SÁCH', { bold: true, size: 24 })]), centered([run('(Ký, ghi rõ họ tên)', { italics: true, size: 24 })])]),
    ],
  });
  return Packer.toBuffer(doc);
}

/** The coverage workbook: one line per unit, and the total. */
export async function buildCoverageXlsx({ coverage, scopeName, now }: { coverage: TrainingCoverage; scopeName: string; now: Date }): Promise<Buffer> {
  const wb = new (await loadExcelJs()).Workbook();
  wb.creator = 'BMNN';
  wb.created = now;
  const font = { name: 'Times New Roman', size: 12 };
  const thin = { style: 'thin' as const };
  const border = { top: thin, left: thin, bottom: thin, right: thin };
  // Marked like every export (the books' convention): training figures hold no secret content.
  const ws = wb.addWorksheet('Tỷ lệ tập huấn', {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    headerFooter: { oddHeader: '&C&"Times New Roman,Bold"KHÔNG CÓ NỘI DUNG MẬT', oddFooter: '&CTrang &P/&N' },
  });
  ws.columns = [{ width: 6 }, { width: 12 }, { width: 48 }, { width: 18 }, { width: 18 }, { width: 14 }];
  ws.mergeCells('A1:F1');
  ws.getCell('A1').value = 'TỶ LỆ CÁN BỘ LÀM CÔNG TÁC LIÊN QUAN ĐẾN BÍ MẬT NHÀ NƯỚC ĐƯỢC TẬP HUẤN';
  ws.getCell('A1').font = { ...font, size: 14, bold: true };
  ws.getCell('A1').alignment = { horizontal: 'center', wrapText: true };
  ws.mergeCells('A2:F2');
  ws.getCell('A2').value = `${scopeName} — trong ${coverage.windowMonths} tháng, từ ngày ${formatDate(coverage.since)} đến ngày ${formatDate(coverage.asOf)} — lập ngày ${formatDate(todayInVietnam(now))}`;
  ws.getCell('A2').font = { ...font, italic: true };
  ws.getCell('A2').alignment = { horizontal: 'center', wrapText: true };
  const head = ws.getRow(4);
  head.values = ['STT', 'Mã đơn vị', 'Cơ quan, đơn vị', 'Số cán bộ làm công tác BMNN', 'Số đã được tập huấn', 'Tỷ lệ (%)'];
  head.eachCell((c) => {
    c.font = { ...font, bold: true };
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    c.border = border;
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
  });
  const lines: Array<Array<string | number>> = coverage.units.map((u, i) => [i + 1, u.unitCode, u.unitName, u.secretStaff, u.trained, u.percent]);
  lines.push(['', '', 'Tổng cộng', coverage.total.secretStaff, coverage.total.trained, coverage.total.percent]);
  lines.forEach((values, i) => {
    const r = ws.getRow(5 + i);
    r.values = values;
    r.eachCell({ includeEmpty: true }, (c, col) => {
      c.font = { ...font, bold: i === lines.length - 1 };
      c.border = border;
      c.alignment = { vertical: 'middle', wrapText: true, horizontal: col === 3 ? 'left' : 'center' };
      if (col === 6) c.numFmt = '0.0';
    });
  });
  ws.views = [{ state: 'frozen', ySplit: 4 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
