import type { ReactNode } from 'react';

interface ChartWithTableProps {
  title: string;
  /** One sentence saying what the chart shows, read out in place of the picture. */
  summary: string;
  chart: ReactNode;
  /** The same figures as a DataTable: every chart has one beside it. */
  table: ReactNode;
}

/** A chart and its data side by side (stacked on narrow screens); the table is the accessible source. */
export function ChartWithTable({ title, summary, chart, table }: ChartWithTableProps) {
  return (
    <figure className="chart-with-table">
      <figcaption className="chart-title">{title}</figcaption>
      <div className="chart-with-table-body">
        <div className="chart" role="img" aria-label={summary}>
          {chart}
        </div>
        <div className="chart-table">{table}</div>
      </div>
    </figure>
  );
}
