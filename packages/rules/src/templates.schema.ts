// Form templates of the legal books (LEGAL.md §15): ordered columns bound to data fields, with
// legal basis and validity dates (A4). The official columns were not found (§15.2), so the
// shipped templates carry the minimum fields and are `confirmed: false` until transcribed.
import { z } from 'zod';
import { basisSchema, isoDateSchema } from './rule-set.schema.ts';
import { compareDates } from './dates.ts';

export const BOOKS = ['SO_DI', 'SO_DEN', 'SO_SAO_CHUP', 'SO_CHUYEN_GIAO', 'THONG_KE'] as const;
export type Book = (typeof BOOKS)[number];
export const BOOK_LABELS: Record<Book, string> = {
  SO_DI: 'Sổ đăng ký bí mật nhà nước đi',
  SO_DEN: 'Sổ đăng ký bí mật nhà nước đến',
  SO_SAO_CHUP: 'Sổ quản lý sao, chụp bí mật nhà nước',
  SO_CHUYEN_GIAO: 'Sổ chuyển giao bí mật nhà nước',
  THONG_KE: 'Thống kê bí mật nhà nước',
};

/**
 * The data fields each book's columns may bind to. The server's projection of the events fills
 * exactly these; a template binding to anything else is rejected.
 */
export const BOOK_FIELDS = {
  SO_DI: ['serialNo', 'date', 'soKyHieu', 'documentType', 'trichYeu', 'level', 'signer', 'recipients', 'copies', 'envelopeMark', 'form', 'notes'],
  SO_DEN: [
    'incomingNo',
    'receivedDate',
    'sender',
    'soKyHieu',
    'documentDate',
    'trichYeu',
    'level',
    'receiver',
    'signature',
    'conditionCheck',
    'recallDeadline',
    'form',
    'notes',
  ],
  SO_SAO_CHUP: [
    'serialNo',
    'date',
    'original',
    'level',
    'copyType',
    'authorisedCount',
    'madeCount',
    'spoiledDestroyed',
    'authorisedBy',
    'executedBy',
    'device',
    'recipients',
    'notes',
  ],
  SO_CHUYEN_GIAO: ['serialNo', 'handedAt', 'soKyHieu', 'level', 'handedBy', 'receivedBy', 'receivingUnit', 'signature', 'notes'],
  THONG_KE: ['serialNo', 'soKyHieu', 'date', 'trichYeu', 'level', 'form', 'quantity', 'storage', 'protectionEnd', 'status', 'notes'],
} as const satisfies Record<Book, readonly string[]>;

export const TEMPLATE_FAMILIES = ['TT24_2020', 'ND63_2026'] as const;
export type TemplateFamily = (typeof TEMPLATE_FAMILIES)[number];

export const templateColumnSchema = z.object({
  key: z.string().regex(/^[a-z][a-zA-Z0-9]*$/),
  header: z.string().min(1),
  field: z.string().min(1),
  /** Width in characters, a hint for XLSX, DOCX and PDF. */
  width: z.number().int().min(2).max(80),
  align: z.enum(['left', 'center', 'right']),
});
export type TemplateColumn = z.infer<typeof templateColumnSchema>;

export const bookTemplateSchema = z
  .object({
    id: z.string().min(1),
    book: z.enum(BOOKS),
    family: z.string().min(1),
    /** Form number in its legal text, e.g. "Mẫu 14". */
    formNumber: z.string().min(1),
    title: z.string().min(1),
    orientation: z.enum(['landscape', 'portrait']),
    columns: z.array(templateColumnSchema).min(1),
    validFrom: isoDateSchema,
    validTo: isoDateSchema.nullable(),
    basis: basisSchema,
  })
  .superRefine((t, ctx) => {
    const allowed: readonly string[] = BOOK_FIELDS[t.book];
    const keys = new Set<string>();
    t.columns.forEach((c, i) => {
      if (!allowed.includes(c.field)) {
        ctx.addIssue({ code: 'custom', path: ['columns', i, 'field'], message: `Trường "${c.field}" không có trong ${BOOK_LABELS[t.book]}` });
      }
      if (keys.has(c.key)) ctx.addIssue({ code: 'custom', path: ['columns', i, 'key'], message: `Cột trùng mã: ${c.key}` });
      keys.add(c.key);
    });
    if (t.validTo !== null && compareDates(t.validFrom, t.validTo) > 0) {
      ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'Ngày hết hiệu lực phải sau ngày có hiệu lực' });
    }
  });
export type BookTemplate = z.infer<typeof bookTemplateSchema>;
