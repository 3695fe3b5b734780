import { useTranslation } from "react-i18next";
import { FormattedDateRange } from "~/components/formatted";
import { Money, VenueDateTime } from "~/components/delegation-firm";
import type { BoothType } from "~/modules/delegation/subsidy";

interface CallTermsProps {
  call: {
    deadline: string;
    quota: number;
    boothTypes: BoothType[];
    subsidySharePercent: number;
    subsidyCapCny: number;
    documentsAsked: string[];
    edition: { name: string; city: string; startsOn: string; endsOn: string; timeZone: string };
  };
}

/** What a call offers and asks: the fair, the deadline in the venue's time, places, booths and fees, the subsidy, the documents. */
export function CallTerms({ call }: CallTermsProps) {
  const { t } = useTranslation("participation");
  return (
    <section className="card stack" aria-labelledby="call-terms">
      <h2 id="call-terms">{t("terms.title")}</h2>
      <dl className="facts">
        <dt>{t("terms.fair")}</dt>
        <dd>
          {call.edition.name} · {call.edition.city} · <FormattedDateRange from={call.edition.startsOn} to={call.edition.endsOn} />
        </dd>
        <dt>{t("terms.deadline")}</dt>
        <dd>
          <VenueDateTime value={call.deadline} zone={call.edition.timeZone} />
        </dd>
        <dt>{t("terms.quota")}</dt>
        <dd>{t("terms.places", { count: call.quota })}</dd>
        <dt>{t("terms.subsidy")}</dt>
        <dd>
          {t("terms.subsidyShare", { percent: call.subsidySharePercent })} · {t("terms.subsidyCap")} <Money value={call.subsidyCapCny} />
        </dd>
      </dl>
      <h3>{t("terms.booths")}</h3>
      <ul>
        {call.boothTypes.map((booth) => (
          <li key={booth.code}>
            {booth.name} ({booth.code}) · {booth.widthM} × {booth.depthM} m · <Money value={booth.feeCny} />
          </li>
        ))}
      </ul>
      {call.documentsAsked.length ? (
        <>
          <h3>{t("terms.documents")}</h3>
          <ul>
            {call.documentsAsked.map((name) => (
              <li key={name}>{name}</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
