import { describe, expect, it } from 'vitest';
import { computeCoverage, isTrainingCurrent, listSessionChanges, monthsBefore, percentOf } from './training.rules.ts';

describe('training coverage rules (R11.5)', () => {
  it('R11.5: the window counts calendar months back, clamped to the end of a shorter month', () => {
    expect(monthsBefore('2026-11-23', 12)).toBe('2025-11-23');
    expect(monthsBefore('2026-03-31', 1)).toBe('2026-02-28');
    expect(monthsBefore('2024-03-31', 1)).toBe('2024-02-29');
    expect(monthsBefore('2026-01-15', 24)).toBe('2024-01-15');
  });

  it('R11.5: a training on the first day of the window still counts; never trained never does', () => {
    expect(isTrainingCurrent('2025-11-23', '2025-11-23')).toBe(true);
    expect(isTrainingCurrent('2025-11-22', '2025-11-23')).toBe(false);
    expect(isTrainingCurrent(null, '2025-11-23')).toBe(false);
  });

  it('R11.5: coverage per unit is the share of secret-handling staff trained inside the window', () => {
    const byUnit = computeCoverage(
      [
        { unitId: 'a', lastTrainedOn: '2026-10-01' },
        { unitId: 'a', lastTrainedOn: null },
        { unitId: 'a', lastTrainedOn: '2024-01-01' },
        { unitId: 'b', lastTrainedOn: '2026-01-01' },
      ],
      '2025-11-23',
    );
    expect(Object.fromEntries(byUnit)).toEqual({ a: { secretStaff: 3, trained: 1 }, b: { secretStaff: 1, trained: 1 } });
    expect(percentOf(1, 3)).toBe(33.3);
    expect(percentOf(0, 0)).toBe(0);
  });

  it('R11.5: a correction lists only the fields it changes, before and after; an empty material is none', () => {
    const current = { topic: 'Tập huấn năm 2026', kind: 'TAP_HUAN', heldOn: '2026-10-01', organiser: 'Công an tỉnh', material: 'Tài liệu', result: null };
    expect(listSessionChanges({ current, input: { topic: 'Tập huấn năm 2026', heldOn: '2026-10-02', organiser: undefined, result: 'Đạt' } })).toEqual({
      before: { heldOn: '2026-10-01', result: null },
      after: { heldOn: '2026-10-02', result: 'Đạt' },
    });
    expect(listSessionChanges({ current, input: { material: '' } })).toEqual({ before: { material: 'Tài liệu' }, after: { material: null } });
    expect(listSessionChanges({ current, input: { result: '' } })).toEqual({ before: {}, after: {} });
    expect(listSessionChanges({ current, input: {} })).toEqual({ before: {}, after: {} });
  });
});
