import type { Locale } from "~/i18n/config";
import { noticeHitsFor, noticeHitsOf } from "~/modules/notice/archive.server";
import type { Alongside } from "./alongside";
import { fairHitsFrom, fairsQuery, searchFairs, type FairHit } from "./fair-queries.server";
import { noticeIdsFrom, noticeIndexQuery } from "./notice-queries.server";

type NoticeBox = Awaited<ReturnType<typeof noticeHitsFor>>;
export const noNotices: NoticeBox = { notices: [], total: 0, fallbacks: [] };

const BOX_SIZE = 5;

/**
 * The site search page's boxes above its results: fair editions (with their
 * open delegation calls) and public policy notices that match the words.
 * Their searches ride in the page's product or firm multi-search
 * (`alongside`: one round trip to the engine instead of three); when that
 * did not carry them (nothing to search for, or the combined request failed),
 * each is asked on its own. A box that cannot be answered is empty: a search
 * engine hiccup there costs only that box.
 */
export function searchBoxes(q: string) {
  const fairs = fairsQuery(q, BOX_SIZE);
  const notices = noticeIndexQuery({ q, offset: 0, limit: BOX_SIZE });
  const alongside: Alongside = { queries: [...(fairs ? [fairs] : []), ...(notices ? [notices] : [])] };
  return {
    alongside,
    async answer(locale: Locale): Promise<{ fairs: FairHit[]; notices: NoticeBox }> {
      const answers = [...(alongside.answers ?? [])];
      const fairAnswer = fairs ? answers.shift() : undefined;
      const noticeAnswer = notices ? answers.shift() : undefined;
      const [fairHits, noticeHits] = await Promise.all([
        (fairAnswer ? fairHitsFrom(fairAnswer, locale) : fairs ? searchFairs(q, locale, BOX_SIZE) : Promise.resolve([])).catch(() => []),
        (noticeAnswer ? noticeHitsOf(noticeIdsFrom(noticeAnswer), locale) : notices ? noticeHitsFor(q, locale, BOX_SIZE) : Promise.resolve(noNotices)).catch(() => noNotices),
      ]);
      return { fairs: fairHits, notices: noticeHits };
    },
  };
}
