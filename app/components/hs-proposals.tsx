import { useFetcher } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { formatHsCode } from "~/modules/hs/hs-code";

interface Suggestion {
  code: string;
  title: string;
}

/** Adds a code to the comma-separated field as if typed, so the form's validation sees it. */
function addCode(inputId: string, code: string) {
  const input = document.getElementById(inputId) as HTMLInputElement | null;
  if (!input) return;
  const codes = input.value.split(/[,;\s]+/).filter(Boolean);
  if (codes.some((existing) => existing.replace(/\D/g, "") === code)) return;
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")?.set;
  setter?.call(input, [...codes, formatHsCode(code)].join(", "));
  input.dispatchEvent(new Event("input", { bubbles: true }));
}

/**
 * HS codes proposed from the words a buyer wrote (what they want and the
 * keywords), by the HS picker's suggestions (the tariff's titles and what
 * people call the products under each code, in every language, with the
 * product vocabulary's synonyms). A proposal is only added when the buyer
 * clicks it: codes stay optional. Without JavaScript nothing is proposed and
 * the field is a plain, optional code field.
 */
export function HsProposals({ words, inputId, lang }: { words: string; inputId: string; lang: string }) {
  const { t } = useTranslation("buyer");
  const fetcher = useFetcher<{ items?: Suggestion[] }>();
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const query = words.replace(/\s+/g, " ").trim().slice(0, 200);
  useEffect(() => {
    clearTimeout(timer.current);
    if (query.length < 2) return;
    timer.current = setTimeout(() => fetcher.load(`/api/v1/hs/suggest?${new URLSearchParams({ q: query, lang, limit: "6" })}`), 300);
    return () => clearTimeout(timer.current);
    // fetcher.load is stable enough for this; the words are what matter.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [query, lang]);
  const items = query.length >= 2 ? (fetcher.data?.items ?? []) : [];
  if (items.length === 0) return null;
  return (
    <div className="hs-proposals stack-sm" aria-live="polite">
      <p className="muted">{t("request.proposals")}</p>
      <ul className="plain-list">
        {items.map((item) => (
          <li key={item.code}>
            <button type="button" className="button button--small" onClick={() => addCode(inputId, item.code)}>
              {t("request.addCode", { code: formatHsCode(item.code) })}
            </button>{" "}
            {item.title}
          </li>
        ))}
      </ul>
    </div>
  );
}
