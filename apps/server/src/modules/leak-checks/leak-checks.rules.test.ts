import { describe, expect, it } from 'vitest';
import { isPortalLeak, mayPublish } from './leak-checks.rules.ts';

describe('what a leak check means for publication', () => {
  it("the checker's pass clears a file; review and block need a person's conclusion", () => {
    expect(mayPublish({ decision: 'pass', conclusion: null })).toBe(true);
    expect(mayPublish({ decision: 'review', conclusion: null })).toBe(false);
    expect(mayPublish({ decision: 'block', conclusion: null })).toBe(false);
  });

  it('a conclusion decides, whatever the checker said', () => {
    expect(mayPublish({ decision: 'review', conclusion: 'ALLOW' })).toBe(true);
    expect(mayPublish({ decision: 'block', conclusion: 'ALLOW' })).toBe(true);
    expect(mayPublish({ decision: 'review', conclusion: 'WITHHOLD' })).toBe(false);
  });

  it('R13.1: only a blocked file already on a public portal is a disclosure to report', () => {
    expect(isPortalLeak({ decision: 'block', alreadyPublished: true })).toBe(true);
    expect(isPortalLeak({ decision: 'block', alreadyPublished: false })).toBe(false);
    expect(isPortalLeak({ decision: 'review', alreadyPublished: true })).toBe(false);
  });
});
