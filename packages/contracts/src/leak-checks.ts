import { z } from 'zod';
import { requiredText } from './fields.ts';
import type { Level } from './enums.ts';
import { LIMITS } from './limits.ts';

// Checking a file before it is published (DESIGN.md §6, seed 000: most leaks went through agency
// portals): the leak checker's decision on one uploaded file, kept as a record bound to the file's
// SHA-256 and to the people who checked and concluded it. The file itself is never stored.

export const LEAK_DECISIONS = ['block', 'review', 'pass'] as const;
export type LeakDecision = (typeof LEAK_DECISIONS)[number];
export const LEAK_DECISION_LABELS: Record<LeakDecision, string> = { block: 'Phải chặn', review: 'Cần xem xét', pass: 'Đạt' };

/** A reviewer's conclusion on a file the checker could not clear by itself. */
export const LEAK_CONCLUSIONS = ['ALLOW', 'WITHHOLD'] as const;
export type LeakConclusion = (typeof LEAK_CONCLUSIONS)[number];
export const LEAK_CONCLUSION_LABELS: Record<LeakConclusion, string> = { ALLOW: 'Được đăng', WITHHOLD: 'Không được đăng' };

/** The largest file a person may check through the web (bigger ones: `bmnn scan` on the machine). */
export const LEAK_CHECK_MAX_BYTES = 25 * 1024 * 1024;

export const concludeLeakCheckRequest = z.object({
  conclusion: z.enum(LEAK_CONCLUSIONS, { error: 'Kết luận không hợp lệ' }),
  reason: requiredText('Lý do', LIMITS.textMax),
});
export type ConcludeLeakCheckRequest = z.infer<typeof concludeLeakCheckRequest>;

export const listLeakChecksQuery = z.object({
  decision: z.enum(LEAK_DECISIONS, { error: 'Kết quả không hợp lệ' }).optional(),
  /** Only the checks waiting for a reviewer's conclusion: decision "review", not yet concluded. */
  open: z.enum(['true', 'false'], { error: 'Giá trị không hợp lệ' }).optional(),
  /** The SHA-256 of a file: "was this exact file checked, and may it be published?" */
  sha256: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[0-9a-f]{64}$/, { error: 'Mã băm SHA-256 phải gồm 64 chữ số hệ 16' })
    .optional(),
  limit: z.coerce.number({ error: 'Số dòng không hợp lệ' }).int().min(1).max(200).default(50),
  offset: z.coerce.number({ error: 'Vị trí không hợp lệ' }).int().min(0).max(1_000_000).default(0),
});
export type ListLeakChecksQuery = z.infer<typeof listLeakChecksQuery>;

export type LeakFinding = {
  ruleId: string;
  title: string;
  level: Level | null;
  decision: 'block' | 'review';
  /** Where, in Vietnamese ("đầu trang (header), dòng 1 (word/header1.xml)"). */
  location: string;
  /** The matched marking with the surrounding words masked. */
  excerpt: string;
  score: number;
  /** Why, in Vietnamese: the context, position and look that made the finding. */
  evidence: string[];
};

export type LeakProblem = { code: string; message: string; where: string | null };

export type LeakCheck = {
  id: string;
  unitId: string;
  unitName: string;
  fileName: string;
  size: number;
  sha256: string;
  fileType: string;
  decision: LeakDecision;
  findings: LeakFinding[];
  problems: LeakProblem[];
  /** The person said the file is already on a public portal. */
  alreadyPublished: boolean;
  checkedById: string;
  checkedByName: string;
  checkedAt: string;
  conclusion: LeakConclusion | null;
  conclusionReason: string | null;
  concludedByName: string | null;
  concludedAt: string | null;
  /** The loss incident opened because a blocked file was already published (LEGAL.md R13.1). */
  incidentId: string | null;
  /** Whether this exact file (this SHA-256) may be published now. */
  mayPublish: boolean;
};
