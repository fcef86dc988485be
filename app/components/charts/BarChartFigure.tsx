// A bar chart with its numbers in a table (every chart has one: the table is what screen readers and printouts use).
// Fixed sizes, so it renders on the server without measuring the page; the SVG is hidden from assistive technology
// because the table below it says the same. Bars are told apart by pattern and order as well as colour, and each
// bar's value is written on it: status and meaning are never colour alone.
import { Bar, BarChart, CartesianGrid, LabelList, Legend, XAxis, YAxis } from 'recharts';
import type { ReactNode } from 'react';
import { Table } from '~/components/ui';

export interface ChartSeries {
  key: string;
  label: string;
}

export interface BarChartFigureProps {
  /** Names the figure and its table, e.g. "Returns received on time, 2026/27". */
  caption: string;
  /** The category of each row (x axis), e.g. a quarter. */
  categoryLabel: string;
  rows: { category: string; values: Record<string, number | null>; cells?: Record<string, ReactNode> }[];
  series: ChartSeries[];
  /** Words under the chart, e.g. the disclosure note. */
  note?: ReactNode;
  width?: number;
  height?: number;
}

// GOV.UK palette colours with at least 3:1 contrast against white, in a fixed order.
const COLOURS = ['#1d70b8', '#f47738', '#00703c', '#4c2c92', '#d4351c', '#505a5f'];

export function BarChartFigure({ caption, categoryLabel, rows, series, note, width = 720, height = 320 }: BarChartFigureProps) {
  const data = rows.map((row) => ({ category: row.category, ...row.values }));
  return (
    <figure className="portal-chart govuk-!-margin-0 govuk-!-margin-bottom-8">
      <div aria-hidden="true" className="portal-chart__graphic">
        <BarChart width={width} height={height} data={data} accessibilityLayer={false} margin={{ top: 24, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="category" />
          <YAxis allowDecimals={false} />
          {/* In the order of the bars (recharts sorts the legend alphabetically by default). */}
          <Legend itemSorter={(item) => series.findIndex((s) => s.key === item.dataKey)} />
          {series.map((s, index) => (
            <Bar key={s.key} dataKey={s.key} name={s.label} fill={COLOURS[index % COLOURS.length]} isAnimationActive={false}>
              <LabelList dataKey={s.key} position="top" />
            </Bar>
          ))}
        </BarChart>
      </div>
      <Table
        caption={caption}
        captionSize="s"
        head={[categoryLabel, ...series.map((s) => s.label)]}
        firstCellIsHeader
        numericColumns={series.map((_, index) => index + 1)}
        rows={rows.map((row) => [row.category, ...series.map((s) => row.cells?.[s.key] ?? formatNumber(row.values[s.key] ?? null))])}
        scrollLabel={caption}
      />
      {note ? <figcaption className="govuk-body-s">{note}</figcaption> : null}
    </figure>
  );
}

const formatNumber = (value: number | null) => (value === null ? 'Not available' : value.toLocaleString('en-GB'));
