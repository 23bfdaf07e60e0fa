import type { TrainingCoverageRow } from '@bmnn/contracts';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only the pieces the chart uses are bundled (ECharts is tree-shaken); nothing is fetched.
echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

/** The share of secret-handling staff trained inside the window, one bar per unit (R11.5). */
export function CoverageChart({ units, windowMonths }: { units: readonly TrainingCoverageRow[]; windowMonths: number }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, undefined, { renderer: 'canvas' });
    chart.setOption({
      grid: { left: 8, right: 24, top: 24, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (params: unknown) => {
          const p = (params as Array<{ dataIndex: number }>)[0];
          const u = p ? units[p.dataIndex] : undefined;
          return u ? `${u.unitName}<br/>Đã tập huấn trong ${windowMonths} tháng: ${u.trained}/${u.secretStaff} (${u.percent.toLocaleString('vi-VN')}%)` : '';
        },
      },
      xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      yAxis: { type: 'category', inverse: true, data: units.map((u) => u.unitName) },
      series: [
        {
          type: 'bar',
          data: units.map((u) => ({ value: u.percent, itemStyle: { color: u.percent >= 100 ? '#389e0d' : u.percent >= 50 ? '#1677ff' : '#cf1322' } })),
          label: { show: true, position: 'right', formatter: (p: { value: number }) => `${p.value.toLocaleString('vi-VN')}%` },
          barMaxWidth: 28,
        },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [units, windowMonths]);
  return <div ref={ref} style={{ width: '100%', height: Math.max(160, 48 * units.length + 48) }} data-testid="coverage-chart" role="img" aria-label="Biểu đồ tỷ lệ cán bộ được tập huấn theo đơn vị" />;
}
