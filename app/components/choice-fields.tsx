import { useId } from "react";
import { ErrorList } from "./forms";

/**
 * A group of checkboxes for a list field (languages, certifications,
 * incoterms): one fieldset, one legend, errors for the whole list.
 */
export function CheckboxGroup({
  legend,
  hint,
  name,
  options,
  checked,
  errors,
}: {
  legend: string;
  hint?: string;
  name: string;
  options: { value: string; label: string }[];
  checked: readonly string[];
  errors?: string[] | null;
}) {
  const id = useId();
  const errorId = errors?.length ? `${id}-error` : undefined;
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <fieldset aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined} aria-invalid={errorId ? true : undefined}>
      <legend>{legend}</legend>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      <div className="checkbox-grid">
        {options.map((option) => (
          <label key={option.value} className="checkbox">
            <input type="checkbox" name={name} value={option.value} defaultChecked={checked.includes(option.value)} />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      <ErrorList id={errorId} errors={errors} />
    </fieldset>
  );
}
