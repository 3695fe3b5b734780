import fs from "node:fs";
import path from "node:path";
import { prisma } from "~/utils/db.server";
import { singleton } from "~/utils/singleton.server";
import { toSimplified } from "~/modules/i18n-text/chinese-script.server";
import { normalizeGroup, synonymMap, type SynonymGroup } from "./synonyms";
import { createSegmenter, type Segmenter } from "./segment";

/**
 * The cross-language search vocabulary: the base set shipped with the code
 * (data/vocabulary.json) plus the groups bureau staff add in the app
 * (SearchSynonymGroup rows). Chinese words are kept in Simplified
 * characters, as the index is.
 */
interface VocabularyFile {
  synonyms: string[][];
  dictionary: string[];
}

function vocabularyFile(): VocabularyFile {
  return singleton("searchVocabularyFile", () => {
    const file = path.resolve(process.env.PONTE_SEARCH_VOCABULARY ?? "app/modules/search/data/vocabulary.json");
    const parsed = JSON.parse(fs.readFileSync(file, "utf8")) as Partial<VocabularyFile>;
    return { synonyms: parsed.synonyms ?? [], dictionary: parsed.dictionary ?? [] };
  });
}

/** The shipped synonym groups. */
export function baseSynonymGroups(): SynonymGroup[] {
  return vocabularyFile().synonyms.map((group) => normalizeGroup(group.map(toSimplified)));
}

/** Chinese word parts split apart in documents and queries (a change rebuilds the indexes). */
export function searchDictionary(): string[] {
  return [...new Set(vocabularyFile().dictionary.map((word) => toSimplified(word.trim())).filter(Boolean))].sort();
}

function segmenter(): Segmenter {
  return singleton("searchSegmenter", () => createSegmenter(searchDictionary()));
}

/**
 * Chinese as the index holds it and queries must be: Simplified characters,
 * known word parts split apart ("LED吸頂燈" → "LED 吸顶 灯"). Other text passes through.
 */
export function searchableChinese(text: string): string {
  return segmenter()(toSimplified(text));
}

/** Shipped groups plus the bureau's, as Meilisearch's synonyms setting (Chinese split as queries are). */
export async function effectiveSynonyms(): Promise<Record<string, string[]>> {
  const added = await prisma.searchSynonymGroup.findMany({ select: { terms: true }, orderBy: { createdAt: "asc" } });
  const groups = [...baseSynonymGroups(), ...added.map((group) => normalizeGroup(group.terms.map(toSimplified)))];
  return synonymMap(groups.map((group) => group.map((term) => segmenter()(term))));
}
