import { singleton } from "~/utils/singleton.server";
import { baseSynonymGroups } from "~/modules/search/vocabulary.server";
import { loadHsNomenclature } from "~/modules/hs/nomenclature.server";
import { entryFromGroup, type GlossaryEntry } from "./glossary";

/** HS titles longer than this are descriptions, not terms anyone writes in a message. */
const MAX_TITLE_WORDS = 4;

/**
 * The glossary translations respect: the product vocabulary's groups and the
 * short HS titles (labelled by language), read once per process.
 */
export function translationGlossary(): GlossaryEntry[] {
  return singleton("translationGlossary", () => {
    const entries = baseSynonymGroups().map(entryFromGroup);
    for (const hs of loadHsNomenclature().entries) {
      const { en, pt } = hs.titles;
      const zh = hs.titles["zh-CN"];
      if (!zh || !en || !pt) continue;
      if ([en, pt].some((title) => title.split(/\s+/).length > MAX_TITLE_WORDS || /[,;:()]/.test(title)) || zh.length > 8) continue;
      entries.push({ zh: [zh], en: [en.toLowerCase()], pt: [pt.toLowerCase()] });
    }
    return entries;
  });
}
