import { isRouteErrorResponse, Link, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/**
 * One error page for every route: a message for the status, in the user's
 * language, and never a stack trace or the server's error text.
 */
export function GeneralErrorBoundary({ error }: { error: unknown }) {
  const { t } = useTranslation("common");
  const { lang } = useParams();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const key =
    status === 404 ? "notFound" : status === 403 ? "forbidden" : status === 401 ? "unauthorized" : status === 400 || status === 413 || status === 422 ? "badRequest" : status === 429 ? "tooMany" : "serverError";
  return (
    <section className="error-page" aria-labelledby="error-title">
      <p className="error-code">{status}</p>
      <h1 id="error-title">{t(`errors.${key}.title`)}</h1>
      <p>{t(`errors.${key}.body`)}</p>
      <p>
        <Link to={`/${lang ?? ""}`}>{t("errors.home")}</Link>
      </p>
    </section>
  );
}
