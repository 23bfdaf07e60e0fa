import { peopleApi } from '../api/api.endpoints.ts';
import { useLoad } from '../api/api.hooks.ts';

/** The people the reader may see, as options of a picker. */
export function usePeopleOptions() {
  const people = useLoad(() => peopleApi.list(), 'people');
  return (people.data?.people ?? []).map((p) => ({ value: p.id, label: p.fullName }));
}
