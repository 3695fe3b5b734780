import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FreeSlotList, MyBookings } from "~/components/meeting-booking";
import { ErrorList } from "~/components/forms";
import { getFixedT } from "~/i18n/i18next.server";
import { requireUrlLocale } from "~/i18n/locale.server";
import { requireBuyerCompany } from "~/modules/access/buyer.server";
import { BookSchema, CancelBookingSchema } from "~/modules/meeting/booking.schema";
import { getMeetingEdition } from "~/modules/meeting/edition.server";
import { slotTimes } from "~/modules/meeting/self-booking";
import { bookSlot, cancelBooking, selfBookingView } from "~/modules/meeting/self-booking.server";
import { domainErrorReply, throwDomainError } from "~/utils/domain-error.server";
import { parseSubmission, readFormData } from "~/utils/form.server";
import { pageMeta } from "~/utils/meta";

export const handle = { i18n: ["meetings", "validation"] };

/** A delegation firm's free slots for a registered buyer, who books one directly (self-booking, issue 10 item 4). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  const buyer = await requireBuyerCompany(request);
  const edition = await getMeetingEdition(params.editionSlug ?? "", locale).catch(throwDomainError);
  const view = await selfBookingView(edition, buyer.buyerCompanyId, params.firmId ?? "", locale).catch(throwDomainError);
  const t = await getFixedT(locale, "meetings");
  const ownZone = view.ownZone !== edition.timeZone ? view.ownZone : null;
  const times = (start: string, end: string) => slotTimes(start, end, { fairZone: edition.timeZone, ownZone, locale });
  return json({
    title: t("booking.title", { firm: view.firm.name }),
    edition,
    firm: view.firm,
    open: view.open,
    registered: view.registered,
    ownZone,
    slots: view.slots.map((slot) => ({ slotId: slot.slotId, remote: slot.remote, ...times(slot.start, slot.end) })),
    booked: view.booked.map((row) => ({ id: row.id, table: row.table, remote: row.remote, ...times(row.startsAt, row.endsAt) })),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title ?? "");

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  const buyer = await requireBuyerCompany(request);
  const edition = await getMeetingEdition(params.editionSlug ?? "", locale).catch(throwDomainError);
  const formData = await readFormData(request);
  const actor = { userId: buyer.id, buyerCompanyId: buyer.buyerCompanyId };
  if (formData.get("intent") === "cancelBooking") {
    const submission = parseSubmission(formData, { schema: CancelBookingSchema });
    if (submission.status !== "success") return json({ result: submission.reply(), done: null }, { status: 400 });
    try {
      await cancelBooking(actor, edition, submission.value.meetingId);
    } catch (error) {
      const { result, status } = domainErrorReply(error, submission);
      return json({ result, done: null }, { status });
    }
    return json({ result: submission.reply(), done: "cancelled" as const });
  }
  const submission = parseSubmission(formData, { schema: BookSchema });
  if (submission.status !== "success") return json({ result: submission.reply(), done: null }, { status: 400 });
  try {
    await bookSlot(actor, edition, params.firmId ?? "", submission.value.slotId);
  } catch (error) {
    const { result, status } = domainErrorReply(error, submission);
    return json({ result, done: null }, { status });
  }
  return json({ result: submission.reply(), done: "booked" as const });
}

export default function BookFirmSlot() {
  const { t } = useTranslation("meetings");
  const { lang } = useParams();
  const data = useLoaderData<typeof loader>();
  const acted = useActionData<typeof action>();
  const fieldErrors = acted?.result?.status === "error" && acted.result.error ? Object.values(acted.result.error).flat() : [];
  return (
    <div className="stack-lg">
      <header className="stack">
        <h1>{data.title}</h1>
        <p>
          <Link to={`/${lang}/meetings/${data.edition.slug}/buyer`}>{t("booking.back")}</Link> · <Link to={`/${lang}/meetings/${data.edition.slug}/buyer/agenda`}>{t("agenda.open")}</Link>
        </p>
      </header>
      {acted?.done ? (
        <p className="notice notice--success" role="status">
          {t(`booking.${acted.done}`)}
        </p>
      ) : null}
      {/* A refused booking (slot just taken, no interpreter free…) or a bad field: all at the top, the slots are buttons. */}
      <ErrorList errors={fieldErrors} />
      {!data.open ? <p>{t("booking.off")}</p> : !data.registered ? <p>{t("booking.notRegistered")}</p> : null}
      {data.open && data.registered ? (
        <>
          <p>{t("booking.intro", { firm: data.firm.name, fair: data.edition.name, zone: data.edition.timeZone })}</p>
          <FreeSlotList slots={data.slots} ownZone={data.ownZone} />
        </>
      ) : null}
      <MyBookings booked={data.booked} />
    </div>
  );
}
