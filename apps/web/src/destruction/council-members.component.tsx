import type { CouncilCandidate } from '@bmnn/contracts';
import { Select } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { destructionApi } from './destruction.api.ts';

/**
 * The council's members (R10.4: the custodian and representatives of related bodies). Typing a
 * name searches people of every unit on the server (decision 0007); with nothing typed it lists
 * the head's own units. Options show name and unit, the only facts the server gives out.
 */
export function CouncilMembersSelect({ caseId, id, value, onChange }: { caseId: string; id?: string; value?: string[]; onChange?: (value: string[]) => void }) {
  const [known, setKnown] = useState<Map<string, CouncilCandidate>>(new Map());
  const [found, setFound] = useState<string[]>([]);
  const [loading, setLoading] = useState(false);
  // Answers can arrive out of order while the user types; only the latest search counts.
  const latest = useRef(0);
  const search = useCallback(
    (q: string) => {
      const seq = ++latest.current;
      setLoading(true);
      destructionApi.councilCandidates(caseId, q.trim() || undefined).then(
        (r) => {
          if (seq !== latest.current) return;
          setKnown((m) => new Map([...m, ...r.people.map((p) => [p.id, p] as const)]));
          setFound(r.people.map((p) => p.id));
          setLoading(false);
        },
        () => {
          if (seq !== latest.current) return;
          setFound([]);
          setLoading(false);
        },
      );
    },
    [caseId],
  );
  useEffect(() => search(''), [search]);
  const options = useMemo(
    () =>
      [...new Set([...(value ?? []), ...found])]
        .map((personId) => known.get(personId))
        .filter((p): p is CouncilCandidate => !!p)
        .map((p) => ({ value: p.id, label: `${p.fullName} — ${p.unitName}`, title: p.fullName })),
    [value, found, known],
  );
  return (
    <Select
      id={id}
      mode="multiple"
      value={value}
      onChange={onChange}
      showSearch={{ filterOption: false, onSearch: search }}
      options={options}
      loading={loading}
      placeholder="Gõ họ tên để tìm cán bộ của mọi đơn vị (gõ không dấu cũng được)"
      notFoundContent={loading ? 'Đang tìm…' : 'Không tìm thấy cán bộ có mức tiếp cận phù hợp'}
      data-testid="council-members"
    />
  );
}
