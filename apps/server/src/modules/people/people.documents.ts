import { AlignmentType, Packer, Paragraph } from 'docx';
import { COMMITMENT_KIND_LABELS, type CommitmentKind } from '@bmnn/contracts';
import { administrativeDocument, administrativeHeader, body, centered, heading, run, twoColumns } from '../incidents/incidents.documents.ts';

// The printable commitment form (bản cam kết bảo vệ bí mật nhà nước, LEGAL.md R11.2, R11.4),
// filled from the person's data; the signed paper is scanned and its reference recorded.

export type CommitmentFormInput = {
  kind: CommitmentKind;
  title: string | null;
  fullName: string;
  position: string | null;
  agencyName: string;
  parentAgencyName: string | null;
  place: string;
  now: Date;
};

const PLEDGES_ON_ASSIGNMENT = [
  'Chấp hành nghiêm các quy định của pháp luật về bảo vệ bí mật nhà nước và quy chế bảo vệ bí mật nhà nước của cơ quan, đơn vị.',
  'Chỉ sử dụng bí mật nhà nước đúng mục đích, đúng phạm vi được phân công; không để lộ, mất bí mật nhà nước.',
  'Không soạn thảo, lưu giữ bí mật nhà nước trên máy tính, thiết bị đang kết nối mạng Internet, mạng máy tính, mạng viễn thông.',
  'Khi thôi việc, chuyển công tác, nghỉ hưu hoặc không được phân công tiếp tục quản lý bí mật nhà nước, bàn giao đầy đủ tài liệu, vật chứa bí mật nhà nước đã quản lý và tiếp tục giữ bí mật.',
];

const PLEDGES_ON_LEAVING = [
  'Đã bàn giao đầy đủ tài liệu, vật chứa bí mật nhà nước và thiết bị đã được giao quản lý, sử dụng.',
  'Không tiết lộ, cung cấp, sử dụng bí mật nhà nước đã biết, đã quản lý trong thời gian công tác dưới bất kỳ hình thức nào.',
  'Không giữ lại bất kỳ bản sao, bản chụp, tệp dữ liệu nào chứa bí mật nhà nước.',
];

export async function buildCommitmentDocx(input: CommitmentFormInput): Promise<Buffer> {
  const pledges = input.kind === 'ON_LEAVING' ? PLEDGES_ON_LEAVING : PLEDGES_ON_ASSIGNMENT;
  const subtitle = input.kind === 'OTHER' && input.title ? input.title : COMMITMENT_KIND_LABELS[input.kind];
  const doc = administrativeDocument({
    title: 'Bản cam kết bảo vệ bí mật nhà nước',
    children: [
      administrativeHeader({ agencyName: input.agencyName, parentAgencyName: input.parentAgencyName, numberLine: null, place: input.place, now: input.now }),
      new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 360 }, children: [run('BẢN CAM KẾT', { bold: true, size: 28 })] }),
      centered([run('Bảo vệ bí mật nhà nước', { bold: true })]),
      centered([run(`(${subtitle})`, { italics: true })], 240),
      body(`Họ và tên: ${input.fullName}`),
      body(`Chức vụ: ${input.position ?? '……………………………'}`),
      body(`Cơ quan, đơn vị: ${input.agencyName}`),
      heading('Tôi xin cam kết:'),
      ...pledges.map((p, i) => body(`${i + 1}. ${p}`)),
      body('Nếu vi phạm, tôi xin chịu hoàn toàn trách nhiệm trước pháp luật./.'),
      twoColumns(
        [centered([run('THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ', { bold: true })]), centered([run('(Ký, ghi rõ họ tên, đóng dấu)', { italics: true })])],
        [centered([run('NGƯỜI CAM KẾT', { bold: true })]), centered([run('(Ký, ghi rõ họ tên)', { italics: true })]), new Paragraph({ spacing: { before: 1200 } }), centered([run(input.fullName, { bold: true })])],
      ),
    ],
  });
  return Packer.toBuffer(doc);
}
