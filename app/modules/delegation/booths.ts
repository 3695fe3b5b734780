/**
 * Booth assignment for a delegation: every approved firm gets a booth of the
 * type it applied for; firms of one cluster that asked to be kept together
 * get booths in the same zone, next to each other where the floor plan
 * allows. Booths the bureau placed by hand stay where they are. Pure and
 * deterministic: the same input gives the same plan.
 */

export interface Booth {
  number: string;
  zone: string;
  boothTypeCode: string;
}

export interface BoothApplicant {
  applicationId: string;
  boothTypeCode: string;
  clusterSlug: string | null;
  keepWithCluster: boolean;
  /** Booth already given (by hand, or in an earlier run). */
  booth: string | null;
}

export interface BoothPlan {
  assignments: { applicationId: string; booth: string; zone: string }[];
  unassigned: { applicationId: string; reason: "noBoothOfType" | "unknownBooth" }[];
}

const collator = new Intl.Collator("en", { numeric: true });

/** `applicants` in rank order (best first): better-ranked firms choose first. */
export function assignBooths(booths: readonly Booth[], applicants: readonly BoothApplicant[]): BoothPlan {
  const byNumber = new Map(booths.map((booth) => [booth.number, booth]));
  const ordered = [...booths].sort((a, b) => collator.compare(a.zone, b.zone) || collator.compare(a.number, b.number));
  const taken = new Set<string>();
  const plan: BoothPlan = { assignments: [], unassigned: [] };
  const zoneOfCluster = new Map<string, string>();
  const lastOfCluster = new Map<string, number>();

  const give = (applicant: BoothApplicant, booth: Booth) => {
    taken.add(booth.number);
    plan.assignments.push({ applicationId: applicant.applicationId, booth: booth.number, zone: booth.zone });
    if (applicant.keepWithCluster && applicant.clusterSlug) {
      zoneOfCluster.set(applicant.clusterSlug, booth.zone);
      lastOfCluster.set(applicant.clusterSlug, ordered.indexOf(booth));
    }
  };

  // Booths placed by hand first, so nobody else takes them.
  for (const applicant of applicants) {
    if (!applicant.booth) continue;
    const booth = byNumber.get(applicant.booth);
    if (!booth || taken.has(booth.number)) plan.unassigned.push({ applicationId: applicant.applicationId, reason: "unknownBooth" });
    else give(applicant, booth);
  }

  // Firms kept with their cluster, cluster by cluster in the order of each cluster's best-ranked firm.
  const grouped = applicants.filter((applicant) => !applicant.booth && applicant.keepWithCluster && applicant.clusterSlug);
  const clusterOrder = [...new Set(grouped.map((applicant) => applicant.clusterSlug!))];
  const rest = applicants.filter((applicant) => !applicant.booth && !(applicant.keepWithCluster && applicant.clusterSlug));
  const queue = [...clusterOrder.flatMap((cluster) => grouped.filter((applicant) => applicant.clusterSlug === cluster)), ...rest];

  for (const applicant of queue) {
    const free = (booth: Booth) => !taken.has(booth.number) && booth.boothTypeCode === applicant.boothTypeCode;
    let choice: Booth | undefined;
    const cluster = applicant.keepWithCluster ? applicant.clusterSlug : null;
    if (cluster && zoneOfCluster.has(cluster)) {
      // The nearest free booth after the cluster's last one, in the cluster's zone.
      const zone = zoneOfCluster.get(cluster);
      const last = lastOfCluster.get(cluster) ?? 0;
      const inZone = ordered.map((booth, index) => ({ booth, index })).filter(({ booth }) => booth.zone === zone && free(booth));
      choice = inZone.sort((a, b) => Math.abs(a.index - last) - Math.abs(b.index - last) || a.index - b.index)[0]?.booth;
    }
    if (!choice && cluster) {
      // A cluster's first firm starts in the zone with the most free booths of its type, so the rest fit beside it.
      const needed = grouped.filter((applicant) => applicant.clusterSlug === cluster).length;
      const zones = new Map<string, number>();
      for (const booth of ordered) if (free(booth)) zones.set(booth.zone, (zones.get(booth.zone) ?? 0) + 1);
      const zone = [...zones].sort((a, b) => Number(b[1] >= needed) - Number(a[1] >= needed) || b[1] - a[1] || collator.compare(a[0], b[0]))[0]?.[0];
      choice = ordered.find((booth) => booth.zone === zone && free(booth));
    }
    choice ??= ordered.find(free);
    if (choice) give(applicant, choice);
    else plan.unassigned.push({ applicationId: applicant.applicationId, reason: "noBoothOfType" });
  }
  return plan;
}
