// Picking the book template valid on the date of the record (A4), and reading templates back
// from JSON when an administrator loads the official columns.
import { z } from 'zod';
import { BOOK_LABELS, bookTemplateSchema } from './templates.schema.ts';
import type { Book, BookTemplate } from './templates.schema.ts';
import { DEFAULT_TEMPLATES } from './templates.data.ts';
import { compareDates, formatDateVi, isWithin } from './dates.ts';
import type { IsoDate } from './dates.ts';
import { RulesError } from './errors.ts';

export { DEFAULT_TEMPLATES };

/**
 * The template of `book` valid on `date`, or undefined. When several are valid (an official
 * template loaded over a shipped one), the latest start wins, then a confirmed one.
 */
export function findTemplateFor({ book, date, templates = DEFAULT_TEMPLATES }: { book: Book; date: IsoDate; templates?: readonly BookTemplate[] }): BookTemplate | undefined {
  return templates
    .filter((t) => t.book === book && isWithin(date, t.validFrom, t.validTo))
    .sort((a, b) => compareDates(b.validFrom, a.validFrom) || Number(b.basis.confirmed) - Number(a.basis.confirmed))[0];
}

/** The template of `book` valid on `date`; throws when none is (before 01/7/2020). */
export function templateFor({ book, date, templates = DEFAULT_TEMPLATES }: { book: Book; date: IsoDate; templates?: readonly BookTemplate[] }): BookTemplate {
  const template = findTemplateFor({ book, date, templates });
  if (!template) throw new RulesError('rules.no_template', `Không có mẫu ${BOOK_LABELS[book]} áp dụng cho ngày ${formatDateVi(date)}`);
  return template;
}

/** Validates templates read from JSON; nothing is partly accepted. */
export function parseTemplates({ json }: { json: unknown }): { ok: true; templates: BookTemplate[] } | { ok: false; issues: { path: string; message: string }[] } {
  let value = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json);
    } catch {
      return { ok: false, issues: [{ path: '', message: 'Không đọc được JSON' }] };
    }
  }
  const result = z.array(bookTemplateSchema).safeParse(value);
  if (result.success) return { ok: true, templates: result.data };
  return { ok: false, issues: result.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })) };
}
