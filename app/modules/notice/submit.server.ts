import { parseSubmission } from "~/utils/form.server";
import { isDomainError } from "~/utils/domain-error";
import { domainErrorMessage } from "~/utils/domain-error.server";
import { checkNoticePdfs, noticeUploadError, readNoticeForm } from "./attachments.server";
import { NoticeFormSchema } from "./notice.schema";
import { saveNotice } from "./notice.server";

/**
 * The notice form's submission, for the new and edit pages: parsed, the
 * PDFs checked from their bytes, saved. Returns the conform reply and the
 * status (400 with what the user typed kept), or the saved notice's id.
 */
export async function submitNoticeForm(request: Request, input: { id?: string; actorId: string; attached: number }) {
  const { formData, files } = await readNoticeForm(request);
  const submission = parseSubmission(formData, { schema: NoticeFormSchema });
  if (submission.status !== "success") return { reply: submission.reply(), status: 400 as const };
  const checked = await checkNoticePdfs(files, input.attached - submission.value.removeAttachmentIds.length);
  if (!checked.ok) return { reply: submission.reply({ fieldErrors: { attachment: [noticeUploadError(checked), "notices:errors.attachmentsLost"] } }), status: 400 as const };
  try {
    return { id: (await saveNotice({ id: input.id, values: submission.value, pdfs: checked.pdfs, actorId: input.actorId })).id };
  } catch (error) {
    if (!isDomainError(error) || error.status === 404) throw error;
    const message = domainErrorMessage(error);
    const reply = submission.reply(error.field ? { fieldErrors: { [error.field]: [message] } } : { formErrors: [message] });
    return { reply, status: error.status };
  }
}
