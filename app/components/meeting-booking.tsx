import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** The bureau's switch for self-booking at an edition (issue 10, item 4). */
export function SelfBookingSwitch({ on }: { on: boolean }) {
  const { t } = useTranslation("meetings");
  const navigation = useNavigation();
  return (
    <section className="stack" aria-labelledby="self-booking-title">
      <h2 id="self-booking-title">{t("selfBooking.title")}</h2>
      <p data-testid="self-booking-state">{t(on ? "selfBooking.on" : "selfBooking.off")}</p>
      <p className="field__hint">{t("selfBooking.hint")}</p>
      <Form method="post" className="actions">
        <input type="hidden" name="intent" value="selfBooking" />
        <button type="submit" name="selfBooking" value={on ? "off" : "on"} className="button button--secondary" disabled={navigation.state === "submitting"}>
          {t(on ? "selfBooking.turnOff" : "selfBooking.turnOn")}
        </button>
      </Form>
    </section>
  );
}

export interface BookableSlot {
  slotId: string;
  day: string;
  fairTime: string;
  ownTime: string | null;
  remote: boolean;
}

/** A firm's free slots a buyer may book, in the fair's time and (remote) the buyer's own. */
export function FreeSlotList({ slots, ownZone }: { slots: BookableSlot[]; ownZone: string | null }) {
  const { t } = useTranslation("meetings");
  const navigation = useNavigation();
  if (!slots.length) return <p>{t("booking.noSlots")}</p>;
  return (
    <table className="table" data-testid="free-slots">
      <thead>
        <tr>
          <th scope="col">{t("agenda.day")}</th>
          <th scope="col">{t("booking.fairTime")}</th>
          {ownZone ? <th scope="col">{t("booking.ownZone", { zone: ownZone.replace(/_/g, " ") })}</th> : null}
          <th scope="col">{t("agenda.place")}</th>
          <th scope="col">
            <span className="visually-hidden">{t("booking.book")}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {slots.map((slot) => (
          <tr key={slot.slotId} data-slot={slot.slotId}>
            <td>{slot.day}</td>
            <td>{slot.fairTime}</td>
            {ownZone ? <td>{slot.ownTime ?? slot.fairTime}</td> : null}
            <td>{slot.remote ? t("booking.remote") : t("agenda.table")}</td>
            <td>
              <Form method="post">
                <input type="hidden" name="intent" value="book" />
                <input type="hidden" name="slotId" value={slot.slotId} />
                <button type="submit" className="button" disabled={navigation.state === "submitting"}>
                  {t("booking.book")}
                </button>
              </Form>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function MyBookings({ booked }: { booked: { id: string; day: string; fairTime: string; ownTime: string | null; table: string | null; remote: boolean }[] }) {
  const { t } = useTranslation("meetings");
  const navigation = useNavigation();
  if (!booked.length) return null;
  return (
    <section className="stack" aria-labelledby="my-bookings">
      <h2 id="my-bookings">{t("booking.mine")}</h2>
      <ul className="stack" data-testid="my-bookings">
        {booked.map((row) => (
          <li key={row.id} className="card" data-meeting={row.id}>
            {row.day} {row.fairTime}
            {row.ownTime ? ` · ${row.ownTime}` : ""} · {row.remote ? t("booking.remote") : `${t("agenda.table")} ${row.table ?? ""}`}
            <Form method="post" className="actions">
              <input type="hidden" name="intent" value="cancelBooking" />
              <input type="hidden" name="meetingId" value={row.id} />
              <button type="submit" className="button button--secondary" disabled={navigation.state === "submitting"}>
                {t("booking.cancel")}
              </button>
            </Form>
          </li>
        ))}
      </ul>
    </section>
  );
}
