import { useTranslation } from "react-i18next";
import { formatters } from "~/utils/format";

/**
 * A training session's materials and recording (issue 11), as the bureau
 * and the seated firms see them: each PDF downloads; the recording opens in
 * a new tab (the link is https only, checked when the bureau set it).
 */
export function TrainingMaterials({
  lang,
  sessionId,
  materials,
  recordingUrl,
  headingLevel = 3,
}: {
  lang: string;
  sessionId: string;
  materials: { id: string; fileName: string; sizeBytes: number }[];
  recordingUrl: string | null;
  headingLevel?: 2 | 3;
}) {
  const { t } = useTranslation("training");
  if (materials.length === 0 && !recordingUrl) return null;
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const size = formatters(lang).number;
  return (
    <section className="stack" aria-label={t("materials.title")}>
      <Heading>{t("materials.title")}</Heading>
      {materials.length ? (
        <ul className="plain-list" aria-label={t("materials.files")}>
          {materials.map((material) => (
            <li key={material.id}>
              <a href={`/${lang}/training/${sessionId}/materials/${material.id}`} download={material.fileName}>
                {material.fileName}
              </a>{" "}
              ({t("materials.size", { size: size(Math.max(1, Math.round(material.sizeBytes / 1024))) })})
            </li>
          ))}
        </ul>
      ) : null}
      {recordingUrl ? (
        <p>
          <a href={recordingUrl} target="_blank" rel="noopener noreferrer nofollow">
            {t("materials.recording")}
          </a>
        </p>
      ) : null}
    </section>
  );
}
