import dayjs, { type Dayjs } from 'dayjs';

/** How every date is typed and shown: dd/mm/yyyy. */
export const DATE_FORMAT = 'DD/MM/YYYY';

/** A picked date as the API's `yyyy-mm-dd`, or undefined when empty. */
export function toIsoDate(value: Dayjs | null | undefined): string | undefined {
  return value ? value.format('YYYY-MM-DD') : undefined;
}

export function today(): Dayjs {
  return dayjs().startOf('day');
}
