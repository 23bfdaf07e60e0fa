import { createHash } from 'node:crypto';
import type { AuditBreakKind } from '@bmnn/contracts';

// The hash chain of audit records (pure; no database). Each chain (one per unit, plus 'system')
// links record n to record n-1 by `prevHash`. The hash covers a length-prefixed canonical
// serialisation of the record's content and its prevHash — not the row id and not `seq`, so the
// chain is independent of how rows are numbered and a reordering shows as a reordering.

export const GENESIS_HASH = '0'.repeat(64);

export type ChainRecord = {
  id: string;
  chain: string;
  seq: number;
  at: string;
  type: string;
  actorId: string | null;
  subjectId: string | null;
  /** JSON text exactly as stored. */
  data: string;
  prevHash: string;
  hash: string;
};

/** JSON with object keys sorted at every depth: one text for one value. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** Each field as `<byte length>:<value>`, null as `-`: no two field lists serialise alike. */
function lengthPrefixed(fields: Array<string | null>): string {
  return fields.map((f) => (f === null ? '-' : `${Buffer.byteLength(f, 'utf8')}:${f}`)).join('|');
}

export function computeRecordHash(r: Omit<ChainRecord, 'id' | 'seq' | 'hash'>): string {
  const body = lengthPrefixed(['bmnn-audit-v1', r.chain, r.at, r.type, r.actorId, r.subjectId, r.data, r.prevHash]);
  return createHash('sha256').update(body, 'utf8').digest('hex');
}

export type ChainVerdict =
  | { ok: true; records: number }
  | { ok: false; records: number; firstBreak: { seq: number; recordId: string; kind: AuditBreakKind } };

/**
 * Walks a chain in `seq` order and reports the first broken record and how it was broken:
 * EDITED (content no longer matches its hash, or a hash was recomputed), DELETED (a record is
 * missing before this one, or at the end according to the head), INSERTED (a record that the
 * chain skips over), REORDERED (a record whose predecessor stands elsewhere in the chain).
 */
export function verifyChain(records: ChainRecord[], head: { seq: number; hash: string } | null): ChainVerdict {
  const sorted = [...records].sort((a, b) => a.seq - b.seq);
  const positionByHash = new Map<string, number>();
  sorted.forEach((r, i) => positionByHash.set(r.hash, i));
  const broken = (i: number, kind: AuditBreakKind): ChainVerdict => {
    const r = sorted[i]!;
    return { ok: false, records: sorted.length, firstBreak: { seq: r.seq, recordId: r.id, kind } };
  };

  for (let i = 0; i < sorted.length; i++) {
    const r = sorted[i]!;
    const expectedPrev = i === 0 ? GENESIS_HASH : sorted[i - 1]!.hash;
    if (computeRecordHash(r) !== r.hash) return broken(i, 'EDITED');
    if (r.prevHash === expectedPrev) continue;

    const predecessor = positionByHash.get(r.prevHash);
    if (predecessor !== undefined) {
      // The record's true predecessor exists: either one record stands between them (inserted)
      // or the two are out of order.
      if (predecessor === i - 2) return broken(i - 1, 'INSERTED');
      return broken(i, 'REORDERED');
    }
    if (r.prevHash === GENESIS_HASH && i > 0) return broken(i, 'REORDERED');
    // The predecessor is nowhere. If the next record links over this one, this one was inserted.
    const next = sorted[i + 1];
    if (next && next.prevHash === expectedPrev) return broken(i, 'INSERTED');
    // Dense numbering with an unknown link: the previous record was rewritten with a new hash.
    if (i > 0 && r.seq === sorted[i - 1]!.seq + 1) return broken(i - 1, 'EDITED');
    return broken(i, 'DELETED');
  }

  if (head) {
    const last = sorted[sorted.length - 1];
    if (!last && head.seq > 0) {
      return { ok: false, records: 0, firstBreak: { seq: 1, recordId: '', kind: 'DELETED' } };
    }
    if (last && (head.seq !== last.seq || head.hash !== last.hash)) {
      if (head.seq > last.seq) {
        return { ok: false, records: sorted.length, firstBreak: { seq: last.seq + 1, recordId: '', kind: 'DELETED' } };
      }
      return broken(sorted.length - 1, head.seq < last.seq ? 'INSERTED' : 'EDITED');
    }
  }
  return { ok: true, records: sorted.length };
}
