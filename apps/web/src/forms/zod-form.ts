// Forms validate with the shared zod schemas before sending, and place the server's
// `validation.failed` issues on the same fields.
import type { FormInstance } from 'antd';
import type { Rule } from 'antd/es/form';
import type { z } from 'zod';
import { ApiError, describeError, type FieldIssue } from '../api/api.client.ts';

/** An antd rule that checks one field with its shared schema (first message shown). */
export function zodRule(schema: z.ZodType): Rule {
  return {
    validator: async (_rule, value: unknown) => {
      const result = schema.safeParse(value === '' ? undefined : value);
      if (!result.success) throw new Error(result.error.issues[0]?.message ?? 'Giá trị không hợp lệ');
    },
  };
}

/**
 * Puts each issue on its form field. Returns the messages of issues that match no field,
 * so that the caller can show them above the form.
 */
export function markIssues(form: FormInstance, issues: FieldIssue[]): string[] {
  const registered = new Set(Object.keys(form.getFieldsValue() as Record<string, unknown>));
  const byField = new Map<string, string[]>();
  const unplaced: string[] = [];
  for (const issue of issues) {
    const name = issue.path[0];
    if (typeof name === 'string' && registered.has(name)) {
      byField.set(name, [...(byField.get(name) ?? []), issue.message]);
    } else {
      unplaced.push(issue.message);
    }
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return unplaced;
}

export type SubmitOutcome<R> = { ok: true; result: R } | { ok: false; message: string | undefined };

/**
 * Parses `values` with `schema`, sends the parsed body, and turns every failure into field
 * errors or one Vietnamese message.
 */
export async function submitForm<S extends z.ZodType, R>({ form, schema, values, send }: {
  form: FormInstance;
  schema: S;
  values: unknown;
  send: (body: z.output<S>) => Promise<R>;
}): Promise<SubmitOutcome<R>> {
  const parsed = schema.safeParse(values);
  if (!parsed.success) {
    const unplaced = markIssues(
      form,
      parsed.error.issues.map((i) => ({ path: i.path.filter((p) => typeof p !== 'symbol'), message: i.message })),
    );
    return { ok: false, message: unplaced.length ? unplaced.join('; ') : undefined };
  }
  try {
    return { ok: true, result: await send(parsed.data) };
  } catch (error) {
    if (error instanceof ApiError && error.fieldIssues.length) {
      const unplaced = markIssues(form, error.fieldIssues);
      return { ok: false, message: unplaced.length ? unplaced.join('; ') : error.message };
    }
    return { ok: false, message: describeError(error) };
  }
}
