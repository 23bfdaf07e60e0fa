import { AlignmentType, BorderStyle, Packer, Paragraph, TextRun } from 'docx';
import { formatDate, LEVEL_LABELS, LEVELS_REQUIRING_DEVICE_BAN, VENUE_KIND_LABELS, type Meeting } from '@bmnn/contracts';
import { administrativeDocument, administrativeHeader, body, centered, heading, run, twoColumns } from '../incidents/incidents.documents.ts';

// The meeting notice (thông báo, giấy mời) of a meeting with secret content (LEGAL.md R8.7, R8.8):
// time, venue, attendees, the ban on devices that receive, transmit or record, and the rule that
// documents handed out are returned. It names the meeting, so it carries the meeting's level.

/** The level stamp, red and boxed, above the header (as secret documents are marked). */
function levelStamp(label: string) {
  const border = { style: BorderStyle.SINGLE, size: 12, color: 'C00000', space: 2 };
  // The right indent narrows the bordered paragraph to a stamp-sized box at the top left.
  return new Paragraph({ alignment: AlignmentType.CENTER, indent: { right: 11906 - 1701 - 1134 - 1900 }, border: { top: border, bottom: border, left: border, right: border }, spacing: { after: 120 }, children: [new TextRun({ text: label, bold: true, color: 'C00000', font: 'Times New Roman', size: 28 })] });
}

export async function buildMeetingNoticeDocx({ meeting, agencyName, parentAgencyName, place, now }: { meeting: Meeting; agencyName: string; parentAgencyName: string | null; place: string; now: Date }): Promise<Buffer> {
  const banRequired = LEVELS_REQUIRING_DEVICE_BAN.includes(meeting.level);
  const doc = administrativeDocument({
    title: 'Thông báo tổ chức cuộc họp có nội dung bí mật nhà nước',
    children: [
      levelStamp(LEVEL_LABELS[meeting.level].toUpperCase()),
      administrativeHeader({ agencyName, parentAgencyName, numberLine: null, place, now }),
      new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 360 }, children: [run('THÔNG BÁO', { bold: true, size: 28 })] }),
      centered([run(meeting.title, { bold: true })], 240),
      body(`Thời gian: ngày ${formatDate(meeting.heldOn)}.`),
      body(`Địa điểm: ${meeting.venue} (${VENUE_KIND_LABELS[meeting.venueKind].toLowerCase()})${meeting.online ? `; họp trực tuyến qua ${meeting.coYeuLineRef}` : ''}.`),
      ...(meeting.chairName ? [body(`Chủ trì: ${meeting.chairName}.`)] : []),
      heading('Thành phần tham dự:'),
      ...(meeting.attendees.length ? meeting.attendees.map((a, i) => body(`${i + 1}. ${a.fullName}`)) : [body('Theo danh sách kèm theo.')]),
      ...(meeting.externalAttendees ? [body(`Thành phần khác: ${meeting.externalAttendees}`)] : []),
      heading('Yêu cầu bảo vệ bí mật nhà nước:'),
      ...(meeting.deviceBanNotice || banRequired
        ? [body('1. Người tham dự không mang vào phòng họp điện thoại di động và các thiết bị có tính năng thu, phát, ghi âm, ghi hình (Điều 5 Luật Bảo vệ bí mật nhà nước).')]
        : [body('1. Người tham dự chỉ sử dụng thiết bị thu, phát, ghi âm, ghi hình khi được người chủ trì cho phép.')]),
      body('2. Tài liệu có nội dung bí mật nhà nước phát tại cuộc họp phải được nộp lại cho bộ phận tổ chức khi kết thúc cuộc họp.'),
      body('3. Không ghi chép, sao, chụp nội dung bí mật nhà nước khi chưa được phép.'),
      twoColumns([], [centered([run('THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ', { bold: true, size: 24 })]), centered([run('(Ký, ghi rõ họ tên, đóng dấu)', { italics: true, size: 24 })])]),
    ],
  });
  return Packer.toBuffer(doc);
}
