import { describe, expect, it } from 'vitest';
import { canonicalJson, computeRecordHash, GENESIS_HASH, verifyChain, type ChainRecord } from './audit.chain.ts';

function buildChain(n: number): ChainRecord[] {
  const out: ChainRecord[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const r = {
      id: `aud_${i}`,
      chain: 'unt_x',
      seq: i,
      at: `2026-11-0${(i % 9) + 1}T00:00:00.000Z`,
      type: 'unit.created',
      actorId: 'acc_1',
      subjectId: null,
      data: canonicalJson({ n: i }),
      prevHash: prev,
    };
    const hash = computeRecordHash(r);
    out.push({ ...r, hash });
    prev = hash;
  }
  return out;
}
const headOf = (c: ChainRecord[]) => ({ seq: c.at(-1)!.seq, hash: c.at(-1)!.hash });

describe('audit hash chain', () => {
  it('accepts an intact chain', () => {
    const chain = buildChain(6);
    expect(verifyChain(chain, headOf(chain))).toEqual({ ok: true, records: 6 });
  });

  it('serialises canonically: key order does not change the text', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(canonicalJson({ a: { c: null, d: [1, { x: 1, y: 2 }] }, b: 1 }));
  });

  it('length-prefixes fields so that moving text between fields changes the hash', () => {
    const base = { chain: 'c', at: 't', type: 'ab', actorId: 'c', subjectId: null, data: '{}', prevHash: GENESIS_HASH };
    expect(computeRecordHash(base)).not.toBe(computeRecordHash({ ...base, type: 'a', actorId: 'bc' }));
  });

  it('reports an edited record as EDITED', () => {
    const chain = buildChain(5);
    chain[2] = { ...chain[2]!, data: canonicalJson({ n: 99 }) };
    expect(verifyChain(chain, headOf(chain))).toMatchObject({ ok: false, firstBreak: { seq: 3, kind: 'EDITED' } });
  });

  it('reports an edited record whose hash was recomputed as EDITED', () => {
    const chain = buildChain(5);
    const edited = { ...chain[1]!, data: canonicalJson({ n: 42 }) };
    chain[1] = { ...edited, hash: computeRecordHash(edited) };
    expect(verifyChain(chain, headOf(chain))).toMatchObject({ ok: false, firstBreak: { seq: 2, kind: 'EDITED' } });
  });

  it('reports a deleted record as DELETED at the record after the gap', () => {
    const chain = buildChain(5);
    chain.splice(2, 1);
    expect(verifyChain(chain, { seq: 5, hash: buildChain(5)[4]!.hash })).toMatchObject({
      ok: false,
      firstBreak: { seq: 4, kind: 'DELETED' },
    });
  });

  it('reports a deleted last record through the chain head', () => {
    const full = buildChain(5);
    const chain = full.slice(0, 4);
    expect(verifyChain(chain, headOf(full))).toMatchObject({ ok: false, firstBreak: { seq: 5, kind: 'DELETED' } });
  });

  it('reports an inserted record as INSERTED, even when renumbered and correctly linked', () => {
    const chain = buildChain(4);
    const forged = { id: 'aud_f', chain: 'unt_x', seq: 3, at: chain[1]!.at, type: 'unit.created', actorId: 'acc_9', subjectId: null, data: '{}', prevHash: chain[1]!.hash };
    const renumbered = [chain[0]!, chain[1]!, { ...forged, hash: computeRecordHash(forged) }, { ...chain[2]!, seq: 4 }, { ...chain[3]!, seq: 5 }];
    expect(verifyChain(renumbered, headOf(chain))).toMatchObject({ ok: false, firstBreak: { recordId: 'aud_f', kind: 'INSERTED' } });
  });

  it('reports an inserted record with a made-up link as INSERTED', () => {
    const chain = buildChain(4);
    const forged = { id: 'aud_f', chain: 'unt_x', seq: 3, at: chain[1]!.at, type: 'x', actorId: null, subjectId: null, data: '{}', prevHash: 'f'.repeat(64) };
    const renumbered = [chain[0]!, chain[1]!, { ...forged, hash: computeRecordHash(forged) }, { ...chain[2]!, seq: 4 }, { ...chain[3]!, seq: 5 }];
    expect(verifyChain(renumbered, headOf(chain))).toMatchObject({ ok: false, firstBreak: { recordId: 'aud_f', kind: 'INSERTED' } });
  });

  it('reports two swapped records as REORDERED', () => {
    const chain = buildChain(5);
    const swapped = [chain[0]!, chain[1]!, { ...chain[3]!, seq: 3 }, { ...chain[2]!, seq: 4 }, chain[4]!];
    expect(verifyChain(swapped, headOf(chain))).toMatchObject({ ok: false, firstBreak: { seq: 3, kind: 'REORDERED' } });
  });

  it('reports a record appended without moving the head as INSERTED', () => {
    const chain = buildChain(3);
    const head = headOf(chain);
    const extra = { id: 'aud_x', chain: 'unt_x', seq: 4, at: 't', type: 'x', actorId: null, subjectId: null, data: '{}', prevHash: chain[2]!.hash };
    chain.push({ ...extra, hash: computeRecordHash(extra) });
    expect(verifyChain(chain, head)).toMatchObject({ ok: false, firstBreak: { seq: 4, kind: 'INSERTED' } });
  });
});
