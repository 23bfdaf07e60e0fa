import { describe, expect, it } from 'vitest';
import { canSeeFile, type Actor } from '../access/access.policies.ts';

const actor = (over: Partial<Actor> = {}): Actor => ({ accountId: 'acc_a', personId: 'psn_a', unitId: 'unt_a', roles: ['CAN_BO'], clearance: 'TOI_MAT', scopeUnitIds: new Set(['unt_a']), ...over });
const file = { unitId: 'unt_a', keeperId: 'psn_k' };

describe('who may see a file (hồ sơ)', () => {
  it('needs clearance for the highest level of all its items, even those the reader does not see', () => {
    expect(canSeeFile({ actor: actor({ clearance: 'MAT' }), file, items: [{ level: 'MAT', visible: true }, { level: 'TOI_MAT', visible: false }] })).toBe(false);
    expect(canSeeFile({ actor: actor(), file, items: [{ level: 'MAT', visible: true }, { level: 'TOI_MAT', visible: false }] })).toBe(true);
  });

  it('is "not found" when every item inside is hidden from the reader', () => {
    expect(canSeeFile({ actor: actor(), file, items: [{ level: 'MAT', visible: false }] })).toBe(false);
  });

  it('shows an empty file only to its keeper and to the clerk or head in scope', () => {
    expect(canSeeFile({ actor: actor(), file, items: [] })).toBe(false);
    expect(canSeeFile({ actor: actor({ personId: 'psn_k' }), file, items: [] })).toBe(true);
    expect(canSeeFile({ actor: actor({ roles: ['VAN_THU'] }), file, items: [] })).toBe(true);
    expect(canSeeFile({ actor: actor({ roles: ['VAN_THU'], scopeUnitIds: new Set(['unt_b']) }), file, items: [] })).toBe(false);
  });
});
