import { z } from "zod";

/** A buyer's self-booking forms (issue 10, item 4): book one slot of a firm, or cancel one of its bookings. */
const required = { required_error: "validation:required" };
export const BookSchema = z.object({
  intent: z.literal("book"),
  slotId: z.string(required).trim().min(1, "validation:required").max(20, "meetings:errors.unknownSlot"),
});
export const CancelBookingSchema = z.object({
  intent: z.literal("cancelBooking"),
  meetingId: z.string(required).trim().min(1, "validation:required").max(64, "validation:invalid"),
});
