import { FormattedNumber } from "./formatted";

export interface Figure {
  label: string;
  /** A count (formatted in the reader's language), or a word such as "up". */
  value: number | string;
}

/** A row of headline figures: big value, small label under it. */
export function Figures({ label, figures }: { label: string; figures: Figure[] }) {
  return (
    <ul className="figures" aria-label={label}>
      {figures.map((figure) => (
        <li key={figure.label} className="figure">
          <span className="figure__value">{typeof figure.value === "number" ? <FormattedNumber value={figure.value} /> : figure.value}</span>
          <span className="figure__label">{figure.label}</span>
        </li>
      ))}
    </ul>
  );
}
