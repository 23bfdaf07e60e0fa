import type { z } from 'zod';
import { errors } from '../errors.ts';

/** Validates input at the edge with a shared contract; failures carry per-field issues for the UI. */
export function parseInput<S extends z.ZodType>(schema: S, data: unknown): z.output<S> {
  const result = schema.safeParse(data ?? {});
  if (result.success) return result.data;
  throw errors.validation({
    details: { issues: result.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })) },
  });
}
