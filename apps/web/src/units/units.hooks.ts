import type { Unit } from '@bmnn/contracts';
import { useMemo } from 'react';
import { unitsApi } from '../api/api.endpoints.ts';
import { useLoad } from '../api/api.hooks.ts';

/** Every unit the person may see, defunct ones included, with a lookup by id. */
export function useUnits() {
  const loaded = useLoad(() => unitsApi.list({ includeDefunct: true }), 'units');
  const units = useMemo(() => loaded.data?.units ?? [], [loaded.data]);
  const byId = useMemo(() => new Map<string, Unit>(units.map((u) => [u.id, u])), [units]);
  return { ...loaded, units, byId };
}
