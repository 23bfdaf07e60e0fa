// The rule sets an administrator may correct (LEGAL.md A4, issue #3 "rules as data"), and the
// printables of an item (stamps, labels, records). The rule set itself is validated by
// `parseRuleSet` in @bmnn/rules (which depends on this package), so here it is `unknown`.
import { z } from 'zod';

/** PUT /api/rule-sets/:id: the whole rule set as JSON text or value, and the version edited. */
export const updateRuleSetRequest = z.object({
  json: z.union([z.string().max(1_000_000), z.record(z.string(), z.unknown())]),
  version: z.number().int().min(0),
});
export type UpdateRuleSetRequest = z.infer<typeof updateRuleSetRequest>;

export type RuleSetSummary = {
  id: string;
  name: string;
  regime: string;
  validFrom: string;
  validTo: string | null;
  /** 0 while the shipped defaults are in use; each edit adds one. */
  version: number;
  updatedAt: string | null;
  updatedByName: string | null;
  unconfirmedCount: number;
};

export type RuleSetHistoryEntry = {
  version: number;
  at: string;
  actorName: string | null;
  changes: Array<{ path: string; before: unknown; after: unknown; text: string }>;
};

/** The printables of an item: stamps and labels (PDF), records and requests (DOCX). */
export const PRINTABLE_KINDS = [
  'dau-do-mat',
  'nhan-bi',
  'ban-sao-so',
  'thoi-han-bao-ve',
  'gia-han',
  'giai-mat',
  'trich-sao',
  'bien-ban-hoi-dong',
  'bien-ban-tieu-huy',
  'de-nghi-mang-ra',
  'de-nghi-cung-cap',
] as const;
export type PrintableKind = (typeof PRINTABLE_KINDS)[number];
export const PRINTABLE_FORMATS: Record<PrintableKind, 'pdf' | 'docx'> = {
  'dau-do-mat': 'pdf',
  'nhan-bi': 'pdf',
  'ban-sao-so': 'pdf',
  'thoi-han-bao-ve': 'pdf',
  'gia-han': 'pdf',
  'giai-mat': 'pdf',
  'trich-sao': 'pdf',
  'bien-ban-hoi-dong': 'docx',
  'bien-ban-tieu-huy': 'docx',
  'de-nghi-mang-ra': 'docx',
  'de-nghi-cung-cap': 'docx',
};
export const PRINTABLE_LABELS: Record<PrintableKind, string> = {
  'dau-do-mat': 'Dấu chỉ độ mật',
  'nhan-bi': 'Nhãn bì (dấu ký hiệu A, B, C)',
  'ban-sao-so': 'Dấu "Bản sao số"',
  'thoi-han-bao-ve': 'Dấu thời hạn bảo vệ',
  'gia-han': 'Dấu gia hạn thời hạn bảo vệ',
  'giai-mat': 'Dấu "Giải mật"',
  'trich-sao': 'Văn bản trích sao',
  'bien-ban-hoi-dong': 'Biên bản họp Hội đồng tiêu hủy',
  'bien-ban-tieu-huy': 'Biên bản tiêu hủy',
  'de-nghi-mang-ra': 'Văn bản đề nghị mang ra khỏi nơi lưu giữ',
  'de-nghi-cung-cap': 'Văn bản đề nghị cung cấp, chuyển giao',
};
export type PrintableEntry = { kind: PrintableKind; format: 'pdf' | 'docx'; label: string; available: boolean; reason: string | null };
