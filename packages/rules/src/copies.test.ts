import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkCopyExecution, checkCopyRequest, checkDevice, numberCopies } from './copies.ts';
import { RULE_SET_2018, RULE_SET_2025 } from './rule-set.ts';

const rs = RULE_SET_2025;

describe('copying and photographing', () => {
  it('R5.8: refuses to copy an item determined "không được phép sao, chụp"', () => {
    const r = checkCopyRequest({ copyPermitted: false, requestedCount: 2, ruleSet: rs });
    expect(r).toMatchObject({ ok: false, code: 'rules.copy_not_permitted', rule: 'R5.8', confirmed: false });
    // A later permitting decision counts only when the rule set allows it (it does not by default).
    expect(checkCopyRequest({ copyPermitted: false, requestedCount: 2, laterPermissionRef: '05/QĐ', ruleSet: rs }).ok).toBe(false);
    const allowing = structuredClone(rs);
    allowing.copying.laterPermissionAllowed = true;
    expect(checkCopyRequest({ copyPermitted: false, requestedCount: 2, laterPermissionRef: '05/QĐ', ruleSet: allowing }).ok).toBe(true);
    expect(checkCopyRequest({ copyPermitted: false, requestedCount: 2, laterPermissionRef: ' ', ruleSet: allowing }).ok).toBe(false);
  });

  it('R5.4: accepts a permitted request for one or more copies, refuses zero', () => {
    expect(checkCopyRequest({ copyPermitted: true, requestedCount: 2, ruleSet: rs })).toMatchObject({ ok: true, requestedCount: 2 });
    expect(checkCopyRequest({ copyPermitted: true, requestedCount: 0, ruleSet: rs })).toMatchObject({ ok: false, code: 'rules.copy_count_invalid' });
  });

  it('R5.4: refuses more copies than authorised, counting those already made', () => {
    expect(checkCopyExecution({ authorisedCount: 3, madeCount: 3, ruleSet: rs })).toMatchObject({ ok: true, remaining: 0 });
    const r = checkCopyExecution({ authorisedCount: 3, alreadyMade: 2, madeCount: 2, ruleSet: rs });
    expect(r).toMatchObject({ ok: false, code: 'rules.copy_over_count', rule: 'R5.4' });
    if (!r.ok) expect(r.reason).toBe('Chỉ được sao, chụp 3 bản theo cho phép; đã sao 2 bản, không thể thêm 2 bản.');
  });

  it('R5.4: refuses a copy record whose spoiled or surplus copies are not all destroyed', () => {
    expect(checkCopyExecution({ authorisedCount: 2, madeCount: 2, spoiledCount: 1, spoiledDestroyedCount: 0, ruleSet: rs })).toMatchObject({
      ok: false,
      code: 'rules.spoiled_copies_not_destroyed',
    });
    expect(checkCopyExecution({ authorisedCount: 2, madeCount: 2, spoiledCount: 1, spoiledDestroyedCount: 1, ruleSet: rs }).ok).toBe(true);
  });

  it('R5.4 (property): accepted exactly when the total stays within the authorised count and spoilage is destroyed', () => {
    const n = fc.integer({ min: 0, max: 20 });
    fc.assert(
      fc.property(n, n, n, n, n, (authorisedCount, alreadyMade, madeCount, spoiledCount, spoiledDestroyedCount) => {
        const r = checkCopyExecution({ authorisedCount, alreadyMade, madeCount, spoiledCount, spoiledDestroyedCount, ruleSet: rs });
        return r.ok === (alreadyMade + madeCount <= authorisedCount && spoiledDestroyedCount >= spoiledCount);
      }),
    );
  });

  it('R5.7: numbers the copies of a batch "Bản sao số 1" to n', () => {
    expect(numberCopies({ count: 3 })).toEqual([
      { number: 1, label: 'Bản sao số 1' },
      { number: 2, label: 'Bản sao số 2' },
      { number: 3, label: 'Bản sao số 3' },
    ]);
    expect(numberCopies({ count: 0 })).toEqual([]);
    expect(() => numberCopies({ count: -1 })).toThrow();
  });

  it('R5.5, R12.1: under the 2018 regime only never-connected or cơ yếu devices may be used', () => {
    const on = '2025-01-10';
    expect(checkDevice({ networkStatus: 'AIR_GAPPED_NEVER_CONNECTED', everConnected: false, actionDate: on, ruleSet: RULE_SET_2018 }).ok).toBe(true);
    expect(checkDevice({ networkStatus: 'INDEPENDENT_LAN', everConnected: false, actionDate: on, ruleSet: RULE_SET_2018 })).toMatchObject({
      ok: false,
      code: 'rules.device_network_not_allowed',
    });
    expect(checkDevice({ networkStatus: 'AIR_GAPPED_NEVER_CONNECTED', everConnected: true, actionDate: on, ruleSet: RULE_SET_2018 })).toMatchObject({
      ok: false,
      code: 'rules.device_was_connected',
    });
  });

  it('R5.5, R12.1: from 01/3/2026 an independent LAN is allowed and a past connection no longer disqualifies', () => {
    const on = '2026-03-01';
    expect(checkDevice({ networkStatus: 'INDEPENDENT_LAN', everConnected: true, actionDate: on, ruleSet: RULE_SET_2025 }).ok).toBe(true);
    expect(checkDevice({ networkStatus: 'CONNECTED', everConnected: true, actionDate: on, ruleSet: RULE_SET_2025 })).toMatchObject({ ok: false, rule: 'R12.1' });
    expect(checkDevice({ networkStatus: 'INDEPENDENT_LAN', everConnected: false, actionDate: '2026-02-28', ruleSet: RULE_SET_2025 })).toMatchObject({
      ok: false,
      code: 'rules.rule_set_not_in_force',
    });
  });
});
