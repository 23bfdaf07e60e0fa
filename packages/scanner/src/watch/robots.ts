// robots.txt (RFC 9309) for the portal watch: the group for `bmnn-watch` if there is one, else
// the group for `*`; Allow / Disallow paths with `*` and `$`, the longest match wins and Allow
// wins a tie. Anything unreadable means no rules.

export const ROBOTS_AGENT = 'bmnn-watch';

type Rule = { allow: boolean; path: string; pattern: RegExp };
export type RobotsRules = { rules: Rule[] };

export const NO_ROBOTS_RULES: RobotsRules = { rules: [] };

function toPattern(path: string): RegExp {
  const anchored = path.endsWith('$');
  const body = (anchored ? path.slice(0, -1) : path)
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}${anchored ? '$' : ''}`);
}

export function parseRobots(text: string, agent: string = ROBOTS_AGENT): RobotsRules {
  type Group = { agents: string[]; rules: Rule[] };
  const groups: Group[] = [];
  let current: Group | undefined;
  let lastWasAgent = false;
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const line = raw.replace(/#.*/, '').trim();
    const match = /^([A-Za-z-]+)\s*:\s*(.*)$/.exec(line);
    if (!match) continue;
    const key = (match[1] as string).toLowerCase();
    const value = (match[2] as string).trim();
    if (key === 'user-agent') {
      if (!current || !lastWasAgent) {
        current = { agents: [], rules: [] };
        groups.push(current);
      }
      current.agents.push(value.toLowerCase());
      lastWasAgent = true;
      continue;
    }
    lastWasAgent = false;
    if (!current || (key !== 'allow' && key !== 'disallow')) continue;
    // "Disallow:" with no path allows everything: it is no rule.
    if (value === '') continue;
    current.rules.push({ allow: key === 'allow', path: value, pattern: toPattern(value) });
  }
  const own = groups.filter((g) => g.agents.includes(agent.toLowerCase()));
  const chosen = own.length > 0 ? own : groups.filter((g) => g.agents.includes('*'));
  return { rules: chosen.flatMap((g) => g.rules) };
}

export function isAllowedByRobots(robots: RobotsRules, url: string): boolean {
  const { pathname, search } = new URL(url);
  const target = pathname + search;
  let best: Rule | undefined;
  for (const rule of robots.rules) {
    if (!rule.pattern.test(target)) continue;
    if (!best || rule.path.length > best.path.length || (rule.path.length === best.path.length && rule.allow)) best = rule;
  }
  return best?.allow ?? true;
}
