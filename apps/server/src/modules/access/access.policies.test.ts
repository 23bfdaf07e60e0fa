import { describe, expect, it } from 'vitest';
import { canGrantItemAccess, canRegisterItem, canSeeItem, canSeePeopleOf, isClearedFor, type Actor, type ItemAccessFacts } from './access.policies.ts';

const now = new Date('2026-11-23T03:00:00Z');
const actor = (over: Partial<Actor> = {}): Actor => ({
  accountId: 'acc_a',
  personId: 'psn_a',
  unitId: 'unt_a',
  roles: ['CAN_BO'],
  clearance: 'TOI_MAT',
  scopeUnitIds: new Set(['unt_a', 'unt_a1']),
  ...over,
});
const item = (over: Partial<ItemAccessFacts> = {}): ItemAccessFacts => ({ unitId: 'unt_a', level: 'MAT', custodianId: null, ...over });

describe('clearance ordering (LEGAL.md R3.1)', () => {
  it('orders Tuyệt mật above Tối mật above Mật, and none below all', () => {
    expect(isClearedFor('TUYET_MAT', 'TUYET_MAT')).toBe(true);
    expect(isClearedFor('TOI_MAT', 'TUYET_MAT')).toBe(false);
    expect(isClearedFor('TOI_MAT', 'MAT')).toBe(true);
    expect(isClearedFor('MAT', 'TOI_MAT')).toBe(false);
    expect(isClearedFor('NONE', 'MAT')).toBe(false);
  });
});

describe('seeing an item: clearance and need-to-know (DESIGN.md §5)', () => {
  it('lets the custodian see an item at or below their clearance', () => {
    expect(canSeeItem({ actor: actor(), item: item({ custodianId: 'psn_a', level: 'TOI_MAT' }), now })).toBe(true);
  });

  it('hides an item above the custodian clearance even from its custodian', () => {
    expect(canSeeItem({ actor: actor(), item: item({ custodianId: 'psn_a', level: 'TUYET_MAT' }), now })).toBe(false);
  });

  it('hides an item from a cleared staff member with no reason to know', () => {
    expect(canSeeItem({ actor: actor({ clearance: 'TUYET_MAT' }), item: item(), now })).toBe(false);
  });

  it('lets the clerk and the head see items of units in their scope only', () => {
    expect(canSeeItem({ actor: actor({ roles: ['VAN_THU'] }), item: item({ unitId: 'unt_a1' }), now })).toBe(true);
    expect(canSeeItem({ actor: actor({ roles: ['LANH_DAO'] }), item: item({ unitId: 'unt_b' }), now })).toBe(false);
  });

  it('lets a named recipient see the item', () => {
    expect(canSeeItem({ actor: actor(), item: item({ recipientIds: ['psn_a'] }), now })).toBe(true);
  });

  it('honours an explicit grant until it expires or is revoked', () => {
    const grant = { personId: 'psn_a', expiresAt: '2026-11-23' };
    expect(canSeeItem({ actor: actor(), item: item({ grants: [grant] }), now })).toBe(true);
    expect(canSeeItem({ actor: actor(), item: item({ grants: [{ ...grant, expiresAt: '2026-11-22' }] }), now })).toBe(false);
    expect(canSeeItem({ actor: actor(), item: item({ grants: [{ ...grant, revokedAt: '2026-11-20T00:00:00Z' }] }), now })).toBe(false);
    expect(canSeeItem({ actor: actor(), item: item({ grants: [{ ...grant, personId: 'psn_b' }] }), now })).toBe(false);
  });

  it('gives the administrator and the steering committee no item access by office', () => {
    for (const roles of [['QUAN_TRI'], ['BAN_CHI_DAO'], ['THANH_TRA']] as const) {
      expect(canSeeItem({ actor: actor({ roles: [...roles], clearance: 'TUYET_MAT' }), item: item(), now })).toBe(false);
    }
  });
});

describe('registering and granting', () => {
  it('lets the clerk register items only in scope and within clearance', () => {
    const clerk = actor({ roles: ['VAN_THU'] });
    expect(canRegisterItem({ actor: clerk, unitId: 'unt_a', level: 'TOI_MAT' })).toBe(true);
    expect(canRegisterItem({ actor: clerk, unitId: 'unt_a', level: 'TUYET_MAT' })).toBe(false);
    expect(canRegisterItem({ actor: clerk, unitId: 'unt_b', level: 'MAT' })).toBe(false);
    expect(canRegisterItem({ actor: actor(), unitId: 'unt_a', level: 'MAT' })).toBe(false);
  });

  it('lets only a head who can see the item grant access to it', () => {
    expect(canGrantItemAccess({ actor: actor({ roles: ['LANH_DAO'] }), item: item(), now })).toBe(true);
    expect(canGrantItemAccess({ actor: actor({ roles: ['VAN_THU'] }), item: item(), now })).toBe(false);
    expect(canGrantItemAccess({ actor: actor({ roles: ['LANH_DAO'], clearance: 'MAT' }), item: item({ level: 'TOI_MAT' }), now })).toBe(false);
  });
});

describe('people visibility', () => {
  it('shows people of the actor scope, and everyone to province-wide roles', () => {
    expect(canSeePeopleOf({ actor: actor(), unitId: 'unt_a1' })).toBe(true);
    expect(canSeePeopleOf({ actor: actor(), unitId: 'unt_b' })).toBe(false);
    expect(canSeePeopleOf({ actor: actor({ roles: ['BAN_CHI_DAO'] }), unitId: 'unt_b' })).toBe(true);
  });
});
