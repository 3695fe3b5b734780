import type { TranslationEngine } from "./engine";
import { EngineError } from "./engine";
import { checkTranslation } from "./answer";
import { protectTerms, restoreTerms, type GlossaryEntry } from "./glossary";
import { DEFAULT_PART_CHARS, splitForTranslation } from "./split";

/**
 * One text through an engine: glossary terms protected, the text cut into
 * parts at sentence ends, every part's answer checked, the terms put back.
 * No I/O of its own (the engine is given), so it is unit-tested with a fake.
 * Any bad part fails the whole text: a translation is complete or absent.
 */
export async function translateText(
  engine: Pick<TranslationEngine, "translate">,
  input: { text: string; source: string; target: string; glossary: readonly GlossaryEntry[]; maxChars?: number },
): Promise<string> {
  const parts = splitForTranslation(input.text, input.maxChars ?? DEFAULT_PART_CHARS);
  const out: string[] = [];
  for (const part of parts) {
    // Blank parts (line breaks between paragraphs) need no engine.
    if (!part.trim()) {
      out.push(part);
      continue;
    }
    const leading = part.match(/^\s*/)?.[0] ?? "";
    const trailing = part.match(/\s*$/)?.[0] ?? "";
    const guarded = protectTerms(part.trim(), input.glossary, input.source, input.target);
    const answer = await engine.translate({ text: guarded.text, source: input.source, target: input.target });
    const checked = checkTranslation(guarded.text, answer);
    if (!checked.ok) throw new EngineError(`unusable answer: ${checked.problem}`);
    const restored = restoreTerms(checked.text, guarded, input.target);
    if (restored === null) throw new EngineError("unusable answer: glossary term lost");
    out.push(leading + restored.trim() + trailing);
  }
  return out.join("");
}
