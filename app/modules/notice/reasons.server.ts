import { prisma } from "~/utils/db.server";
import type { Locale } from "~/i18n/config";
import { displayTextIn } from "~/modules/i18n-text/display.server";
import { countryName } from "~/modules/reference/countries.server";
import type { TargetReason } from "./targeting";

/**
 * Reasons named in the reader's language: the translation key (notices
 * namespace) and its parameters ("your cluster: {{cluster}}").
 */
export interface NamedReason {
  key: string;
  params: Record<string, string>;
}

export async function nameReasons(reasonLists: TargetReason[][], locale: Locale): Promise<NamedReason[][]> {
  const townIds = new Set<string>();
  const clusterIds = new Set<string>();
  const certCodes = new Set<string>();
  for (const reason of reasonLists.flat()) {
    if (reason.key === "town") townIds.add(reason.params.townId);
    if (reason.key === "cluster") clusterIds.add(reason.params.clusterId);
    if (reason.key === "certificationHeld" || reason.key === "certificationMissing") certCodes.add(reason.params.code);
  }
  const [towns, clusters, certs] = await Promise.all([
    townIds.size ? prisma.town.findMany({ where: { id: { in: [...townIds] } }, select: { id: true, name: true } }) : [],
    clusterIds.size ? prisma.cluster.findMany({ where: { id: { in: [...clusterIds] } }, select: { id: true, name: true } }) : [],
    certCodes.size ? prisma.certification.findMany({ where: { code: { in: [...certCodes] } }, select: { code: true, name: true } }) : [],
  ]);
  const townNames = new Map(towns.map((row) => [row.id, displayTextIn(row.name, locale)]));
  const clusterNames = new Map(clusters.map((row) => [row.id, displayTextIn(row.name, locale)]));
  const certNames = new Map(certs.map((row) => [row.code, displayTextIn(row.name, locale) || row.code]));
  return reasonLists.map((reasons) =>
    reasons.map((reason): NamedReason => {
      switch (reason.key) {
        case "town":
          return { key: "reason.town", params: { town: townNames.get(reason.params.townId) ?? "" } };
        case "cluster":
          return { key: "reason.cluster", params: { cluster: clusterNames.get(reason.params.clusterId) ?? "" } };
        case "hs":
          return { key: "reason.hs", params: { code: reason.params.code } };
        case "market":
          return { key: "reason.market", params: { country: countryName(reason.params.country, locale) } };
        case "certificationHeld":
          return { key: "reason.certificationHeld", params: { certification: certNames.get(reason.params.code) ?? reason.params.code } };
        case "certificationMissing":
          return { key: "reason.certificationMissing", params: { certification: certNames.get(reason.params.code) ?? reason.params.code } };
        case "size":
          return { key: "reason.size", params: { band: reason.params.band } };
        default:
          return { key: `reason.${reason.key}`, params: {} };
      }
    }),
  );
}
