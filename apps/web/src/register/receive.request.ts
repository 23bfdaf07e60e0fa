// The receive form's values as the shared request schema expects them (receiveItemRequest).
import type { Level } from '@bmnn/contracts';
import type { Dayjs } from 'dayjs';
import { toIsoDate } from '../forms/dates.ts';

export type ReceiveValues = {
  unitId?: string;
  sender?: string;
  soKyHieu?: string;
  documentDate?: Dayjs | null;
  level?: Level;
  form?: string;
  trichYeu?: string;
  named?: boolean;
  namedRecipientId?: string;
  recall?: boolean;
  recallDeadline?: Dayjs | null;
  copies?: number | null;
  envelopeIntact?: boolean;
  countMatches?: boolean;
  packagingCorrect?: boolean;
  note?: string;
};

/** The form values as the shared request schema expects them. */
export function toReceiveRequest(v: ReceiveValues) {
  const summaryAllowed = v.level !== 'TUYET_MAT' && !v.named;
  return {
    unitId: v.unitId,
    sender: v.sender,
    soKyHieu: v.soKyHieu,
    documentDate: toIsoDate(v.documentDate),
    level: v.level,
    form: v.form,
    trichYeu: summaryAllowed && v.trichYeu?.trim() ? v.trichYeu : undefined,
    namedRecipientId: v.named ? (v.namedRecipientId ?? '') : null,
    recallDeadline: v.recall ? (toIsoDate(v.recallDeadline) ?? '') : undefined,
    copies: v.copies ?? undefined,
    condition: { envelopeIntact: v.envelopeIntact === true, countMatches: v.countMatches === true, packagingCorrect: v.packagingCorrect === true },
    note: v.note?.trim() ? v.note : undefined,
  };
}

