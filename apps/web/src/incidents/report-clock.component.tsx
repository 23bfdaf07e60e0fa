import { NOTIFICATION_RECIPIENT_LABELS, type IncidentSummary } from '@bmnn/contracts';
import { Tag } from 'antd';

/** "Report now" as people read it: who still has to be told (LEGAL.md R13.1). */
export function ReportClockTag({ incident }: { incident: IncidentSummary }) {
  if (!incident.clock.reportNow) return <Tag color="green">Đã báo cáo</Tag>;
  const hours = Math.floor(incident.clock.minutesSinceDiscovery / 60);
  return (
    <Tag color="red" data-testid="report-now">
      Báo cáo ngay: {incident.clock.pending.map((p) => NOTIFICATION_RECIPIENT_LABELS[p]).join(', ')} ({hours} giờ từ khi phát hiện)
    </Tag>
  );
}
