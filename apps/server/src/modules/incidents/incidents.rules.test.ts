import { describe, expect, it } from 'vitest';
import { computeReportClock, itemEffectOf, percentOf, yearInVietnam } from './incidents.rules.ts';

describe('incident rules', () => {
  it('R1.1: a loss (mất) makes the item LOST, a disclosure (lộ) makes it DISCLOSED', () => {
    expect(itemEffectOf('MAT')).toBe('LOST');
    expect(itemEffectOf('LO')).toBe('DISCLOSED');
  });

  it('R13.1: says "report now" until the head and Công an tỉnh are both notified', () => {
    const discoveredAt = '2026-11-23T01:00:00Z';
    const now = new Date('2026-11-23T04:30:00Z');
    expect(computeReportClock({ discoveredAt, notifications: [], now })).toEqual({ reportNow: true, pending: ['HEAD', 'CONG_AN_TINH'], reportedAt: null, minutesSinceDiscovery: 210 });
    const headOnly = computeReportClock({ discoveredAt, notifications: [{ recipient: 'HEAD', notifiedAt: '2026-11-23T01:30:00Z' }, { recipient: 'DETERMINING_BODY', notifiedAt: '2026-11-23T01:40:00Z' }], now });
    expect(headOnly).toMatchObject({ reportNow: true, pending: ['CONG_AN_TINH'] });
    const both = computeReportClock({
      discoveredAt,
      notifications: [
        { recipient: 'CONG_AN_TINH', notifiedAt: '2026-11-23T03:00:00Z' },
        { recipient: 'HEAD', notifiedAt: '2026-11-23T01:30:00Z' },
        { recipient: 'CONG_AN_TINH', notifiedAt: '2026-11-23T04:00:00Z' },
      ],
      now,
    });
    // The clock stops at the later of the two first notifications.
    expect(both).toEqual({ reportNow: false, pending: [], reportedAt: '2026-11-23T03:00:00Z', minutesSinceDiscovery: 120 });
  });

  it('computes shares with one decimal like the directives, and zero of nothing', () => {
    expect(percentOf(44, 63)).toBe(69.8);
    expect(percentOf(1, 63)).toBe(1.6);
    expect(percentOf(5, 63)).toBe(7.9);
    expect(percentOf(0, 0)).toBe(0);
  });

  it('counts an incident in the year of its discovery in Vietnam', () => {
    expect(yearInVietnam('2025-12-31T18:00:00Z')).toBe(2026);
    expect(yearInVietnam('2025-12-31T16:00:00Z')).toBe(2025);
  });
});
