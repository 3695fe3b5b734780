import { z } from "zod";

/** The agenda page's calendar-feed form: make a new secret URL (the old one stops working) or revoke it. */
export const FeedSchema = z.object({ intent: z.enum(["feedRenew", "feedRevoke"], { errorMap: () => ({ message: "validation:invalid" }) }) });
