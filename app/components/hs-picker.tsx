import { getInputProps, type FieldMetadata } from "@conform-to/react";
import { useFetcher } from "@remix-run/react";
import { useEffect, useRef, useState, useSyncExternalStore, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import { formatHsCode } from "~/modules/hs/hs-code";
import { ErrorList } from "./forms";

interface Suggestion {
  code: string;
  level: number;
  title: string;
  titleSource?: { source: string; of: string } | null;
  replaces?: { code: string; edition: string };
}

const noSubscription = () => () => {};

/** False in the server's HTML and during hydration, true once the browser runs React. */
function useHydrated() {
  return useSyncExternalStore(noSubscription, () => true, () => false);
}

/**
 * The HS picker: a text field that suggests HS codes from words in any
 * language or from digits, as you type (WAI-ARIA combobox with a listbox:
 * arrow keys move, Enter picks, Escape closes). Without JavaScript it is a
 * plain code field, checked on the server.
 */
export function HsPicker({ meta, label, lang, initialTitle }: { meta: FieldMetadata<string | undefined>; label: string; lang: string; initialTitle?: string | null }) {
  const { t } = useTranslation("catalog");
  const fetcher = useFetcher<{ items?: Suggestion[] }>();
  const hydrated = useHydrated();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [title, setTitle] = useState(initialTitle ?? null);
  const [query, setQuery] = useState("");
  const input = useRef<HTMLInputElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => () => clearTimeout(timer.current), []);

  const listId = `${meta.id}-suggestions`;
  const hintId = `${meta.id}-hint`;
  const titleId = `${meta.id}-title`;
  const errorId = meta.errors?.length ? `${meta.id}-error` : undefined;
  const items = query ? (fetcher.data?.items ?? []) : [];
  const expanded = open && items.length > 0;
  const { key, ...inputProps } = getInputProps(meta, { type: "text" });

  function search(value: string) {
    setTitle(null);
    setActive(-1);
    setQuery(value.trim());
    clearTimeout(timer.current);
    if (!value.trim()) return setOpen(false);
    setOpen(true);
    timer.current = setTimeout(() => {
      fetcher.load(`/api/v1/hs/suggest?${new URLSearchParams({ q: value.trim().slice(0, 200), lang, limit: "8" })}`);
    }, 150);
  }

  function choose(item: Suggestion) {
    if (input.current) input.current.value = formatHsCode(item.code);
    setTitle(item.title);
    setOpen(false);
    setActive(-1);
    input.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      if (!open) setOpen(true);
      setActive((index) => (items.length ? (index + 1) % items.length : -1));
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      setActive((index) => (items.length ? (index <= 0 ? items.length - 1 : index - 1) : -1));
    } else if (event.key === "Enter" && expanded && active >= 0) {
      event.preventDefault();
      choose(items[active]);
    } else if (event.key === "Escape" && open) {
      event.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  }

  return (
    <div className="field hs-picker">
      <label htmlFor={meta.id}>{label}</label>
      <p id={hintId} className="field__hint">
        {t("hs.hint")}
      </p>
      <input
        key={key}
        {...inputProps}
        ref={input}
        autoComplete="off"
        spellCheck={false}
        maxLength={200}
        role={hydrated ? "combobox" : undefined}
        aria-autocomplete={hydrated ? "list" : undefined}
        aria-expanded={hydrated ? expanded : undefined}
        aria-controls={hydrated ? listId : undefined}
        aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={[hintId, title ? titleId : null, errorId].filter(Boolean).join(" ")}
        onChange={(event) => search(event.currentTarget.value)}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
      />
      {hydrated ? (
        <ul id={listId} role="listbox" aria-label={t("hs.suggestions")} className="hs-picker__list" hidden={!expanded}>
          {items.map((item, index) => (
            <li
              key={item.code}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              className="hs-picker__option"
              // mousedown, not click: the input's blur would close the list first.
              onMouseDown={(event) => {
                event.preventDefault();
                choose(item);
              }}
            >
              <span className="hs-picker__code">{formatHsCode(item.code)}</span> <span>{item.title}</span>
              {item.titleSource?.source === "heading" ? <small> ({t("mapping.hsSource.heading", { code: formatHsCode(item.titleSource.of) })})</small> : null}
              {item.replaces ? <small> {t("mapping.replaces", { code: formatHsCode(item.replaces.code), edition: item.replaces.edition })}</small> : null}
            </li>
          ))}
        </ul>
      ) : null}
      <p className="visually-hidden" aria-live="polite">
        {open && query && fetcher.state === "idle" && fetcher.data ? t("hs.count", { count: items.length }) : ""}
      </p>
      {title ? (
        <p id={titleId} className="hs-picker__title">
          {title}
        </p>
      ) : null}
      <ErrorList id={errorId} errors={meta.errors} />
    </div>
  );
}
