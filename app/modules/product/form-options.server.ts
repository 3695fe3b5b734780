import type { Locale } from "~/i18n/config";
import { listCertifications } from "~/modules/reference/certifications.server";
import { prisma } from "~/utils/db.server";
import type { ClusterKey } from "./vocabulary";
import { clusterAttributes, productVocabularyOptions } from "./vocabulary-options.server";

/** What the product form offers, with the firm's industry's attributes first. */
export async function productFormOptions(firmId: string, locale: Locale) {
  const [firm, certifications] = await Promise.all([
    prisma.firm.findUnique({ where: { id: firmId }, select: { cluster: { select: { slug: true } } } }),
    listCertifications(locale),
  ]);
  const vocabulary = productVocabularyOptions(locale);
  const cluster = firm?.cluster?.slug as ClusterKey | undefined;
  return {
    typeGroups: cluster
      ? [...vocabulary.typeGroups].sort((a, b) => Number(b.cluster === cluster) - Number(a.cluster === cluster))
      : vocabulary.typeGroups,
    attributes: vocabulary.attributes,
    primaryAttributes: cluster && clusterAttributes[cluster] ? clusterAttributes[cluster] : ["material", "finish", "powerW"],
    certifications: certifications.map((certification) => ({ value: certification.code, label: `${certification.code} · ${certification.name}` })),
  };
}
