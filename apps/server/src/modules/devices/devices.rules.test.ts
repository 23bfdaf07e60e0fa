import { describe, expect, it } from 'vitest';
import { canTransition, checkDeviceApproval, findUseBlocker, isDeviceApprovedFor, type DeviceApprovalFacts } from './devices.rules.ts';

const laptop = (over: Partial<DeviceApprovalFacts> = {}): DeviceApprovalFacts => ({
  networkStatus: 'AIR_GAPPED_NEVER_CONNECTED',
  everConnected: false,
  approvedUses: ['DRAFT_STORE', 'COPY'],
  status: 'IN_USE',
  ...over,
});

describe('which device may serve a BMNN action (LEGAL.md R12.1)', () => {
  it('approves a never-connected device in use for an approved use, before and after 01/3/2026', () => {
    expect(isDeviceApprovedFor({ device: laptop(), use: 'COPY', actionDate: '2025-06-01' })).toBe(true);
    expect(isDeviceApprovedFor({ device: laptop(), use: 'COPY', actionDate: '2026-11-23' })).toBe(true);
  });

  it('R12.1: never approves a connected device, whatever the date or use', () => {
    for (const actionDate of ['2024-01-01', '2026-03-01', '2030-01-01']) {
      const result = checkDeviceApproval({ device: laptop({ networkStatus: 'CONNECTED', everConnected: true }), use: 'COPY', actionDate });
      expect(result.approved).toBe(false);
      if (!result.approved) expect(result.reason).toMatch(/đang kết nối/);
    }
  });

  it('R12.1: approves an independent LAN only for actions from 01/3/2026 (Law 117/2025)', () => {
    const lan = laptop({ networkStatus: 'INDEPENDENT_LAN' });
    expect(isDeviceApprovedFor({ device: lan, use: 'DRAFT_STORE', actionDate: '2026-02-28' })).toBe(false);
    expect(isDeviceApprovedFor({ device: lan, use: 'DRAFT_STORE', actionDate: '2026-03-01' })).toBe(true);
    expect(isDeviceApprovedFor({ device: lan, use: 'DRAFT_STORE', actionDate: '2026-03-01T08:00:00+07:00' })).toBe(true);
  });

  it('R12.1: under the 2018 regime a device that was ever connected is disqualified; from 01/3/2026 only "currently connected" counts', () => {
    const once = laptop({ networkStatus: 'CO_YEU_APPROVED', everConnected: true });
    expect(isDeviceApprovedFor({ device: once, use: 'COPY', actionDate: '2026-02-28' })).toBe(false);
    expect(isDeviceApprovedFor({ device: once, use: 'COPY', actionDate: '2026-03-01' })).toBe(true);
  });

  it('refuses a use the unit has not approved, and a device that is not in use', () => {
    const result = checkDeviceApproval({ device: laptop({ approvedUses: ['DRAFT_STORE'] }), use: 'COPY', actionDate: '2026-11-23' });
    expect(result).toEqual({ approved: false, reason: 'Thiết bị chưa được phê duyệt cho mục đích "Sao, chụp BMNN"' });
    expect(isDeviceApprovedFor({ device: laptop({ status: 'REPAIR_EXTERNAL' }), use: 'COPY', actionDate: '2026-11-23' })).toBe(false);
    expect(isDeviceApprovedFor({ device: laptop({ status: 'DISPOSED' }), use: 'COPY', actionDate: '2026-11-23' })).toBe(false);
  });
});

describe('putting a device in use (LEGAL.md R12.2)', () => {
  const checked = { lastCheckOn: '2026-10-01', lastCheckResult: 'PASSED' as const, nextCheckDue: '2027-10-01', lastRepairOn: null };

  it('R12.2: needs a passed, valid check when the policy requires one', () => {
    expect(findUseBlocker({ device: checked, requireCheck: true, effectiveDate: '2026-11-23' })).toBeNull();
    expect(findUseBlocker({ device: { ...checked, lastCheckOn: null, lastCheckResult: null }, requireCheck: true, effectiveDate: '2026-11-23' })).toMatch(/chưa được kiểm tra/);
    expect(findUseBlocker({ device: { ...checked, lastCheckResult: 'FAILED' }, requireCheck: true, effectiveDate: '2026-11-23' })).toMatch(/không đạt/);
    expect(findUseBlocker({ device: { ...checked, nextCheckDue: '2026-11-01' }, requireCheck: true, effectiveDate: '2026-11-23' })).toMatch(/hết hạn/);
  });

  it('R12.2: needs a new check after a repair outside', () => {
    expect(findUseBlocker({ device: { ...checked, lastRepairOn: '2026-11-01' }, requireCheck: true, effectiveDate: '2026-11-23' })).toMatch(/sửa chữa/);
    expect(findUseBlocker({ device: { ...checked, lastCheckOn: '2026-11-20', lastRepairOn: '2026-11-01' }, requireCheck: true, effectiveDate: '2026-11-23' })).toBeNull();
  });

  it('R12.2: lets a device in use without a check when the tenant turned the policy off', () => {
    expect(findUseBlocker({ device: { lastCheckOn: null, lastCheckResult: null, nextCheckDue: null, lastRepairOn: null }, requireCheck: false, effectiveDate: '2026-11-23' })).toBeNull();
  });
});

describe('device status changes', () => {
  it('treats disposal as final and a repurposed device as out of secret work', () => {
    expect(canTransition('DISPOSED', 'IN_USE')).toBe(false);
    expect(canTransition('REPURPOSED', 'IN_USE')).toBe(false);
    expect(canTransition('REPURPOSED', 'DISPOSED')).toBe(true);
    expect(canTransition('REPAIR_EXTERNAL', 'IN_USE')).toBe(true);
  });
});
