import { Group } from "@visx/group";
import { scaleBand, scaleLinear } from "@visx/scale";
import { Bar } from "@visx/shape";
import { useId } from "react";

/**
 * A horizontal bar chart rendered as SVG on the server (visx: scales and
 * shapes, no measuring in the browser, no inline styles for the CSP). The
 * figures are also in a table next to it; the SVG carries a title and a
 * description, and each bar a text value.
 */
export interface BarDatum {
  label: string;
  value: number;
}

const ROW = 28;
const LABEL_WIDTH = 170;
const VALUE_WIDTH = 60;
const WIDTH = 640;

export function BarChart({
  title,
  description,
  data,
  formatValue = String,
  variant,
}: {
  title: string;
  description: string;
  data: BarDatum[];
  formatValue?: (value: number) => string;
  variant?: "response";
}) {
  const id = useId();
  const height = Math.max(1, data.length) * ROW + 8;
  const innerWidth = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const y = scaleBand<string>({ domain: data.map((_, index) => String(index)), range: [4, height - 4], padding: 0.25 });
  const x = scaleLinear<number>({ domain: [0, Math.max(1, ...data.map((datum) => datum.value))], range: [0, innerWidth], nice: true });
  return (
    <svg
      className="chart"
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      preserveAspectRatio="xMinYMin meet"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      <Group left={LABEL_WIDTH}>
        <line className="chart__axis" x1={0} x2={0} y1={0} y2={height} />
        {data.map((datum, index) => {
          const top = y(String(index)) ?? 0;
          const barWidth = x(datum.value);
          return (
            <g key={`${datum.label}-${index}`}>
              <text className="chart__label" x={-8} y={top + y.bandwidth() / 2} textAnchor="end" dominantBaseline="middle">
                {datum.label.length > 24 ? `${datum.label.slice(0, 23)}…` : datum.label}
              </text>
              <Bar className={`chart__bar${variant ? ` chart__bar--${variant}` : ""}`} x={0} y={top} width={Math.max(barWidth, 1)} height={y.bandwidth()} />
              <text className="chart__value" x={barWidth + 6} y={top + y.bandwidth() / 2} dominantBaseline="middle">
                {formatValue(datum.value)}
              </text>
            </g>
          );
        })}
      </Group>
    </svg>
  );
}
