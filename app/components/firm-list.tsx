import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FallbackMark, OriginMark } from "./catalog-fields";

export interface FirmListItem {
  slug: string;
  name: { text: string; locale: string; origin: string; isFallback: boolean } | null;
  summary: string;
  logoKey: string | null;
  town: { slug: string; name: string } | null;
  cluster: { slug: string; name: string } | null;
  markets: string[];
  products: number;
}

/** Public firms as cards: name (marked when not in the reader's language), place, markets. */
export function FirmList({ firms, lang }: { firms: FirmListItem[]; lang: string }) {
  const { t } = useTranslation("directory");
  const { t: tc } = useTranslation("catalog");
  if (!firms.length) return <p>{t("list.none")}</p>;
  return (
    <ul className="card-grid firm-cards">
      {firms.map((firm) => (
        <li key={firm.slug} className="card firm-card">
          <h3 className="firm-card__name">
            <Link to={`/${lang}/firms/${firm.slug}`} lang={firm.name?.isFallback ? firm.name.locale : undefined}>
              {firm.name?.text ?? firm.slug}
            </Link>
          </h3>
          {firm.name?.isFallback ? <FallbackMark locale={firm.name.locale} /> : <OriginMark origin={firm.name?.origin} />}
          <p className="muted">{[firm.cluster?.name, firm.town?.name].filter(Boolean).join(" · ")}</p>
          {firm.summary ? <p className="firm-card__summary">{firm.summary}</p> : null}
          <p className="muted">
            {t("list.products", { count: firm.products })}
            {firm.markets.length ? ` · ${t("list.markets")} ${firm.markets.join(tc("completeness.separator"))}` : ""}
          </p>
        </li>
      ))}
    </ul>
  );
}
