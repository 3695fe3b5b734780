import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormattedDateRange } from "~/components/formatted";
import { VenueDateTime } from "~/components/delegation-firm";
import type { FairHit } from "~/modules/search/fair-queries.server";

/** Fairs found by the site search, with the delegation call when it is open (firm members are offered to apply). */
export function FairHits({ hits, lang, firmMember }: { hits: FairHit[]; lang: string; firmMember: boolean }) {
  const { t } = useTranslation("participation");
  if (!hits.length) return null;
  return (
    <section className="card stack" aria-labelledby="fair-hits-title">
      <h2 id="fair-hits-title">{t("search.title")}</h2>
      <ul className="stack">
        {hits.map((hit) => (
          <li key={hit.slug}>
            <Link to={`/${lang}/fairs/${hit.slug}`}>{hit.name}</Link> · {hit.city} · <FormattedDateRange from={hit.startsOn} to={hit.endsOn} />
            {hit.openCall ? (
              <p className="muted">
                {t("search.callOpen")} <VenueDateTime value={hit.openCall.deadline} zone={hit.timeZone} />
                {firmMember ? (
                  <>
                    {" "}
                    · <Link to={`/${lang}/delegations/calls/${hit.openCall.callId}`}>{t("index.apply")}</Link>
                  </>
                ) : null}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
