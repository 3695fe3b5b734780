import { useTranslation } from "react-i18next";

/** A match's score: the number, and a meter for the eye (the number is what a screen reader hears). */
export function MatchScore({ score }: { score: number }) {
  const { t } = useTranslation("matching");
  return (
    <span className="match-score">
      <meter className="match-score__meter" min={0} max={100} low={40} high={70} optimum={100} value={score} aria-hidden="true" />
      <span className="visually-hidden">{t("scoreLabel", { score })}</span>
      <span aria-hidden="true">{t("score", { score })}</span>
    </span>
  );
}

/** Why something matches: each reason a chip, those that count against it marked in words, not only in colour. */
export function MatchReasons({ reasons, labelledBy }: { reasons: { code: string; text: string; negative: boolean }[]; labelledBy?: string }) {
  const { t } = useTranslation("matching");
  return (
    <ul className="match-reasons" aria-label={labelledBy ? undefined : t("reasons")} aria-labelledby={labelledBy}>
      {reasons.map((reason) => (
        <li key={`${reason.code}:${reason.text}`} className={`match-reason${reason.negative ? " match-reason--negative" : ""}`} data-code={reason.code}>
          <span aria-hidden="true">{reason.negative ? "✗ " : "✓ "}</span>
          {reason.negative ? <span className="visually-hidden">{t("negative")} </span> : null}
          {reason.text}
        </li>
      ))}
    </ul>
  );
}
