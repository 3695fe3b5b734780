import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormattedDateRange } from "~/components/formatted";
import { Money, StatusBadge } from "~/components/delegation-firm";
import type { DelegationHistoryEntry } from "~/modules/delegation/history.server";

/** A firm's fair delegations: on its public page (published rosters only), and for the firm and the bureau (every application). */
export function DelegationHistory({ lang, entries, withStatus }: { lang: string | undefined; entries: DelegationHistoryEntry[]; withStatus: boolean }) {
  const { t } = useTranslation("participation");
  return (
    <section className="card stack" aria-labelledby="delegation-history">
      <h2 id="delegation-history">{t("history.title")}</h2>
      {entries.length === 0 ? (
        <p className="muted">{t("history.empty")}</p>
      ) : (
        <ul className="stack">
          {entries.map((entry) => (
            <li key={entry.id}>
              <Link to={`/${lang}/fairs/${entry.edition.slug}`}>{entry.edition.name}</Link> · <FormattedDateRange from={entry.edition.startsOn} to={entry.edition.endsOn} />
              {withStatus ? (
                <>
                  {" "}
                  <StatusBadge status={entry.status} />
                </>
              ) : null}
              {entry.booth ? ` · ${t("history.booth", { booth: entry.booth })}` : null}
              {entry.subsidyPaidCny !== null ? (
                <>
                  {" "}
                  · {t("history.subsidyPaid")} <Money value={entry.subsidyPaidCny} />
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
