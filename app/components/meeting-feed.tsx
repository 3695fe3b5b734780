import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useFormatters } from "~/utils/format";

/**
 * The agenda page's calendar subscription: the secret feed URL is shown once,
 * right after it is made; afterwards only that one exists, and it can be made
 * anew (the old URL stops working) or revoked.
 */
export function FeedPanel({ feed, feedUrl, revoked }: { feed: { createdAt: string } | null; feedUrl: string | null; revoked: boolean }) {
  const { t } = useTranslation("meetings");
  const format = useFormatters();
  const busy = useNavigation().state !== "idle";
  return (
    <section className="stack no-print" aria-labelledby="feed-heading" data-testid="feed">
      <h2 id="feed-heading">{t("feed.title")}</h2>
      <p>{t("feed.intro")}</p>
      {feedUrl ? (
        <div className="field">
          <label htmlFor="feed-url">{t("feed.url")}</label>
          <input id="feed-url" readOnly value={feedUrl} data-testid="feed-url" onFocus={(event) => event.currentTarget.select()} />
          <span className="muted">{t("feed.shownOnce")}</span>
        </div>
      ) : feed ? (
        <p>{t("feed.active", { date: format.date(feed.createdAt) })}</p>
      ) : (
        <p>{revoked ? t("feed.revoked") : t("feed.none")}</p>
      )}
      <div style={{ display: "flex", flexWrap: "wrap", gap: "0.75rem" }}>
        <Form method="post">
          <input type="hidden" name="intent" value="feedRenew" />
          <button type="submit" className="button" disabled={busy}>
            {feed || feedUrl ? t("feed.renew") : t("feed.create")}
          </button>
        </Form>
        {feed || feedUrl ? (
          <Form method="post">
            <input type="hidden" name="intent" value="feedRevoke" />
            <button type="submit" className="button button--secondary" disabled={busy}>
              {t("feed.revoke")}
            </button>
          </Form>
        ) : null}
      </div>
    </section>
  );
}
