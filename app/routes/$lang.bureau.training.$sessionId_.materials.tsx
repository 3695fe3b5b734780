import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorList } from "~/components/forms";
import { TrainingMaterials } from "~/components/training-materials";
import { requireUrlLocale } from "~/i18n/locale.server";
import { requireBureau } from "~/modules/access/user.server";
import { displayTextIn } from "~/modules/i18n-text/display.server";
import { checkNoticePdfs, MAX_NOTICE_ATTACHMENT_BYTES, readNoticeForm } from "~/modules/notice/attachments.server";
import { MAX_TRAINING_MATERIALS } from "~/modules/training/materials";
import { addMaterials, materialsPageFor, removeMaterial, setRecording } from "~/modules/training/materials.server";
import { LINK_MAX, MaterialsPageSchema } from "~/modules/training/training.schema";
import { sessionTimeText } from "~/modules/training/session";
import { domainErrorReply } from "~/utils/domain-error.server";
import { parseSubmission } from "~/utils/form.server";
import { notFound } from "~/utils/http.server";
import { pageMeta } from "~/utils/meta";

export const handle = { i18n: ["training", "validation"] };

const MAX_MB = MAX_NOTICE_ATTACHMENT_BYTES / (1024 * 1024);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  await requireBureau(request);
  const page = await materialsPageFor(params.sessionId ?? "");
  if (!page) notFound();
  const { session, materials } = page;
  return json({
    title: displayTextIn(session.title, locale),
    sessionId: session.id,
    when: sessionTimeText(session.startsAt, session.endsAt, locale),
    started: session.startsAt <= new Date(),
    cancelled: !!session.cancelledAt,
    recordingUrl: session.recordingUrl,
    materials,
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title ?? "");

export async function action({ request, params }: ActionFunctionArgs) {
  await requireUrlLocale(request, params.lang);
  const staff = await requireBureau(request);
  const sessionId = params.sessionId ?? "";
  // Multipart with the PDFs, or urlencoded for the other forms; never throws on what was sent.
  const { formData, files } = await readNoticeForm(request);
  const page = await materialsPageFor(sessionId);
  if (!page) notFound();
  const submission = parseSubmission(formData, { schema: MaterialsPageSchema });
  if (submission.status !== "success") return json({ result: submission.reply(), done: null }, { status: 400 });
  const value = submission.value;
  try {
    if (value.intent === "upload") {
      const checked = await checkNoticePdfs(files, page.materials.length);
      if (!checked.ok) {
        const file = (checked.fileName ?? "").replace(/[|=]/g, "_");
        const problem = checked.problem === "tooManyAttachments" ? "tooManyMaterials" : checked.problem;
        const message = `training:errors.${problem}|file=${file}|size=${MAX_MB}|count=${MAX_TRAINING_MATERIALS}`;
        return json({ result: submission.reply({ fieldErrors: { attachment: [message, "training:errors.materialsLost"] } }), done: null }, { status: 400 });
      }
      await addMaterials(sessionId, { pdfs: checked.pdfs, actorId: staff.id });
      return json({ result: submission.reply({ resetForm: true }), done: "upload" as const });
    }
    if (value.intent === "removeMaterial") {
      await removeMaterial(sessionId, value.materialId, { actorId: staff.id });
      return json({ result: submission.reply(), done: "removeMaterial" as const });
    }
    await setRecording(sessionId, { url: value.recordingUrl ?? null, actorId: staff.id });
    return json({ result: submission.reply(), done: value.recordingUrl ? ("recording" as const) : ("recordingRemoved" as const) });
  } catch (error) {
    const { result, status } = domainErrorReply(error, submission);
    return json({ result, done: null }, { status });
  }
}

export default function BureauTrainingMaterials() {
  const { t } = useTranslation("training");
  const { lang = "en" } = useParams();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.result?.error;
  const typedUrl = actionData && !actionData.done ? (actionData.result?.initialValue?.recordingUrl as string | undefined) : undefined;
  return (
    <div className="stack-lg">
      <p>
        <Link to={`/${lang}/bureau/training/${data.sessionId}`}>{t("materials.back")}</Link>
      </p>
      <header className="stack">
        <h1>{t("materials.pageTitle", { title: data.title })}</h1>
        <p>{data.when}</p>
        <p className="lead">{t("materials.intro")}</p>
      </header>
      {actionData?.done ? (
        <p className="notice notice--success" role="status">
          {t(`materials.done.${actionData.done}`)}
        </p>
      ) : null}
      <ErrorList errors={errors?.[""] ?? errors?.intent ?? errors?.materialId} />
      <TrainingMaterials lang={lang} sessionId={data.sessionId} materials={data.materials} recordingUrl={data.recordingUrl} headingLevel={2} />
      {data.materials.length ? (
        <ul className="plain-list stack" aria-label={t("materials.remove")}>
          {data.materials.map((material) => (
            <li key={material.id}>
              <Form method="post">
                <input type="hidden" name="intent" value="removeMaterial" />
                <input type="hidden" name="materialId" value={material.id} />
                <button type="submit" className="button button--secondary">
                  {t("materials.removeFile", { file: material.fileName })}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("materials.none")}</p>
      )}
      <Form method="post" encType="multipart/form-data" className="card stack">
        <input type="hidden" name="intent" value="upload" />
        <label htmlFor="training-material" className="field__label">
          {t("materials.add")}
        </label>
        <p className="field__hint" id="training-material-hint">
          {t("materials.hint", { count: MAX_TRAINING_MATERIALS, size: MAX_MB })}
        </p>
        <input id="training-material" type="file" name="attachment" accept="application/pdf,.pdf" multiple aria-describedby="training-material-hint" aria-invalid={errors?.attachment ? true : undefined} />
        <ErrorList errors={errors?.attachment} />
        <p>
          <button type="submit" className="button">
            {t("materials.upload")}
          </button>
        </p>
      </Form>
      <Form method="post" className="card stack">
        <input type="hidden" name="intent" value="recording" />
        <label htmlFor="training-recording" className="field__label">
          {t("materials.recordingUrl")}
        </label>
        <p className="field__hint" id="training-recording-hint">
          {data.started ? t("materials.recordingHint") : t("materials.recordingLater")}
        </p>
        <input
          id="training-recording"
          type="url"
          name="recordingUrl"
          maxLength={LINK_MAX}
          defaultValue={typedUrl ?? data.recordingUrl ?? ""}
          key={typedUrl ?? data.recordingUrl ?? ""}
          aria-describedby="training-recording-hint"
          aria-invalid={errors?.recordingUrl ? true : undefined}
        />
        <ErrorList errors={errors?.recordingUrl} />
        <p>
          <button type="submit" className="button">
            {t("materials.saveRecording")}
          </button>
        </p>
      </Form>
    </div>
  );
}
