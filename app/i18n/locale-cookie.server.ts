import { createCookie } from "@remix-run/node";

/** Remembers a language the user picked, for links without a locale. */
export const localeCookie = createCookie("ponte_lng", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
});
