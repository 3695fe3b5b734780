import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";
import { useTranslation } from "react-i18next";

/**
 * Error messages are translation keys ("validation:required"), produced by
 * the shared Zod schemas; they are translated here, in the user's language.
 */
export function ErrorList({ id, errors }: { id?: string; errors?: (string | null | undefined)[] | null }) {
  const { t } = useTranslation("validation");
  const shown = errors?.filter(Boolean) as string[] | undefined;
  if (!shown?.length) return null;
  // The alert is a wrapper, not the list's own role: role="alert" on the <ul>
  // would take away its list semantics (axe: "list", "listitem").
  return (
    <div id={id} className="error-alert" role="alert">
      <ul className="error-list">
        {shown.map((error) => (
          <li key={error}>{translateError(t, error)}</li>
        ))}
      </ul>
    </div>
  );
}

function translateError(t: (key: string, options?: Record<string, unknown>) => string, error: string) {
  // "validation:tooLong|max=200" carries interpolation values.
  const [key, ...params] = error.split("|");
  const values = Object.fromEntries(params.map((param) => param.split("=") as [string, string]));
  return key.includes(":") ? t(key, values) : t(`validation:${key}`, { defaultValue: t("validation:invalid"), ...values });
}

interface FrameProps {
  label: ReactNode;
  hint?: ReactNode;
  errors?: (string | null | undefined)[] | null;
  id?: string;
  className?: string;
}

/**
 * Label, hint and errors around one control, wired together for assistive
 * technology (aria-invalid, aria-describedby). Each field kind below renders
 * its own control through `children`.
 */
function FieldFrame({
  label,
  hint,
  errors,
  id: givenId,
  className,
  children,
}: FrameProps & { children: (aria: { id: string; "aria-invalid"?: true; "aria-describedby"?: string }) => ReactNode }) {
  const fallbackId = useId();
  const id = givenId ?? fallbackId;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className={`field ${className ?? ""}`}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      {children({
        id,
        "aria-invalid": errorId ? true : undefined,
        "aria-describedby": [hintId, errorId].filter(Boolean).join(" ") || undefined,
      })}
      <ErrorList id={errorId} errors={errors} />
    </div>
  );
}

export function Field({
  inputProps,
  ...frame
}: Omit<FrameProps, "id"> & { inputProps: InputHTMLAttributes<HTMLInputElement> & { key?: string | null } }) {
  const { key, id, ...props } = inputProps;
  return (
    <FieldFrame {...frame} id={id}>
      {(aria) => <input key={key ?? undefined} {...aria} {...props} />}
    </FieldFrame>
  );
}

export function TextareaField({
  textareaProps,
  ...frame
}: Omit<FrameProps, "id"> & { textareaProps: TextareaHTMLAttributes<HTMLTextAreaElement> & { key?: string | null } }) {
  const { key, id, ...props } = textareaProps;
  return (
    <FieldFrame {...frame} id={id}>
      {(aria) => <textarea key={key ?? undefined} {...aria} {...props} />}
    </FieldFrame>
  );
}

export function SelectField({
  selectProps,
  options,
  placeholder,
  ...frame
}: Omit<FrameProps, "id"> & {
  selectProps: SelectHTMLAttributes<HTMLSelectElement> & { key?: string | null };
  options: { value: string; label: string }[];
  placeholder?: string;
}) {
  const { key, id, defaultValue, ...props } = selectProps;
  return (
    <FieldFrame {...frame} id={id}>
      {(aria) => (
        <select
          key={key ?? undefined}
          {...aria}
          // A repeated field posts several values; a single select shows the first.
          defaultValue={Array.isArray(defaultValue) ? defaultValue[0] : defaultValue}
          {...props}
        >
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}

/** Hidden from people and assistive technology; bots fill it in. */
export function HoneypotField({ name }: { name: string }) {
  const { t } = useTranslation("common");
  return (
    <div className="honeypot" aria-hidden="true">
      <label>
        {t("form.honeypot")}
        <input type="text" name={name} tabIndex={-1} autoComplete="off" defaultValue="" />
      </label>
    </div>
  );
}
