import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { requireUrlLocale } from "~/i18n/locale.server";
import { saveNotificationPreferences } from "~/modules/notification/notification.server";
import { requireUser } from "~/modules/access/user.server";
import { readFormData } from "~/utils/form.server";

/**
 * Saves which notices the user also gets by e-mail (the form is on the
 * account page), then goes back there.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  const user = await requireUser(request);
  const formData = await readFormData(request);
  const kinds = formData.getAll("email").filter((value): value is string => typeof value === "string");
  await saveNotificationPreferences(user.id, user.role, kinds);
  return redirect(`/${locale}/account?preferences=saved#notification-preferences`);
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  return redirect(`/${locale}/account#notification-preferences`);
}
