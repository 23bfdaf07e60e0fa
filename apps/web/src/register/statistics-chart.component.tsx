import { LEVEL_LABELS, type StatisticsSummary } from '@bmnn/contracts';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only the pieces the chart uses are bundled (ECharts is tree-shaken); nothing is fetched.
echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** Colours of the level tags (register.labels.tsx LEVEL_COLORS), as ECharts needs them. */
const LEVEL_BAR_COLORS = { TUYET_MAT: '#cf1322', TOI_MAT: '#d4380d', MAT: '#d48806' } as const;

/** The Thống kê of a year by level: items and copies, highest level first. */
export function StatisticsLevelChart({ summary }: { summary: StatisticsSummary }) {
  const ref = useRef<HTMLDivElement>(null);
  const rows = summary.byLevel;
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, undefined, { renderer: 'canvas' });
    chart.setOption({
      grid: { left: 8, right: 48, top: 32, bottom: 8, containLabel: true },
      legend: { top: 0, data: ['Số tài liệu, vật chứa', 'Số bản'] },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: rows.map((r) => LEVEL_LABELS[r.level]) },
      series: [
        { name: 'Số tài liệu, vật chứa', type: 'bar', itemStyle: { color: LEVEL_BAR_COLORS.TUYET_MAT }, data: rows.map((r) => ({ value: r.items, itemStyle: { color: LEVEL_BAR_COLORS[r.level] } })), label: { show: true, position: 'right' }, barMaxWidth: 22 },
        { name: 'Số bản', type: 'bar', data: rows.map((r) => r.copies), itemStyle: { color: '#8c8c8c' }, label: { show: true, position: 'right' }, barMaxWidth: 22 },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [rows]);
  return <div ref={ref} style={{ width: '100%', height: 200 }} data-testid="statistics-chart" role="img" aria-label="Biểu đồ số tài liệu, vật chứa bí mật nhà nước theo độ mật" />;
}
