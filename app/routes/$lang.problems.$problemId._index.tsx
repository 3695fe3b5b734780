import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormattedDate, FormattedDateTime } from "~/components/formatted";
import { AssignForm, OpenCloseForm, ProblemMessages, ProblemStatusBadge, RateForm, ReplyForm } from "~/components/problem-thread";
import { getFixedT } from "~/i18n/i18next.server";
import { requireUrlLocale } from "~/i18n/locale.server";
import { requireProblemViewer } from "~/modules/access/problem.server";
import { checkAttachments, readForm } from "~/modules/inquiry/attachment.server";
import { attachmentFieldErrors } from "~/modules/inquiry/attachment-limits";
import { AssignProblemSchema, ProblemMessageSchema, ProblemStatusSchema, RateProblemSchema } from "~/modules/problem/problem.schema";
import { getProblem } from "~/modules/problem/problem.server";
import { assignProblem, postProblemMessage, rateProblem, setProblemOpen } from "~/modules/problem/thread.server";
import { domainErrorReply } from "~/utils/domain-error.server";
import { parseSubmission } from "~/utils/form.server";
import { useFormatters } from "~/utils/format";
import { pageMeta } from "~/utils/meta";
import inquiryStyles from "~/styles/inquiry.css";

export const handle = { i18n: ["problems", "inquiry", "validation"] };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: inquiryStyles }];

/** One problem's thread, for the firm that raised it and for the bureau (anyone else: 404). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  const problem = await getProblem(await requireProblemViewer(request, params.problemId), locale);
  const t = await getFixedT(locale, "problems");
  return json({ title: `${problem.subject} · ${t(`category.${problem.category}`)}`, problem }, { headers: { "Cache-Control": "private, no-store" } });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title ?? "");

const schemas = { message: ProblemMessageSchema, assign: AssignProblemSchema, close: ProblemStatusSchema, reopen: ProblemStatusSchema, rate: RateProblemSchema } as const;
type Intent = keyof typeof schemas;
const isIntent = (value: unknown): value is Intent => typeof value === "string" && Object.hasOwn(schemas, value);

export async function action({ request, params }: ActionFunctionArgs) {
  await requireUrlLocale(request, params.lang);
  const viewer = await requireProblemViewer(request, params.problemId);
  const upload = await readForm(request);
  const intent = upload.formData.get("intent");
  if (!isIntent(intent)) return json({ intent: null, result: null, done: false }, { status: 400 });
  const submission = parseSubmission(upload.formData, { schema: schemas[intent] });
  if (submission.status !== "success") return json({ intent, result: submission.reply(), done: false }, { status: 400 });
  try {
    if (intent === "message") {
      const checked = await checkAttachments(upload);
      if (!checked.ok) return json({ intent, result: submission.reply({ fieldErrors: attachmentFieldErrors(checked) }), done: false }, { status: 400 });
      const value = submission.value as { body: string; internal: boolean };
      await postProblemMessage(viewer, value, checked.attachments);
      return json({ intent, result: submission.reply({ resetForm: true }), done: true });
    }
    if (intent === "assign") await assignProblem(viewer, submission.value as { assigneeId?: string; department?: string });
    else if (intent === "rate") await rateProblem(viewer, submission.value as { rating: number; comment?: string });
    else await setProblemOpen(viewer, intent);
  } catch (error) {
    const { result, status } = domainErrorReply(error, submission);
    return json({ intent, result, done: false }, { status });
  }
  return json({ intent, result: submission.reply(), done: true });
}

export default function ProblemPage() {
  const { t, i18n } = useTranslation("problems");
  const { problem } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const lang = i18n.language;
  const bureau = problem.side === "BUREAU";
  const format = useFormatters();
  return (
    <div className="stack-lg inquiry-thread">
      <p>
        <Link to={bureau ? `/${lang}/bureau/problems` : `/${lang}/problems`}>← {t(bureau ? "thread.backBureau" : "thread.back")}</Link>
      </p>
      <header className="stack">
        <h1>{problem.subject}</h1>
        <p className="lead">
          {t(`category.${problem.category}`)} · <ProblemStatusBadge status={problem.status} />
        </p>
        {searchParams.get("sent") ? (
          <p className="notice notice--success" role="status">
            {t("new.sent")}
          </p>
        ) : null}
      </header>
      <section className="card" aria-labelledby="problem-details-title">
        <h2 id="problem-details-title">{t("thread.details")}</h2>
        <dl className="facts">
          <dt>{t("bureau.firm")}</dt>
          <dd>{problem.firm.name}</dd>
          <dt>{t("list.raised")}</dt>
          <dd>
            <FormattedDateTime value={problem.createdAt} />
          </dd>
          <dt>{t("thread.deadline")}</dt>
          <dd>
            <span suppressHydrationWarning>{problem.sla ? t(`sla.${problem.sla}`, { date: format.dateTime(problem.firstAnswerDueAt) }) : "—"}</span>
          </dd>
          {bureau ? (
            <>
              <dt>{t("thread.assignee")}</dt>
              <dd>{problem.assignee ?? t("thread.nobody")}</dd>
              <dt>{t("thread.department")}</dt>
              <dd>{problem.department ?? "—"}</dd>
            </>
          ) : null}
          {problem.rating ? (
            <>
              <dt>{t("thread.rating")}</dt>
              <dd>
                {t(bureau ? "thread.firmRating" : "thread.yourRating", { rating: problem.rating })}
                {problem.ratingComment ? ` — ${problem.ratingComment}` : ""}
              </dd>
            </>
          ) : null}
          {problem.closedAt ? (
            <>
              <dt>{t("status.CLOSED")}</dt>
              <dd>
                <FormattedDate value={problem.closedAt} />
              </dd>
            </>
          ) : null}
        </dl>
      </section>
      <ProblemMessages problem={problem} />
      {problem.status === "CLOSED" ? (
        <p className="notice" role="note">
          {t("thread.closedNotice")}
        </p>
      ) : (
        <ReplyForm problem={problem} />
      )}
      {bureau ? <AssignForm problem={problem} /> : null}
      <OpenCloseForm problem={problem} />
      {!bureau && problem.status === "CLOSED" && problem.answered ? <RateForm problem={problem} /> : null}
    </div>
  );
}
