import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Namespace } from "~/i18n/config";
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

/**
 * The period and grouping of a figures page (a GET form: the figures are a
 * shareable address). Words come from `figures.*` of the page's namespace.
 */
export function PeriodForm<D extends string>(props: { ns: Namespace; idPrefix: string; from: string; to: string; by: D; dimensions: readonly D[] }) {
  const { t } = useTranslation(props.ns);
  const id = (name: string) => `${props.idPrefix}-${name}`;
  return (
    <Form method="get" className="period-form card">
      <div className="field">
        <label htmlFor={id("from")}>{t("figures.from")}</label>
        <input id={id("from")} type="date" name="from" defaultValue={props.from} />
      </div>
      <div className="field">
        <label htmlFor={id("to")}>{t("figures.to")}</label>
        <input id={id("to")} type="date" name="to" defaultValue={props.to} />
      </div>
      <div className="field">
        <label htmlFor={id("by")}>{t("figures.groupBy")}</label>
        <select id={id("by")} name="by" defaultValue={props.by}>
          {props.dimensions.map((option) => (
            <option key={option} value={option}>
              {t(`figures.dimension.${option}`)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button">
        {t("figures.show")}
      </button>
    </Form>
  );
}
