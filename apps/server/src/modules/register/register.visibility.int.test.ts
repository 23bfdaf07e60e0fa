import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLEARANCES, LEVELS, type Clearance, type Role } from '@bmnn/contracts';
import { createTestApp, createTestUnit, DATABASE_KINDS, type TestApp } from '../../testing/test-context.ts';
import { createPerson } from '../people/people.usecases.ts';
import { findSubtreeUnitIds } from '../access/access.actor.ts';
import { canSeeItem, type Actor } from '../access/access.policies.ts';
import { listItems } from './register.usecases.ts';

// The list query must show exactly what the policy allows: a random register is built, and for
// every kind of actor the SQL filter (visibleItemsFilter) is compared with canSeeItem item by item.

const ROLE_SETS: Role[][] = [['CAN_BO'], ['VAN_THU'], ['LANH_DAO'], ['QUAN_TRI'], ['BAN_CHI_DAO'], ['CAN_BO', 'LANH_DAO']];

describe.each(DATABASE_KINDS)('item visibility: SQL filter and policy agree on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => {
    await t.close();
  });

  it('for random registers and every actor kind', async () => {
    const root = await createTestUnit(t, { parentId: null, code: 'ROOT', name: 'Tỉnh', kind: 'TINH' });
    const a = await createTestUnit(t, { parentId: root.id, code: 'A', name: 'Sở A' });
    const a1 = await createTestUnit(t, { parentId: a.id, code: 'A1', name: 'Phòng A1', kind: 'PHONG_BAN' });
    const b = await createTestUnit(t, { parentId: root.id, code: 'B', name: 'Sở B' });
    const units = [a.id, a1.id, b.id];
    const people: Array<{ id: string; unitId: string }> = [];
    for (const unitId of units) {
      for (let i = 0; i < 2; i++) {
        const { person } = await createPerson(t.ctx, { actor: null, input: { fullName: `Người ${people.length}`, unitId } });
        people.push({ id: person.id, unitId });
      }
    }
    const now = new Date('2026-11-23T03:00:00Z');
    t.setClock(() => now);

    const itemArb = fc.record({
      unit: fc.constantFrom(...units),
      level: fc.constantFrom(...LEVELS),
      custodian: fc.option(fc.constantFrom(...people.map((p) => p.id)), { nil: null }),
      status: fc.constantFrom('REGISTERED', 'RECEIVED'),
      symbol: fc.constantFrom('KH', 'BC'),
      grants: fc.array(fc.record({ person: fc.constantFrom(...people.map((p) => p.id)), expires: fc.constantFrom('2026-11-22', '2026-11-23', '2027-01-01'), revoked: fc.boolean() }), { maxLength: 2 }),
    });

    let world = 0;
    await fc.assert(
      // Each world is listed one way: the whole list, a fixed status (one part per unit and
      // level), a short needle (walked) or a needle looked up in the trigram index first.
      fc.asyncProperty(fc.array(itemArb, { minLength: 5, maxLength: 25 }), fc.constantFrom<Record<string, string>>({}, { status: 'REGISTERED' }, { q: 'kh' }, { q: '/kh' }, { q: '/kh', status: 'REGISTERED' }), async (items, query) => {
        world++;
        await t.ctx.db.deleteFrom('access_grants').execute();
        await t.ctx.db.deleteFrom('items').execute();
        const facts = new Map<string, Parameters<typeof canSeeItem>[0]['item']>();
        const matches = new Set<string>();
        for (const [n, it] of items.entries()) {
          const id = `itm_w${world}n${n}xxxxxxxxxxx`;
          const iso = now.toISOString();
          await t.ctx.db.insertInto('items').values({ id, unit_id: it.unit, level: it.level, so_ky_hieu: `${n}/${it.symbol}`, so_ky_hieu_folded: `${n}/${it.symbol.toLowerCase()}`, trich_yeu: null, trich_yeu_folded: null, trich_yeu_consent_by: null, custodian_id: it.custodian, status: it.status, created_by: 'x', created_at: iso, updated_at: iso }).execute();
          for (const [g, gr] of it.grants.entries()) {
            await t.ctx.db.insertInto('access_grants').values({ id: `grt_w${world}n${n}g${g}xxxxxxxx`, unit_id: it.unit, item_id: id, person_id: gr.person, granted_by: 'x', reason: 'r', expires_at: gr.expires, created_at: iso, revoked_at: gr.revoked ? iso : null }).execute();
          }
          if ((!query.status || query.status === it.status) && (!query.q || `${n}/${it.symbol.toLowerCase()}`.includes(query.q))) matches.add(id);
          facts.set(id, { unitId: it.unit, level: it.level, custodianId: it.custodian, grants: it.grants.map((g) => ({ personId: g.person, expiresAt: g.expires, revokedAt: g.revoked ? iso : null })) });
        }
        for (const person of people) {
          for (const roles of ROLE_SETS) {
            for (const clearance of CLEARANCES as readonly Clearance[]) {
              const actor: Actor = { accountId: 'acc_x', personId: person.id, unitId: person.unitId, roles, clearance, scopeUnitIds: new Set(await findSubtreeUnitIds(t.ctx.db, person.unitId)) };
              const listed = (await listItems(t.ctx, { actor, query })).items.map((i) => i.id).sort();
              const allowed = [...facts.entries()].filter(([id, item]) => matches.has(id) && canSeeItem({ actor, item, now })).map(([id]) => id).sort();
              expect(listed).toEqual(allowed);
            }
          }
        }
      }),
      { numRuns: 8 },
    );
  }, 120_000);
});
