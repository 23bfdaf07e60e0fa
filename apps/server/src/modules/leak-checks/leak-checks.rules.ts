import type { LeakConclusion, LeakDecision } from '@bmnn/contracts';

// What a check means for publication. The checker's own "pass" clears the file; anything else needs
// a person's conclusion, and only "ALLOW" clears it. The answer belongs to the file's SHA-256: a
// file changed after the check is another file and must be checked again.

export function mayPublish({ decision, conclusion }: { decision: LeakDecision; conclusion: LeakConclusion | null }): boolean {
  if (conclusion) return conclusion === 'ALLOW';
  return decision === 'pass';
}

/** A blocked file already on a public portal is a disclosure to report at once (LEGAL.md R13.1). */
export function isPortalLeak({ decision, alreadyPublished }: { decision: LeakDecision; alreadyPublished: boolean }): boolean {
  return decision === 'block' && alreadyPublished;
}
