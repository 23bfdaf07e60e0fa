import type { IncidentStatistics } from '@bmnn/contracts';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only the pieces the chart uses are bundled (ECharts is tree-shaken); nothing is fetched.
echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** Cases and items of disclosure or loss by channel for a year, as the seeds' statistics show them. */
export function IncidentChannelChart({ statistics }: { statistics: IncidentStatistics }) {
  const ref = useRef<HTMLDivElement>(null);
  const rows = statistics.byChannel;
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, undefined, { renderer: 'canvas' });
    chart.setOption({
      grid: { left: 8, right: 40, top: 32, bottom: 8, containLabel: true },
      legend: { top: 0, data: ['Số vụ', 'Số tài liệu, vật chứa'] },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (params: unknown) => {
          const p = (params as Array<{ dataIndex: number }>)[0];
          const r = p ? rows[p.dataIndex] : undefined;
          return r ? `${r.label}<br/>${r.cases} vụ (${r.casesPercent.toLocaleString('vi-VN')}%), ${r.items} tài liệu, vật chứa` : '';
        },
      },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.label) },
      series: [
        { name: 'Số vụ', type: 'bar', data: rows.map((r) => r.cases), itemStyle: { color: '#cf1322' }, label: { show: true, position: 'right' }, barMaxWidth: 22 },
        { name: 'Số tài liệu, vật chứa', type: 'bar', data: rows.map((r) => r.items), itemStyle: { color: '#fa8c16' }, label: { show: true, position: 'right' }, barMaxWidth: 22 },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [rows]);
  return <div ref={ref} style={{ width: '100%', height: Math.max(180, 64 * rows.length + 56) }} data-testid="incident-chart" role="img" aria-label="Biểu đồ số vụ lộ, mất bí mật nhà nước theo hình thức" />;
}
