import { productTypes } from "~/modules/product/vocabulary";
import { prisma } from "~/utils/db.server";
import { singleton } from "~/utils/singleton.server";
import { toSimplified } from "~/modules/i18n-text/chinese-script.server";
import { buildHeadIndex, headSynonymGroups, type HeadIndex } from "./head-noun";
import { baseSynonymGroups } from "./vocabulary.server";

/**
 * The head index a search reads: the product vocabulary with the shipped
 * synonym groups and the bureau's (a bureau group naming a new word beside a
 * known product name makes that word a head: "plafon" → ceiling light).
 * Built once and kept; cleared when the bureau's synonyms change (the same
 * moment they are pushed to Meilisearch), and at most a minute old in a
 * process that did not make the change.
 */
const MAX_AGE_MS = 60_000;

interface Cached {
  index: Promise<HeadIndex>;
  builtAt: number;
}

const cache = singleton("searchHeadIndexCache", () => ({ current: null as Cached | null }));

async function buildIndex(): Promise<HeadIndex> {
  const added = await prisma.searchSynonymGroup.findMany({ select: { terms: true }, orderBy: { createdAt: "asc" } });
  return buildHeadIndex(productTypes, headSynonymGroups(baseSynonymGroups(), added.map((group) => group.terms.map(toSimplified))));
}

export function headIndex(now = Date.now()): Promise<HeadIndex> {
  const cached = cache.current;
  if (cached && now - cached.builtAt < MAX_AGE_MS) return cached.index;
  const index = buildIndex();
  const entry = { index, builtAt: now };
  cache.current = entry;
  // A failed read is not kept: the next search asks again.
  index.catch(() => {
    if (cache.current === entry) cache.current = null;
  });
  return index;
}

/** The bureau's synonyms changed: the next search rebuilds the index. */
export function invalidateHeadIndex() {
  cache.current = null;
}
