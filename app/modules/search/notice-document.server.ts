import { HAN_RUN } from "~/modules/i18n-text/han";
import { asLocalizedText } from "~/modules/i18n-text/localized-text";
import { toSimplified } from "~/modules/i18n-text/chinese-script.server";
import { localizedFields, type LocalizedFields } from "./documents.server";
import { noticeGrams } from "./notice-grams";

/**
 * A public, sent policy notice as a search document (issue 11): its title
 * and body in every language written (Chinese folded to Simplified and split
 * as the product index splits it), category, department and dates. Private
 * or unsent notices are never loaded (document-source), so never indexed.
 *
 * `grams_zh` holds every 2- to 4-character run of the Chinese text, each
 * set apart, so that a Chinese word found inside a longer one ("保费" in
 * "出口信用保险保费补贴") is found although Meilisearch matches Chinese
 * words only from their start: the query word, segmented alone, is the
 * same token as the run segmented alone.
 */
export interface NoticeRow {
  id: string;
  title: unknown;
  body: unknown;
  category: string;
  department: string;
  sentAt: Date | null;
  deadline: Date | null;
  validFrom: Date | null;
  validUntil: Date | null;
  updatedAt: Date;
}

export interface NoticeDocument
  extends LocalizedFields<"title" | "body" | "department"> {
  id: string;
  category: string;
  grams_zh?: string;
  public: true;
  sentAt: number;
  deadline: number | null;
  validFrom: number | null;
  validUntil: number | null;
}

const seconds = (date: Date | null) =>
  date ? Math.floor(date.getTime() / 1000) : null;

export function noticeDocument(row: NoticeRow): NoticeDocument {
  const title = asLocalizedText(row.title);
  const body = asLocalizedText(row.body);
  const chinese = [
    title["zh-CN"]?.text ?? title["zh-Hant"]?.text,
    body["zh-CN"]?.text ?? body["zh-Hant"]?.text,
    row.department,
  ]
    .filter(Boolean)
    .join("\n");
  const grams = noticeGrams(toSimplified(chinese), HAN_RUN);
  const department = /[\u3400-\u9fff]/u.test(row.department)
    ? { "zh-CN": { text: row.department } }
    : { en: { text: row.department }, pt: { text: row.department } };
  return {
    id: row.id,
    ...localizedFields("title", row.title),
    ...localizedFields("body", row.body),
    ...localizedFields("department", department),
    ...(grams ? { grams_zh: grams } : {}),
    category: row.category,
    public: true,
    sentAt: seconds(row.sentAt) ?? 0,
    deadline: seconds(row.deadline),
    validFrom: seconds(row.validFrom),
    validUntil: seconds(row.validUntil),
  };
}
