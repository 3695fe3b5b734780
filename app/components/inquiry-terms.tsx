import { useTranslation } from "react-i18next";
import { FormattedDate, FormattedNumber } from "~/components/formatted";

/** The terms an inquiry thread opened with, as the thread page shows them. */
export interface ThreadTerms {
  terms: { quantity: number | null; unit: string | null; targetPriceUsd: number | null; incoterm: string | null; destinationCountry: string | null };
  destinationName: string | null;
  request: { id: string; title: string } | null;
  products: { id: string | null; name: string }[];
  createdAt: string;
}

export function InquiryTerms({ thread }: { thread: ThreadTerms }) {
  const { t } = useTranslation("inquiry");
  const { i18n } = useTranslation();
  const usd = new Intl.NumberFormat(i18n.language, { style: "currency", currency: "USD" });
  return (
    <section className="card" aria-labelledby="terms-title">
      <h2 id="terms-title">{t("thread.terms")}</h2>
      <dl className="facts">
        <dt>{t("new.products")}</dt>
        <dd>
          {thread.products.length ? (
            <ul className="plain-list">
              {thread.products.map((product, index) => (
                <li key={product.id ?? index}>{product.name}</li>
              ))}
            </ul>
          ) : (
            t("inbox.generalInquiry")
          )}
        </dd>
        {thread.terms.quantity ? (
          <>
            <dt>{t("new.quantity")}</dt>
            <dd>
              <FormattedNumber value={thread.terms.quantity} /> {thread.terms.unit ? t(`units.${thread.terms.unit}`) : ""}
            </dd>
          </>
        ) : null}
        {thread.terms.targetPriceUsd !== null ? (
          <>
            <dt>{t("new.targetPrice")}</dt>
            <dd suppressHydrationWarning>{usd.format(thread.terms.targetPriceUsd)}</dd>
          </>
        ) : null}
        {thread.terms.incoterm ? (
          <>
            <dt>{t("new.incoterm")}</dt>
            <dd>{thread.terms.incoterm}</dd>
          </>
        ) : null}
        {thread.destinationName ? (
          <>
            <dt>{t("new.destination")}</dt>
            <dd>{thread.destinationName}</dd>
          </>
        ) : null}
        {thread.request ? (
          <>
            <dt>{t("thread.request")}</dt>
            <dd>{thread.request.title}</dd>
          </>
        ) : null}
        <dt>{t("thread.sentOn")}</dt>
        <dd>
          <FormattedDate value={thread.createdAt} />
        </dd>
      </dl>
    </section>
  );
}

