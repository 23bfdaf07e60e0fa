import { describe, expect, it } from 'vitest';
import { getMenuEntries } from './menu.ts';

const keys = (roles: Parameters<typeof getMenuEntries>[0]) => getMenuEntries(roles).map((e) => e.key);

describe('the menu follows the roles (MENU_BY_ROLE)', () => {
  it('gives the administrator units, people, the training register (for its window), accounts, audit, the danh mục and the rule sets, but not secret items', () => {
    expect(keys(['QUAN_TRI'])).toEqual(['units', 'people', 'training', 'accounts', 'audit', 'danhMuc', 'ruleSets']);
  });

  it('gives a staff member the items they hold, the incidents they may have to report, the check of a file before publishing it, their take-out requests and the destruction councils they sit on', () => {
    expect(keys(['CAN_BO'])).toEqual(['items', 'incidents', 'leakChecks', 'releases', 'destruction']);
  });

  it('joins the entries of several roles without duplicates, in display order', () => {
    expect(keys(['CAN_BO_BAO_MAT', 'VAN_THU'])).toEqual(['todo', 'items', 'devices', 'incidents', 'leakChecks', 'people', 'secret-work', 'training', 'meetings', 'audit', 'books', 'periods', 'releases', 'destruction', 'danhMuc', 'files']);
  });

  it('opens on "Việc cần làm" for the clerk and the head, whose first entry it is', () => {
    expect(keys(['VAN_THU'])[0]).toBe('todo');
    expect(keys(['LANH_DAO'])[0]).toBe('todo');
    expect(keys(['CAN_BO'])).not.toContain('todo');
  });

  it('gives nothing to a person without a role', () => {
    expect(keys([])).toEqual([]);
  });
});
