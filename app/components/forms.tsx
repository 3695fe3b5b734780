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
  return (
    <ul id={id} className="error-list" role="alert">
      {shown.map((error) => (
        <li key={error}>{translateError(t, error)}</li>
      ))}
    </ul>
  );
}

function translateError(t: (key: string, options?: Record<string, unknown>) => string, error: string) {
  // "validation:tooLong|max=200" carries interpolation values.
  const [key, ...params] = error.split("|");
  const values = Object.fromEntries(params.map((param) => param.split("=") as [string, string]));
  return key.includes(":") ? t(key, values) : t(`validation:${key}`, { defaultValue: t("validation:invalid"), ...values });
}

interface FieldProps {
  label: ReactNode;
  hint?: ReactNode;
  errors?: (string | null | undefined)[] | null;
  inputProps: InputHTMLAttributes<HTMLInputElement> & { key?: string | null };
  className?: string;
}

export function Field({ label, hint, errors, inputProps, className }: FieldProps) {
  const fallbackId = useId();
  const { key, ...props } = inputProps;
  const id = props.id ?? fallbackId;
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
      <input
        key={key ?? undefined}
        id={id}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
        {...props}
      />
      <ErrorList id={errorId} errors={errors} />
    </div>
  );
}

interface TextareaFieldProps {
  label: ReactNode;
  hint?: ReactNode;
  errors?: (string | null | undefined)[] | null;
  textareaProps: TextareaHTMLAttributes<HTMLTextAreaElement> & { key?: string | null };
}

export function TextareaField({ label, hint, errors, textareaProps }: TextareaFieldProps) {
  const fallbackId = useId();
  const { key, ...props } = textareaProps;
  const id = props.id ?? fallbackId;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      <textarea
        key={key ?? undefined}
        id={id}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
        {...props}
      />
      <ErrorList id={errorId} errors={errors} />
    </div>
  );
}

interface SelectFieldProps {
  label: ReactNode;
  hint?: ReactNode;
  errors?: (string | null | undefined)[] | null;
  selectProps: SelectHTMLAttributes<HTMLSelectElement> & { key?: string | null };
  options: { value: string; label: string }[];
  placeholder?: string;
}

export function SelectField({ label, hint, errors, selectProps, options, placeholder }: SelectFieldProps) {
  const fallbackId = useId();
  const { key, defaultValue, ...props } = selectProps;
  const id = props.id ?? fallbackId;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      <select
        key={key ?? undefined}
        id={id}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
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
      <ErrorList id={errorId} errors={errors} />
    </div>
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
