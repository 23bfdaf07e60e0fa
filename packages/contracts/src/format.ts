// Formatting and text folding shared by server, web and CLI.

const VN_TZ = 'Asia/Ho_Chi_Minh';

// Intl formatters are costly to build (tens of microseconds): build each once.
const DATE_PARTS = new Intl.DateTimeFormat('en-GB', { timeZone: VN_TZ, day: '2-digit', month: '2-digit', year: 'numeric' });
const DATE_TIME_PARTS = new Intl.DateTimeFormat('en-GB', { timeZone: VN_TZ, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const ISO_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: VN_TZ });

/** dd/mm/yyyy in Vietnam's time zone, from an ISO timestamp or a yyyy-mm-dd date. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split('-');
    return `${d}/${m}/${y}`;
  }
  const parts = DATE_PARTS.formatToParts(new Date(value));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('day')}/${get('month')}/${get('year')}`;
}

/** dd/mm/yyyy HH:mm in Vietnam's time zone. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '';
  const parts = DATE_TIME_PARTS.formatToParts(new Date(value));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('day')}/${get('month')}/${get('year')} ${get('hour')}:${get('minute')}`;
}

/** Today's date (yyyy-mm-dd) in Vietnam's time zone. */
export function todayInVietnam(now: Date = new Date()): string {
  return ISO_DAY.format(now);
}

/**
 * Accent-insensitive search key: NFD, strip combining marks, đ→d, lower case, spaces folded.
 * The same function builds the indexed column and the query, on both databases.
 */
export function foldForSearch(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
