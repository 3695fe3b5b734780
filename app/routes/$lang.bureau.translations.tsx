import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { TableWrap } from "~/components/table-wrap";
import { FormattedDateTime } from "~/components/formatted";
import { getFixedT } from "~/i18n/i18next.server";
import { requireUrlLocale } from "~/i18n/locale.server";
import { requireBureau } from "~/modules/access/user.server";
import { countTranslationBacklog, listParkedTranslations, retryParkedTranslations } from "~/modules/translation/views.server";
import { getEnv } from "~/utils/env.server";
import { invariantResponse } from "~/utils/http.server";
import { parseSubmission, readFormData } from "~/utils/form.server";
import { pageMeta } from "~/utils/meta";

export const handle = { i18n: ["translation", "bureau"] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  await requireBureau(request);
  const t = await getFixedT(locale, "translation");
  const url = getEnv().TRANSLATE_URL;
  const [parked, backlog] = await Promise.all([listParkedTranslations(), countTranslationBacklog()]);
  // The engine's address without any credentials it may carry.
  return json({ title: t("bureau.title"), engine: url ? new URL(url).origin : null, parked, backlog });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title ?? "");

const RetrySchema = z.object({ intent: z.literal("retry"), jobId: z.string().regex(/^\d{1,18}$/).optional() });

/** Sends one parked job, or all of them, back to the queue. */
export async function action({ request, params }: ActionFunctionArgs) {
  await requireUrlLocale(request, params.lang);
  const staff = await requireBureau(request);
  const submission = parseSubmission(await readFormData(request), { schema: RetrySchema });
  invariantResponse(submission.status === "success", "Bad request");
  const jobId = submission.value.jobId;
  return json({ retried: await retryParkedTranslations(staff.id, jobId === undefined ? undefined : BigInt(jobId)) });
}

export default function BureauTranslationsPage() {
  const { t } = useTranslation("translation");
  const { engine, parked, backlog } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="stack-lg">
      <h1>{t("bureau.title")}</h1>
      <p>{t("bureau.intro")}</p>
      <p>
        <strong>{t("bureau.engine")}:</strong> {engine ? t("bureau.engineOn", { url: engine }) : t("bureau.engineOff")}
      </p>
      <p>
        {t("bureau.pending")}: {backlog.pending} · {t("bureau.parked")}: {backlog.parked}
      </p>
      {actionData ? (
        <p className="notice notice--success" role="status">
          {t("bureau.retried", { count: actionData.retried })}
        </p>
      ) : null}
      {parked.length === 0 ? (
        <p>{t("bureau.none")}</p>
      ) : (
        <>
          <Form method="post">
            <button type="submit" name="intent" value="retry">
              {t("bureau.retryAll")}
            </button>
          </Form>
          <TableWrap label={t("bureau.parked")}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("bureau.source")}</th>
                  <th scope="col">{t("bureau.target")}</th>
                  <th scope="col">{t("bureau.attempts")}</th>
                  <th scope="col">{t("bureau.error")}</th>
                  <th scope="col">{t("bureau.created")}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t("bureau.retry")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {parked.map((job) => (
                  <tr key={job.id}>
                    <td>
                      {t(`kind.${job.sourceKind}`, { defaultValue: job.sourceKind })} <code>{job.sourceId}</code>
                    </td>
                    <td>{job.targetLang}</td>
                    <td>{job.attempts}</td>
                    <td>{job.lastError}</td>
                    <td>
                      <FormattedDateTime value={job.createdAt} />
                    </td>
                    <td>
                      <Form method="post">
                        <input type="hidden" name="jobId" value={job.id} />
                        <button type="submit" name="intent" value="retry">
                          {t("bureau.retry")}
                        </button>
                      </Form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </>
      )}
    </div>
  );
}
