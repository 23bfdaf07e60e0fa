import { describe, expect, it } from 'vitest';
import { BOOKS, BOOK_FIELDS } from './templates.schema.ts';
import type { BookTemplate } from './templates.schema.ts';
import { DEFAULT_TEMPLATES, findTemplateFor, parseTemplates, templateFor } from './templates.ts';

describe('book templates', () => {
  it('R14.5: records up to 28/02/2026 print with the TT24_2020 family, from 01/3/2026 with ND63_2026', () => {
    for (const book of BOOKS) {
      expect(templateFor({ book, date: '2026-02-28' }).family).toBe('TT24_2020');
      expect(templateFor({ book, date: '2026-03-01' }).family).toBe('ND63_2026');
    }
    expect(templateFor({ book: 'SO_DI', date: '2025-05-05' }).formNumber).toBe('Mẫu 14');
    expect(templateFor({ book: 'SO_DEN', date: '2025-05-05' }).formNumber).toBe('Mẫu 15');
    expect(templateFor({ book: 'SO_SAO_CHUP', date: '2025-05-05' }).formNumber).toBe('Mẫu 12');
    expect(templateFor({ book: 'SO_CHUYEN_GIAO', date: '2025-05-05' }).formNumber).toBe('Mẫu 16');
    expect(templateFor({ book: 'THONG_KE', date: '2025-05-05' }).formNumber).toBe('Mẫu 18');
  });

  it('R14.5: refuses to pick a template for a date before 01/7/2020', () => {
    expect(findTemplateFor({ book: 'SO_DI', date: '2020-06-30' })).toBeUndefined();
    expect(() => templateFor({ book: 'SO_DI', date: '2020-06-30' })).toThrow(/Không có mẫu Sổ đăng ký bí mật nhà nước đi/);
  });

  it('§15.2: the shipped columns are the minimum fields, flagged unconfirmed with a source note', () => {
    expect(parseTemplates({ json: DEFAULT_TEMPLATES })).toMatchObject({ ok: true });
    for (const t of DEFAULT_TEMPLATES) {
      expect(t.basis.confirmed).toBe(false);
      expect(t.basis.note).toContain('§15.2');
      expect(t.orientation).toBe('landscape');
    }
    const headers = (book: BookTemplate['book']) => templateFor({ book, date: '2026-05-01' }).columns.map((c) => c.field);
    expect(headers('SO_DI')).toEqual(['serialNo', 'date', 'soKyHieu', 'documentType', 'trichYeu', 'level', 'signer', 'recipients', 'copies', 'envelopeMark', 'notes']);
    expect(headers('SO_DEN')).toEqual(expect.arrayContaining(['sender', 'conditionCheck', 'recallDeadline', 'signature']));
    expect(headers('SO_SAO_CHUP')).toEqual(expect.arrayContaining(['authorisedCount', 'madeCount', 'spoiledDestroyed', 'device']));
    expect(headers('SO_CHUYEN_GIAO')).toEqual(expect.arrayContaining(['handedBy', 'receivedBy', 'signature']));
  });

  it('R6.2: from 2026 the Thống kê lists paper and electronic items together with a form column', () => {
    expect(templateFor({ book: 'THONG_KE', date: '2026-05-01' }).columns.some((c) => c.field === 'form')).toBe(true);
    expect(templateFor({ book: 'THONG_KE', date: '2025-05-01' }).columns.some((c) => c.field === 'form')).toBe(false);
  });

  it('A4: an official template loaded later wins over the shipped one from its start date, without code', () => {
    const official: BookTemplate = {
      ...structuredClone(templateFor({ book: 'SO_DI', date: '2026-05-01' })),
      id: 'CV2663-SO_DI',
      family: 'CV2663_2026',
      validFrom: '2026-03-27',
      columns: [{ key: 'stt', header: 'STT', field: 'serialNo', width: 5, align: 'center' }],
      basis: { rule: 'R7.2', legalBasis: 'Công văn 2663/VPCP-NC', confirmed: true },
    };
    const parsed = parseTemplates({ json: JSON.stringify([...DEFAULT_TEMPLATES, official]) });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(templateFor({ book: 'SO_DI', date: '2026-03-26', templates: parsed.templates }).id).toBe('ND63_2026-SO_DI');
    expect(templateFor({ book: 'SO_DI', date: '2026-03-27', templates: parsed.templates }).id).toBe('CV2663-SO_DI');
  });

  it('§15.2: refuses a template whose column binds to a field the book does not have, or repeats a key', () => {
    const bad = structuredClone(templateFor({ book: 'SO_CHUYEN_GIAO', date: '2026-05-01' }));
    bad.columns.push({ key: 'envelopeMark', header: 'Dấu A, B, C', field: 'envelopeMark', width: 6, align: 'center' });
    bad.columns.push({ key: 'notes', header: 'Ghi chú 2', field: 'notes', width: 6, align: 'left' });
    const parsed = parseTemplates({ json: [bad] });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.issues.map((i) => i.message)).toEqual(
        expect.arrayContaining(['Trường "envelopeMark" không có trong Sổ chuyển giao bí mật nhà nước', 'Cột trùng mã: notes']),
      );
    }
    expect(BOOK_FIELDS.SO_CHUYEN_GIAO).not.toContain('envelopeMark');
  });
});
