import { useTranslation } from "react-i18next";
import { FormattedDateTime } from "~/components/formatted";
import { Money, StatusBadge, VenueDateTime } from "~/components/delegation-firm";
import type { OwnApplication } from "~/modules/delegation/firm-view.server";

type Shown = Omit<OwnApplication, "allProducts" | "call"> & { call: Pick<OwnApplication["call"], "deadline" | "edition" | "subsidySharePercent" | "subsidyCapCny"> };

/** The firm's application as it follows it and as it prints: status, the bureau's reason, booth, subsidy, what it sent. */
export function ApplicationSummary({ application, documentHref }: { application: Shown; documentHref: (id: string) => string }) {
  const { t } = useTranslation("participation");
  const { edition } = application.call;
  return (
    <>
      <section className="card stack" aria-labelledby="application-status">
        <h2 id="application-status">{t("view.status")}</h2>
        <p>
          <StatusBadge status={application.status} /> <span className="muted">{t(`statusHint.${application.status}`)}</span>
        </p>
        {application.decisionReason ? (
          <div className="stack">
            <h3>{t("view.reason")}</h3>
            <p className="decision-reason">{application.decisionReason}</p>
          </div>
        ) : null}
        <dl className="facts">
          <dt>{t("terms.fair")}</dt>
          <dd>
            {edition.name} · {edition.city}
          </dd>
          <dt>{t("terms.deadline")}</dt>
          <dd>
            <VenueDateTime value={application.call.deadline} zone={edition.timeZone} />
          </dd>
          <dt>{t("view.submitted")}</dt>
          <dd>
            <FormattedDateTime value={application.submittedAt} />
          </dd>
          <dt>{t("view.booth")}</dt>
          <dd>{application.booth ? [application.booth, application.boothZone ? t("view.zone", { zone: application.boothZone }) : null].filter(Boolean).join(" · ") : t("view.noBooth")}</dd>
          <dt>{t("view.subsidy")}</dt>
          <dd>
            {application.subsidyPaidCny !== null ? (
              <>
                {t("view.subsidyPaid")} <Money value={application.subsidyPaidCny} />
              </>
            ) : application.expectedSubsidyCny !== null ? (
              <>
                {t("view.subsidyExpected")} <Money value={application.expectedSubsidyCny} />
              </>
            ) : (
              t("view.noSubsidy")
            )}
          </dd>
        </dl>
      </section>
      <section className="card stack" aria-labelledby="application-content">
        <h2 id="application-content">{t("view.content")}</h2>
        <dl className="facts">
          <dt>{t("view.firm")}</dt>
          <dd>
            {application.firmName}
            {application.uscc ? <span className="mono"> · {application.uscc}</span> : null}
          </dd>
          <dt>{t("form.boothType")}</dt>
          <dd>{application.boothType ? `${application.boothType.name} (${application.boothType.code}) · ${application.boothType.widthM} × ${application.boothType.depthM} m` : application.boothTypeCode}</dd>
          <dt>{t("form.keepWithCluster")}</dt>
          <dd>{application.keepWithCluster ? t("yes") : t("no")}</dd>
        </dl>
        <h3>{t("form.products")}</h3>
        <ul>
          {application.products.map((product) => (
            <li key={product.id}>
              {product.name} <span className="muted">HS {product.hsCode}</span>
            </li>
          ))}
        </ul>
        <h3>{t("form.attendees")}</h3>
        <ul>
          {application.attendees.split("\n").filter(Boolean).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        {application.documents.length ? (
          <>
            <h3>{t("form.documents")}</h3>
            <ul>
              {application.documents.map((document) => (
                <li key={document.id}>
                  {document.asked ? `${document.asked}: ` : null}
                  <a href={documentHref(document.id)}>{document.fileName}</a>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {application.note ? (
          <>
            <h3>{t("form.note")}</h3>
            <p className="decision-reason">{application.note}</p>
          </>
        ) : null}
      </section>
    </>
  );
}
