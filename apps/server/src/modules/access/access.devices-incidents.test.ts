import { describe, expect, it } from 'vitest';
import {
  canHandleIncidentsOf,
  canManageDevicesOf,
  canManageSecretWorkOf,
  canOpenIncidentIn,
  canSeeDevicesOf,
  canSeeIncidentsOf,
  deviceUnitScope,
  incidentUnitScope,
  type Actor,
} from './access.policies.ts';

const actor = (over: Partial<Actor> = {}): Actor => ({
  accountId: 'acc_a',
  personId: 'psn_a',
  unitId: 'unt_a',
  roles: ['CAN_BO'],
  clearance: 'MAT',
  scopeUnitIds: new Set(['unt_a', 'unt_a1']),
  ...over,
});

describe('who sees and keeps the device register (LEGAL.md R12)', () => {
  it('shows the devices of the unit scope to everyone in it, and all devices to province-wide roles', () => {
    expect(canSeeDevicesOf({ actor: actor(), unitId: 'unt_a1' })).toBe(true);
    expect(canSeeDevicesOf({ actor: actor(), unitId: 'unt_b' })).toBe(false);
    expect(canSeeDevicesOf({ actor: actor({ roles: ['BAN_CHI_DAO'] }), unitId: 'unt_b' })).toBe(true);
    expect(deviceUnitScope(actor({ roles: ['THANH_TRA'] }))).toBe('all');
    expect(deviceUnitScope(actor())).toEqual(['unt_a', 'unt_a1']);
  });

  it('lets only the security officer and the head of the scope keep the register', () => {
    expect(canManageDevicesOf({ actor: actor({ roles: ['CAN_BO_BAO_MAT'] }), unitId: 'unt_a1' })).toBe(true);
    expect(canManageDevicesOf({ actor: actor({ roles: ['LANH_DAO'] }), unitId: 'unt_b' })).toBe(false);
    expect(canManageDevicesOf({ actor: actor({ roles: ['QUAN_TRI'] }), unitId: 'unt_a' })).toBe(false);
    expect(canManageDevicesOf({ actor: actor(), unitId: 'unt_a' })).toBe(false);
  });
});

describe('who sees and handles incidents (LEGAL.md §13)', () => {
  it('lets anyone in the scope report and see incidents, but never an account that is only an administrator', () => {
    expect(canOpenIncidentIn({ actor: actor(), unitId: 'unt_a' })).toBe(true);
    expect(canSeeIncidentsOf({ actor: actor(), unitId: 'unt_a1' })).toBe(true);
    const admin = actor({ roles: ['QUAN_TRI'] });
    expect(canSeeIncidentsOf({ actor: admin, unitId: 'unt_a' })).toBe(false);
    expect(canOpenIncidentIn({ actor: admin, unitId: 'unt_a' })).toBe(false);
    expect(incidentUnitScope(admin)).toEqual([]);
  });

  it('gives the steering committee and inspectors every incident, and lets Công an tỉnh handle them', () => {
    const province = actor({ roles: ['BAN_CHI_DAO'], scopeUnitIds: new Set(['unt_p']) });
    expect(canSeeIncidentsOf({ actor: province, unitId: 'unt_b' })).toBe(true);
    expect(incidentUnitScope(province)).toBe('all');
    expect(canHandleIncidentsOf({ actor: province, unitId: 'unt_b' })).toBe(true);
    expect(canHandleIncidentsOf({ actor: actor({ roles: ['THANH_TRA'] }), unitId: 'unt_a' })).toBe(false);
    expect(canHandleIncidentsOf({ actor: actor({ roles: ['CAN_BO_BAO_MAT'] }), unitId: 'unt_a' })).toBe(true);
    expect(canHandleIncidentsOf({ actor: actor(), unitId: 'unt_a' })).toBe(false);
  });
});

describe('who manages secret work (LEGAL.md R11.3, R11.4)', () => {
  it('lets the security officer and the head of the scope assign, take commitments and recover items', () => {
    expect(canManageSecretWorkOf({ actor: actor({ roles: ['LANH_DAO'] }), unitId: 'unt_a1' })).toBe(true);
    expect(canManageSecretWorkOf({ actor: actor({ roles: ['CAN_BO_BAO_MAT'] }), unitId: 'unt_b' })).toBe(false);
    expect(canManageSecretWorkOf({ actor: actor({ roles: ['VAN_THU'] }), unitId: 'unt_a' })).toBe(false);
  });
});
