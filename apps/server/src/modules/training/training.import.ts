import { foldForSearch, type AttendanceImportProblem, type AttendanceImportReport } from '@bmnn/contracts';
import type { AppContext } from '../../platform/context.ts';
import { inTransaction } from '../../platform/context.ts';
import { errors } from '../../platform/errors.ts';
import { canManageTrainingOf, canSeePeopleOf, type Actor } from '../access/access.policies.ts';
import { cellString, detectImportFileKind, isBlankRow, readSpreadsheet, type RawRow } from '../../platform/spreadsheet-import.ts';
import { addAttendeesInTransaction, getVisibleSessionRow } from './training.usecases.ts';

// The attendance list of a training session imported from Excel (R11.5). Each row names a person
// by "Mã cán bộ" (the person's id in BMNN) or by full name and unit (code or name), accents and
// case ignored. A dry run reports every problem by row; the real import adds all rows or none.
// The file is read by the shared spreadsheet reader (platform/spreadsheet-import.ts).

export const ATTENDANCE_COLUMNS = { code: 'Mã cán bộ', fullName: 'Họ và tên', unit: 'Đơn vị' } as const;
type Column = keyof typeof ATTENDANCE_COLUMNS;
export const ATTENDANCE_MAX_ROWS = 2000;

/** Finds each named column in the header row, ignoring accents and case (first match wins). */
function mapHeaderColumns<F extends string>(header: RawRow, columns: Record<F, string>): Map<F, number> {
  const columnOf = new Map<F, number>();
  header.cells.forEach((cell, index) => {
    const field = (Object.keys(columns) as F[]).find((f) => foldForSearch(columns[f]) === foldForSearch(String(cell ?? '')));
    if (field && !columnOf.has(field)) columnOf.set(field, index);
  });
  return columnOf;
}

export async function importTrainingAttendance(ctx: AppContext, { actor, sessionId, file, dryRun }: { actor: Actor; sessionId: string; file: Buffer; dryRun: boolean }): Promise<{ report: AttendanceImportReport; imported: number | null }> {
  const session = await getVisibleSessionRow(ctx, actor, sessionId);
  if (!canManageTrainingOf({ actor, unitId: session.unit_id })) throw errors.forbidden();
  const fail = (message: string): { report: AttendanceImportReport; imported: null } => ({ report: { ok: false, rows: 0, problems: [{ row: 0, column: null, message }], matched: [] }, imported: null });

  if (detectImportFileKind(file) !== 'xlsx') return fail('Không đọc được tệp: chỉ nhận Excel (.xlsx)');
  const sheet = await readSpreadsheet(file, { maxRows: ATTENDANCE_MAX_ROWS });
  if (!sheet.ok) return fail(sheet.message);
  const { header, rows } = sheet;
  const columnOf = mapHeaderColumns(header, ATTENDANCE_COLUMNS);
  if (!columnOf.has('code') && !(columnOf.has('fullName') && columnOf.has('unit'))) {
    return { report: { ok: false, rows: rows.length, problems: [{ row: header.row, column: null, message: 'Thiếu cột: cần cột "Mã cán bộ" hoặc hai cột "Họ và tên" và "Đơn vị"' }], matched: [] }, imported: null };
  }

  // Everyone the actor may see, indexed by id and by folded name within a unit.
  const [people, units] = await Promise.all([ctx.db.selectFrom('people').select(['id', 'unit_id', 'full_name', 'full_name_folded']).execute(), ctx.db.selectFrom('units').select(['id', 'code', 'name']).execute()]);
  const visible = people.filter((p) => canSeePeopleOf({ actor, unitId: p.unit_id }));
  const byId = new Map(visible.map((p) => [p.id, p]));
  const byUnitAndName = new Map<string, typeof visible>();
  for (const p of visible) {
    const key = `${p.unit_id}\u0000${p.full_name_folded}`;
    byUnitAndName.set(key, [...(byUnitAndName.get(key) ?? []), p]);
  }
  const unitsByKey = new Map<string, string[]>();
  for (const u of units) {
    if (!canSeePeopleOf({ actor, unitId: u.id })) continue;
    for (const key of new Set([foldForSearch(u.code), foldForSearch(u.name)])) unitsByKey.set(key, [...(unitsByKey.get(key) ?? []), u.id]);
  }
  const attending = new Set((await ctx.db.selectFrom('training_attendees').select('person_id').where('session_id', '=', session.id).execute()).map((r) => r.person_id));

  const problems: AttendanceImportProblem[] = [];
  const matched: AttendanceImportReport['matched'] = [];
  const seen = new Map<string, number>();
  let dataRows = 0;
  for (const r of rows) {
    const get = (c: Column) => {
      const i = columnOf.get(c);
      return i === undefined ? '' : cellString(r.cells[i]);
    };
    if (isBlankRow(r)) continue;
    dataRows += 1;
    const problem = (c: Column | null, message: string) => problems.push({ row: r.row, column: c ? ATTENDANCE_COLUMNS[c] : null, message });
    let person: (typeof visible)[number] | undefined;
    const code = get('code');
    const name = get('fullName');
    const unitText = get('unit');
    if (code) {
      person = byId.get(code);
      if (!person) {
        problem('code', `Không tìm thấy cán bộ có mã "${code}"`);
        continue;
      }
      if (name && foldForSearch(name) !== person.full_name_folded) {
        problem('fullName', `Họ tên "${name}" không khớp với cán bộ có mã "${code}" (${person.full_name})`);
        continue;
      }
    } else {
      if (!name) problem('fullName', 'Thiếu họ và tên (hoặc mã cán bộ)');
      if (!unitText) problem('unit', 'Thiếu đơn vị (mã hoặc tên đơn vị)');
      if (!name || !unitText) continue;
      const unitIds = unitsByKey.get(foldForSearch(unitText)) ?? [];
      if (unitIds.length === 0) {
        problem('unit', `Không tìm thấy đơn vị "${unitText}"`);
        continue;
      }
      const candidates = unitIds.flatMap((u) => byUnitAndName.get(`${u}\u0000${foldForSearch(name)}`) ?? []);
      if (candidates.length === 0) {
        problem('fullName', `Không tìm thấy cán bộ "${name}" thuộc đơn vị "${unitText}"`);
        continue;
      }
      if (candidates.length > 1) {
        problem('fullName', `Có ${candidates.length} cán bộ tên "${name}" thuộc đơn vị "${unitText}": ghi thêm mã cán bộ`);
        continue;
      }
      person = candidates[0]!;
    }
    const earlier = seen.get(person.id);
    if (earlier !== undefined) {
      problem(code ? 'code' : 'fullName', `Trùng với dòng ${earlier}: ${person.full_name}`);
      continue;
    }
    seen.set(person.id, r.row);
    matched.push({ row: r.row, personId: person.id, fullName: person.full_name, alreadyAttending: attending.has(person.id) });
  }
  if (dataRows === 0) problems.push({ row: 0, column: null, message: 'Tệp không có dòng dữ liệu nào' });
  const report: AttendanceImportReport = { ok: problems.length === 0, rows: dataRows, problems, matched };
  if (!report.ok || dryRun) return { report, imported: null };
  // All or nothing: every row matched, so every person is added in one transaction.
  const toAdd = matched.map((m) => byId.get(m.personId)!);
  const imported = await inTransaction(ctx, (scope) => addAttendeesInTransaction(scope, { actor, session, people: toAdd, source: 'import' }));
  return { report, imported };
}
