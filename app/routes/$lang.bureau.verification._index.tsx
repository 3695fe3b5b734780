import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getFixedT } from "~/i18n/i18next.server";
import { requireUrlLocale } from "~/i18n/locale.server";
import { listFirmsForVerification, VERIFICATION_PAGE_SIZE } from "~/modules/firm/verification.server";
import { listPendingChanges } from "~/modules/firm/reverification.server";
import { verificationStatuses } from "~/modules/firm/verification.schema";
import { requireBureau } from "~/modules/access/user.server";
import { FormattedDate, FormattedNumber } from "~/components/formatted";
import { Pagination } from "~/components/pagination";
import { TableWrap } from "~/components/table-wrap";
import { pageMeta } from "~/utils/meta";
import { pageNumber, parseQuery } from "~/utils/query";
import { z } from "zod";

export const handle = { i18n: ["audit", "validation", "privacy", "verification"] };

// "REVERIFICATION": verified firms whose new name, credit code or town waits for the bureau (issue 14).
const VerificationQuerySchema = z.object({ status: z.enum([...verificationStatuses, "REVERIFICATION"]).catch("PENDING"), page: pageNumber });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  await requireBureau(request);
  const { status, page } = parseQuery(request, VerificationQuerySchema);
  const t = await getFixedT(locale, "audit");
  if (status === "REVERIFICATION") {
    const { total, pages, changes } = await listPendingChanges({ page, pageSize: VERIFICATION_PAGE_SIZE, locale });
    return json({ title: t("verification.title"), status, page, total, pages, firms: [], changes });
  }
  return json({ title: t("verification.title"), status, page, changes: [], ...(await listFirmsForVerification({ status, page, locale })) });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title ?? "");

export default function VerificationList() {
  const { t } = useTranslation("audit");
  const { t: tv } = useTranslation("validation");
  const { t: tp } = useTranslation("privacy");
  const { lang } = useParams();
  const { t: tr } = useTranslation("verification");
  const { status, firms, changes, total, page, pages } = useLoaderData<typeof loader>();
  return (
    <div className="stack-lg">
      <header className="stack">
        <h1>{t("verification.title")}</h1>
        <p className="lead">{t("verification.intro")}</p>
      </header>
      <nav className="tabs" aria-label={t("verification.statusFilter")}>
        {verificationStatuses.map((candidate) => (
          <Link key={candidate} to={`?status=${candidate}`} className={candidate === status ? "active" : undefined} aria-current={candidate === status ? "page" : undefined}>
            {t(`status.${candidate}`)}
          </Link>
        ))}
        <Link to="?status=REVERIFICATION" className={status === "REVERIFICATION" ? "active" : undefined} aria-current={status === "REVERIFICATION" ? "page" : undefined}>
          {tr("queue.tab")}
        </Link>
      </nav>
      {status === "REVERIFICATION" ? (
        <section className="card stack" aria-labelledby="changes-title">
          <h2 id="changes-title">
            {tr("queue.title")} (<FormattedNumber value={total} />)
          </h2>
          {changes.length === 0 ? (
            <p>{tr("queue.none")}</p>
          ) : (
            <TableWrap label={tr("queue.title")}>
              <table className="stacking-table">
                <thead>
                  <tr>
                    <th scope="col">{tr("queue.firm")}</th>
                    <th scope="col">{tr("queue.changed")}</th>
                    <th scope="col">{tr("queue.since")}</th>
                  </tr>
                </thead>
                <tbody>
                  {changes.map((change) => (
                    <tr key={change.firmId}>
                      <td data-label={tr("queue.firm")}>
                        <Link to={`/${lang}/bureau/verification/${change.firmId}/change`}>{change.name || t("firm.unnamed")}</Link>
                      </td>
                      <td data-label={tr("queue.changed")}>{change.fields.map((field) => tr(`fields.${field}`)).join(", ")}</td>
                      <td data-label={tr("queue.since")}>
                        <FormattedDate value={change.createdAt} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )}
          <Pagination page={page} pages={pages} label={t("verification.pages")} />
        </section>
      ) : (
      <section className="card stack" aria-labelledby="firms-title">
        <h2 id="firms-title">
          {t(`verification.listTitle.${status}`)} (<FormattedNumber value={total} />)
        </h2>
        {firms.length === 0 ? (
          <p>{t(`verification.none.${status}`)}</p>
        ) : (
          <TableWrap label={t(`verification.listTitle.${status}`)}>
            <table className="stacking-table">
              <thead>
                <tr>
                  <th scope="col">{t("firm.name")}</th>
                  <th scope="col">{t("firm.uscc")}</th>
                  <th scope="col">{t("firm.town")}</th>
                  <th scope="col">{t("firm.products")}</th>
                  <th scope="col">{t("firm.registered")}</th>
                </tr>
              </thead>
              <tbody>
                {firms.map((firm) => (
                  <tr key={firm.id}>
                    {/* Below 40rem each row stacks into a card, each cell labelled by its column (data-label). */}
                    <td data-label={t("firm.name")}>
                      <Link to={`/${lang}/bureau/verification/${firm.id}`} lang={firm.name ? firm.nameLang : undefined}>
                        {firm.name || t("firm.unnamed")}
                      </Link>
                      {firm.heldByBureauSince ? (
                        <>
                          {" "}
                          <span className="badge badge--pending">{tp("held.badge")}</span>
                        </>
                      ) : null}
                    </td>
                    <td data-label={t("firm.uscc")}>
                      {firm.uscc ? (
                        <>
                          <span className="mono">{firm.uscc}</span>{" "}
                          {firm.usccProblem ? (
                            <span className="badge badge--rejected" title={tv(`uscc.${firm.usccProblem}`)}>
                              {t("firm.usccInvalid")}
                            </span>
                          ) : (
                            <span className="badge badge--verified">{t("firm.usccValid")}</span>
                          )}
                        </>
                      ) : (
                        <span className="muted">{t("firm.usccMissing")}</span>
                      )}
                    </td>
                    <td data-label={t("firm.town")}>{firm.town ?? "—"}</td>
                    <td data-label={t("firm.products")}>
                      <FormattedNumber value={firm.products} />
                    </td>
                    <td data-label={t("firm.registered")}>
                      <FormattedDate value={firm.createdAt} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
        <Pagination page={page} pages={pages} label={t("verification.pages")} />
      </section>
      )}
    </div>
  );
}
