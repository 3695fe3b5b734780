import { isRouteErrorResponse, Link, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/**
 * One error page for every route: a message for the status, in the user's
 * language, and never a stack trace or the server's error text.
 */
function errorKey(error: unknown) {
  const status = isRouteErrorResponse(error) ? error.status : 500;
  if (status === 404) return "notFound";
  if (status === 403) return "forbidden";
  if (status === 401) return "unauthorized";
  if (status === 429) return "tooMany";
  if (status >= 400 && status < 500) return "badRequest";
  return "serverError";
}

/**
 * A refusal that says why (the form boundary's `{ messageKey }`): its own
 * message of the `common` namespace instead of the status's generic text.
 */
function refusalKey(error: unknown): string | undefined {
  if (!isRouteErrorResponse(error)) return undefined;
  const key = (error.data as { messageKey?: unknown } | null)?.messageKey;
  return typeof key === "string" && /^errors\.(form|request)\.[a-zA-Z]+$/.test(key) ? key : undefined;
}

export function errorTitleKey(error: unknown) {
  return `errors.${errorKey(error)}.title`;
}

export function GeneralErrorBoundary({ error }: { error: unknown }) {
  const { t } = useTranslation("common");
  const { lang } = useParams();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const key = errorKey(error);
  return (
    <section className="error-page" aria-labelledby="error-title">
      <p className="error-code">{status}</p>
      <h1 id="error-title">{t(`errors.${key}.title`)}</h1>
      <p>{t(refusalKey(error) ?? `errors.${key}.body`)}</p>
      <p>
        <Link to={`/${lang ?? ""}`}>{t("errors.home")}</Link>
      </p>
    </section>
  );
}
