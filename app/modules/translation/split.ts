/**
 * Long texts go to an engine in parts cut at sentence ends. Pure. The parts
 * always join back to the whole text: nothing is ever cut off silently.
 */
export const DEFAULT_PART_CHARS = 4000;

/** A sentence ends after . ! ? (and their Chinese forms) or a line break. */
const SENTENCE_END = /[.!?。！？…]+["'”’)）]*\s*|\n+/gu;

function sentences(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (const match of text.matchAll(SENTENCE_END)) {
    const end = (match.index ?? 0) + match[0].length;
    out.push(text.slice(start, end));
    start = end;
  }
  if (start < text.length) out.push(text.slice(start));
  return out;
}

/** A sentence longer than a part: cut at the last space or comma before the limit, or at the limit. */
function cutLong(sentence: string, max: number): string[] {
  const out: string[] = [];
  let rest = sentence;
  while (rest.length > max) {
    const window = rest.slice(0, max);
    const soft = Math.max(window.lastIndexOf(" "), window.lastIndexOf(","), window.lastIndexOf("，"));
    const at = soft > max / 2 ? soft + 1 : max;
    out.push(rest.slice(0, at));
    rest = rest.slice(at);
  }
  if (rest) out.push(rest);
  return out;
}

export function splitForTranslation(text: string, maxChars = DEFAULT_PART_CHARS): string[] {
  if (maxChars < 1) throw new RangeError("maxChars must be positive");
  if (text.length <= maxChars) return text ? [text] : [];
  const parts: string[] = [];
  let current = "";
  for (const sentence of sentences(text)) {
    for (const piece of sentence.length > maxChars ? cutLong(sentence, maxChars) : [sentence]) {
      if (current.length + piece.length > maxChars && current) {
        parts.push(current);
        current = "";
      }
      current += piece;
    }
  }
  if (current) parts.push(current);
  return parts;
}
