// Draws every <canvas data-chart> of the page with chart.js. Loaded only by pages that have a
// chart (src/components/Chart.astro); the figures are also in the table under each chart.
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';
import type { ChartSpec } from '../lib/charts.ts';

Chart.register(BarController, BarElement, CategoryScale, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip);

const COLORS = ['#b3261e', '#0b57a4', '#1a7f37', '#8250df'];

for (const canvas of document.querySelectorAll<HTMLCanvasElement>('canvas[data-chart]')) {
  const spec = JSON.parse(canvas.dataset['chart'] ?? '{}') as ChartSpec;
  const valueAxis = { min: spec.min, max: spec.max, ticks: { callback: (v: string | number) => `${v}${spec.unit}` } };
  new Chart(canvas, {
    type: spec.type,
    data: {
      labels: spec.labels,
      datasets: spec.series.map((s, i) => ({
        label: s.label,
        data: s.values,
        borderColor: COLORS[i % COLORS.length],
        backgroundColor: COLORS[i % COLORS.length],
        // A noted point (a fail by veto, a draft quarter) is a larger cross, so the line alone never tells a different story than the table.
        ...(s.notes ? { pointStyle: s.notes.map((n) => (n ? 'crossRot' : 'circle')), pointRadius: s.notes.map((n) => (n ? 8 : 3)), pointBorderWidth: s.notes.map((n) => (n ? 3 : 1)) } : {}),
      })),
    },
    options: {
      indexAxis: spec.horizontal ? 'y' : 'x',
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      plugins: {
        legend: { display: spec.series.length > 1 },
        tooltip: {
          callbacks: {
            label: (c) => `${c.dataset.label ?? ''}：${c.formattedValue}${spec.unit}`,
            afterLabel: (c) => spec.series[c.datasetIndex]?.notes?.[c.dataIndex] ?? '',
          },
        },
      },
      scales: spec.horizontal ? { x: valueAxis } : { y: valueAxis },
    },
  });
  canvas.closest('figure')?.setAttribute('data-drawn', '');
}
