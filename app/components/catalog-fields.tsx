import { getCollectionProps, getSelectProps, type FieldMetadata } from "@conform-to/react";
import { useId, type ReactNode } from "react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { ErrorList } from "./forms";

/** Says where a text came from when a person did not write it in this language. */
export function OriginMark({ origin }: { origin: string | null | undefined }) {
  const { t } = useTranslation("catalog");
  return originMark(t, origin);
}

/** OriginMark's markup with a `t` of the catalog namespace already at hand (lists: one hook, not one per row). */
export function originMark(t: TFunction, origin: string | null | undefined) {
  if (!origin || origin === "author") return null;
  return <span className={`badge badge--origin badge--${origin}`}>{t(`origin.${origin}`)}</span>;
}

/**
 * The "shown in another language" mark of the public pages. The mark's own
 * words are in the page's language, so it carries no `lang` of the text it
 * marks (that text carries its own).
 */
export function FallbackMark({ locale }: { locale: string }) {
  const { t } = useTranslation("catalog");
  return fallbackMark(t, locale);
}

/** FallbackMark's markup with a `t` of the catalog namespace already at hand. */
export function fallbackMark(t: TFunction, locale: string) {
  return (
    <span className="badge badge--origin">
      {t("origin.fallback", { language: t(`languages.${locale}`, { defaultValue: locale }) })}
    </span>
  );
}

interface Option {
  value: string;
  label: string;
}

/** Checkboxes for a list field, in a fieldset with its legend (works without JavaScript). */
export function CheckboxGroup({ legend, hint, meta, options }: { legend: ReactNode; hint?: ReactNode; meta: FieldMetadata<string[] | undefined>; options: Option[] }) {
  const hintId = useId();
  const errorId = meta.errors?.length ? `${meta.id}-error` : undefined;
  return (
    <fieldset className="field checkbox-group" aria-describedby={[hint ? hintId : null, errorId].filter(Boolean).join(" ") || undefined}>
      <legend>{legend}</legend>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      <div className="checkbox-group__options">
        {getCollectionProps(meta, { type: "checkbox", options: options.map((option) => option.value) }).map((props, index) => {
          const { key, ...inputProps } = props;
          return (
            <label key={key} className="checkbox" htmlFor={inputProps.id}>
              <input {...inputProps} />
              <span>{options[index].label}</span>
            </label>
          );
        })}
      </div>
      <ErrorList id={errorId} errors={meta.errors} />
    </fieldset>
  );
}

/** A list box with several choices (Ctrl/Cmd-click or the keyboard's Space to pick more). */
export function MultiSelectField({ label, hint, meta, options, size = 8 }: { label: ReactNode; hint?: ReactNode; meta: FieldMetadata<string[] | undefined>; options: Option[]; size?: number }) {
  const errorId = meta.errors?.length ? `${meta.id}-error` : undefined;
  const hintId = hint ? `${meta.id}-hint` : undefined;
  const { key, defaultValue, ...props } = getSelectProps(meta);
  // One chosen value comes back from a failed submission as a string.
  const chosen = Array.isArray(defaultValue) ? defaultValue : defaultValue ? [String(defaultValue)] : [];
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      <select
        key={key}
        {...props}
        defaultValue={chosen}
        multiple
        size={size}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <ErrorList id={errorId} errors={meta.errors} />
    </div>
  );
}

/** A share of 100 as a labelled bar (the number is also in the text). */
export function CompletenessBar({ label, percent }: { label: string; percent: number }) {
  return (
    <div className="completeness">
      <span className="completeness__label">{label}</span>
      <meter className="completeness__meter" min={0} max={100} low={50} high={90} optimum={100} value={percent} aria-label={label}>
        {percent}%
      </meter>
      <span className="completeness__value">{percent}%</span>
    </div>
  );
}
