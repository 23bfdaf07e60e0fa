import { z } from 'zod';
import { LIMITS } from './limits.ts';

// Text fields with their Vietnamese messages, shared by every contract file.

/** Required text, trimmed, with the field's label in the messages. */
export const requiredText = (label: string, max: number = LIMITS.nameMax) =>
  z
    .string({ error: `${label} là bắt buộc` })
    .trim()
    .min(1, { error: `${label} không được để trống` })
    .max(max, { error: `${label} dài quá ${max} ký tự` });

/** Optional text that may also be sent as null (forms clear a field with null). */
export const nullableText = (label: string, max: number = LIMITS.textMax) => z.string().trim().max(max, { error: `${label} dài quá ${max} ký tự` }).nullish();
