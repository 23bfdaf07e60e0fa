// What the server answers about destruction cases (LEGAL.md R10.x) and release requests
// (R8.1–R8.6), and the Vietnamese labels of their steps, shared by the server and the web.
import { z } from 'zod';
import type { Level } from './enums.ts';
import { DESTRUCTION_METHODS, idSchema } from './schemas.ts';

export const DESTRUCTION_STATUSES = ['PROPOSED', 'COUNCIL_SET', 'REVIEWED', 'DECIDED', 'EXECUTED', 'REPORT_DUE', 'REPORTED'] as const;
export type DestructionStatus = (typeof DESTRUCTION_STATUSES)[number];
export const DESTRUCTION_STATUS_LABELS: Record<DestructionStatus, string> = {
  PROPOSED: 'Đã lập danh sách đề nghị',
  COUNCIL_SET: 'Đã thành lập Hội đồng',
  REVIEWED: 'Hội đồng đã họp xét',
  DECIDED: 'Đã có quyết định tiêu hủy',
  EXECUTED: 'Đã tiêu hủy, có biên bản',
  REPORT_DUE: 'Tiêu hủy khẩn cấp — phải báo cáo bằng văn bản',
  REPORTED: 'Tiêu hủy khẩn cấp — đã báo cáo',
};
export const DESTRUCTION_REASON_LABELS = { NO_LONGER_NEEDED: 'Không còn cần lưu giữ (R10.1 a)', EMERGENCY: 'Khẩn cấp (R10.1 b)' } as const;

/** GET /api/destructions filters. */
export const listDestructionsQuery = z.object({
  status: z.enum(DESTRUCTION_STATUSES, { error: 'Trạng thái không hợp lệ' }).optional(),
  unitId: idSchema('unt').optional(),
});
export type ListDestructionsQuery = z.infer<typeof listDestructionsQuery>;

export type DestructionCaseSummary = {
  id: string;
  unitId: string;
  reason: keyof typeof DESTRUCTION_REASON_LABELS;
  status: DestructionStatus;
  itemCount: number;
  highestLevel: Level;
  createdAt: string;
  councilRef: string | null;
  decisionRef: string | null;
  executedAt: string | null;
  reportDue: string | null;
  reportSentOn: string | null;
  /** R10.3: the written report of an emergency destruction is due at once; late until filed. */
  reportOverdue: boolean;
  /** The reader sits on the case's council (DESIGN.md §5: a reason to know). */
  onCouncil: boolean;
};

export type DestructionCaseDetail = {
  id: string;
  unitId: string;
  reason: keyof typeof DESTRUCTION_REASON_LABELS;
  status: DestructionStatus;
  proposedBy: string;
  proposedByName: string | null;
  councilRef: string | null;
  council: { chairId: string; memberIds: string[] } | null;
  councilNames: { chair: string | null; members: string[] } | null;
  reviewMinutes: string | null;
  decisionRef: string | null;
  decidedOn: string | null;
  decidedByName: string | null;
  executedAt: string | null;
  method: string | null;
  place: string | null;
  witnesses: string[];
  circumstances: string | null;
  reportDue: string | null;
  reportSentOn: string | null;
  reportOverdue: boolean;
};
export type DestructionCaseItem = { id: string; soKyHieu: string; level: Level; status: string };

/** GET /api/destructions/:id/council-candidates: with q, people of every unit; without, the head's own units. */
export const councilCandidatesQuery = z.object({ q: z.string().trim().max(100, { error: 'Từ khóa tìm kiếm quá dài' }).optional() });
/** A person the head may put on the council (R10.4): name and unit only, nothing more. */
export type CouncilCandidate = { id: string; fullName: string; unitId: string; unitName: string };

export const RELEASE_KINDS = ['TAKE_OUT_DOMESTIC', 'TAKE_OUT_ABROAD', 'PROVIDE_DOMESTIC', 'PROVIDE_FOREIGN'] as const;
export type ReleaseKind = (typeof RELEASE_KINDS)[number];
export const RELEASE_KIND_LABELS: Record<ReleaseKind, string> = {
  TAKE_OUT_DOMESTIC: 'Mang ra ngoài — trong nước',
  TAKE_OUT_ABROAD: 'Mang ra nước ngoài',
  PROVIDE_DOMESTIC: 'Cung cấp cho cơ quan, tổ chức, người Việt Nam',
  PROVIDE_FOREIGN: 'Cung cấp cho cơ quan, tổ chức, cá nhân nước ngoài',
};
export const RELEASE_STATUS_LABELS: Record<string, string> = {
  REQUESTED: 'Chờ quyết định',
  APPROVED: 'Đã đồng ý',
  REFUSED: 'Từ chối',
  OUT: 'Đang mang ra ngoài',
  RETURNED: 'Đã trả về nơi lưu giữ',
};
export const RETURN_STATUS_LABELS: Record<string, string> = {
  PENDING: 'Trong hạn',
  DUE_SOON: 'Sắp đến hạn trả',
  OVERDUE: 'Quá hạn trả (R8.2)',
  DONE: 'Đã trả',
};

/** One row of GET /api/releases. */
export type ReleaseRequestSummary = {
  id: string;
  unitId: string;
  kind: ReleaseKind;
  status: string;
  fromDate: string | null;
  toDate: string | null;
  returnedOn: string | null;
  returnStatus: string | null;
  refusalReason: string | null;
  decisionBasis: string | null;
  requestedBy: string;
  requestedByName: string | null;
  decidedByName: string | null;
  decidedOn: string | null;
  createdAt: string;
  details: { purpose?: string; destination?: string; country?: string; delegationHead?: string; protectionMeasures?: string; requesterBody?: string; representative?: string; identityDocument?: string; nationality?: string; position?: string };
  items: Array<{ id: string; soKyHieu: string; level: Level }>;
};
export type DestructionMethod = (typeof DESTRUCTION_METHODS)[number];
