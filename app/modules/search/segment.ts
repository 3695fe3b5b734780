import { HAN_RUN } from "~/modules/i18n-text/han";

/**
 * Chinese word parts split apart before Meilisearch sees them. Pure.
 *
 * Meilisearch segments Chinese with jieba, which keeps "LED吸顶灯" whole, so
 * "LED灯" would not find it. Its `dictionary` setting fixes that, but makes
 * every search several times slower (the tokenizer is rebuilt per query:
 * p95 49 ms instead of 18 ms at 8 clients on these machines). So the app
 * does the splitting: the same function runs over documents and queries,
 * putting spaces around the known parts (吸顶, 灯, 锁...) of runs of Han
 * characters, longest part first; anything else is left to jieba.
 */

export interface Segmenter {
  (text: string): string;
}

export function createSegmenter(words: Iterable<string>): Segmenter {
  const known = new Set([...words].filter((word) => word && /^[\u3400-\u9fff\uf900-\ufaff]+$/u.test(word)));
  const longest = Math.max(0, ...[...known].map((word) => word.length));
  const splitRun = (run: string): string => {
    const parts: string[] = [];
    let unknown = "";
    for (let i = 0; i < run.length; ) {
      let match = "";
      for (let length = Math.min(longest, run.length - i); length > 0; length--) {
        const candidate = run.slice(i, i + length);
        if (known.has(candidate)) {
          match = candidate;
          break;
        }
      }
      if (match) {
        if (unknown) parts.push(unknown);
        unknown = "";
        parts.push(match);
        i += match.length;
      } else {
        unknown += run[i];
        i += 1;
      }
    }
    if (unknown) parts.push(unknown);
    return parts.join(" ");
  };
  return (text) => (known.size ? text.replace(HAN_RUN, (run) => ` ${splitRun(run)} `).replace(/ {2,}/g, " ").trim() : text);
}
