import {
  INCIDENT_CHANNEL_LABELS,
  INCIDENT_CHANNELS,
  INCIDENT_SUB_CHANNEL_LABELS,
  REQUIRED_NOTIFICATIONS,
  SUB_CHANNELS_BY_CHANNEL,
  todayInVietnam,
  type IncidentChannel,
  type IncidentKind,
  type IncidentSubChannel,
  type NotificationRecipient,
  type ReportClock,
} from '@bmnn/contracts';

// Pure rules of incidents (LEGAL.md R1.1, R13.1): what a linked item becomes, the "report now"
// clock, and the shares shown in statistics.

/** Lộ makes the item DISCLOSED; mất makes it LOST (R1.1). */
export function itemEffectOf(kind: IncidentKind): 'LOST' | 'DISCLOSED' {
  return kind === 'MAT' ? 'LOST' : 'DISCLOSED';
}

/**
 * LEGAL.md R13.1: the head and the steering committee (through Công an tỉnh) must be told at
 * once; national law sets no number of hours, so the incident says "report now" from the moment
 * it is discovered until both notifications are recorded.
 */
export function computeReportClock({ discoveredAt, notifications, now }: { discoveredAt: string; notifications: ReadonlyArray<{ recipient: NotificationRecipient; notifiedAt: string }>; now: Date }): ReportClock {
  const firstBy = new Map<NotificationRecipient, string>();
  for (const n of notifications) {
    const seen = firstBy.get(n.recipient);
    if (!seen || Date.parse(n.notifiedAt) < Date.parse(seen)) firstBy.set(n.recipient, n.notifiedAt);
  }
  const pending = REQUIRED_NOTIFICATIONS.filter((r) => !firstBy.has(r));
  const reportedAt = pending.length === 0 ? REQUIRED_NOTIFICATIONS.map((r) => firstBy.get(r)!).reduce((a, b) => (Date.parse(a) >= Date.parse(b) ? a : b)) : null;
  const until = reportedAt ? Date.parse(reportedAt) : now.getTime();
  return { reportNow: pending.length > 0, pending, reportedAt, minutesSinceDiscovery: Math.max(0, Math.floor((until - Date.parse(discoveredAt)) / 60_000)) };
}

/** A share in percent with one decimal, as in the directives ("44/63 vụ, chiếm 69,8%"). */
export function percentOf(part: number, total: number): number {
  if (total === 0) return 0;
  return Math.round((part * 1000) / total) / 10;
}

/** The year an incident counts in: the year of discovery in Vietnam's time zone. */
export function yearInVietnam(instant: string): number {
  return Number(todayInVietnam(new Date(instant)).slice(0, 4));
}

/** Length of the circumstances shown in the case list; the whole text stays on the incident. */
export const SUMMARY_MAX = 300;

export function summarize(text: string, max = SUMMARY_MAX): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,.;:]+$/, '')}…`;
}

/**
 * Cases by channel, each with its sub-channels (the seed's taxonomy): the one breakdown the
 * statistics screen and the annual report (R13.2) share. `row` gives a channel's figures; the
 * sub-channels count cases and items.
 */
export function breakdownByChannel<F extends { channel: IncidentChannel; subChannel: IncidentSubChannel | null }, R extends object>({
  facts,
  row,
  itemsOf,
}: {
  facts: readonly F[];
  row: (list: readonly F[]) => R;
  itemsOf: (fact: F) => number;
}) {
  return INCIDENT_CHANNELS.map((channel) => {
    const list = facts.filter((f) => f.channel === channel);
    return {
      channel,
      label: INCIDENT_CHANNEL_LABELS[channel],
      ...row(list),
      bySubChannel: SUB_CHANNELS_BY_CHANNEL[channel].map((subChannel) => {
        const sub = list.filter((f) => f.subChannel === subChannel);
        return { subChannel, label: INCIDENT_SUB_CHANNEL_LABELS[subChannel], cases: sub.length, items: sub.reduce((s, f) => s + itemsOf(f), 0) };
      }),
    };
  });
}
