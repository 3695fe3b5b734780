/**
 * Every distinct run of 2 to 4 Han characters inside the Han runs of a
 * text, set apart by spaces (see notice-document.server.ts). Pure. At most
 * MAX_NOTICE_GRAMS runs are kept (a body of 20,000 characters has fewer
 * distinct ones in practice; the cap bounds the document whatever comes).
 */
export const MAX_NOTICE_GRAMS = 20_000;
const SHORTEST = 2;
const LONGEST = 4;

export function noticeGrams(
  text: string,
  hanRun: RegExp,
  max = MAX_NOTICE_GRAMS
): string {
  const grams = new Set<string>();
  const runs = text.match(new RegExp(hanRun.source, "gu")) ?? [];
  for (const run of runs) {
    const chars = [...run];
    for (let start = 0; start < chars.length; start++) {
      for (
        let length = SHORTEST;
        length <= LONGEST && start + length <= chars.length;
        length++
      ) {
        if (grams.size >= max) return [...grams].join(" ");
        grams.add(chars.slice(start, start + length).join(""));
      }
    }
  }
  return [...grams].join(" ");
}
