import type { Namespace, PortugueseLocale } from "./config";
import brCommon from "./resources/pt-BR/common.json";
import brAuth from "./resources/pt-BR/auth.json";
import brHome from "./resources/pt-BR/home.json";
import brBureau from "./resources/pt-BR/bureau.json";
import brValidation from "./resources/pt-BR/validation.json";
import brCatalog from "./resources/pt-BR/catalog.json";
import brDirectory from "./resources/pt-BR/directory.json";
import brImport from "./resources/pt-BR/import.json";
import brAudit from "./resources/pt-BR/audit.json";
import brBuyer from "./resources/pt-BR/buyer.json";
import brInquiry from "./resources/pt-BR/inquiry.json";
import brNotification from "./resources/pt-BR/notification.json";
import brSearch from "./resources/pt-BR/search.json";
import brMatching from "./resources/pt-BR/matching.json";
import brNotices from "./resources/pt-BR/notices.json";
import brParticipation from "./resources/pt-BR/participation.json";
import brDelegation from "./resources/pt-BR/delegation.json";
import brPrivacy from "./resources/pt-BR/privacy.json";
import brMeetings from "./resources/pt-BR/meetings.json";
import brProblems from "./resources/pt-BR/problems.json";
import brReference from "./resources/pt-BR/reference.json";
import brTraining from "./resources/pt-BR/training.json";
import brVerification from "./resources/pt-BR/verification.json";
import brTranslation from "./resources/pt-BR/translation.json";
import brMeetingReport from "./resources/pt-BR/meetingReport.json";
import euCommon from "./resources/pt-PT/common.json";
import euAuth from "./resources/pt-PT/auth.json";
import euHome from "./resources/pt-PT/home.json";
import euBureau from "./resources/pt-PT/bureau.json";
import euValidation from "./resources/pt-PT/validation.json";
import euCatalog from "./resources/pt-PT/catalog.json";
import euDirectory from "./resources/pt-PT/directory.json";
import euImport from "./resources/pt-PT/import.json";
import euAudit from "./resources/pt-PT/audit.json";
import euBuyer from "./resources/pt-PT/buyer.json";
import euInquiry from "./resources/pt-PT/inquiry.json";
import euNotification from "./resources/pt-PT/notification.json";
import euSearch from "./resources/pt-PT/search.json";
import euMatching from "./resources/pt-PT/matching.json";
import euNotices from "./resources/pt-PT/notices.json";
import euParticipation from "./resources/pt-PT/participation.json";
import euDelegation from "./resources/pt-PT/delegation.json";
import euPrivacy from "./resources/pt-PT/privacy.json";
import euMeetings from "./resources/pt-PT/meetings.json";
import euProblems from "./resources/pt-PT/problems.json";
import euReference from "./resources/pt-PT/reference.json";
import euTraining from "./resources/pt-PT/training.json";
import euVerification from "./resources/pt-PT/verification.json";
import euTranslation from "./resources/pt-PT/translation.json";
import euMeetingReport from "./resources/pt-PT/meetingReport.json";

type Tree = { [key: string]: string | Tree };

// One line per variant; each namespace is a file in resources/<variant>/
// holding only the words in which the variant differs from resources/pt/.
/** The words in which Brazilian and European Portuguese differ from the shared base. */
export const portugueseVariants: Record<PortugueseLocale, Record<Namespace, Tree>> = {
  "pt-BR": { common: brCommon, auth: brAuth, home: brHome, bureau: brBureau, validation: brValidation, catalog: brCatalog, directory: brDirectory, import: brImport, audit: brAudit, buyer: brBuyer, inquiry: brInquiry, notification: brNotification, search: brSearch, matching: brMatching, notices: brNotices, participation: brParticipation, delegation: brDelegation, privacy: brPrivacy, meetings: brMeetings, problems: brProblems, reference: brReference, training: brTraining, verification: brVerification, translation: brTranslation, meetingReport: brMeetingReport },
  "pt-PT": { common: euCommon, auth: euAuth, home: euHome, bureau: euBureau, validation: euValidation, catalog: euCatalog, directory: euDirectory, import: euImport, audit: euAudit, buyer: euBuyer, inquiry: euInquiry, notification: euNotification, search: euSearch, matching: euMatching, notices: euNotices, participation: euParticipation, delegation: euDelegation, privacy: euPrivacy, meetings: euMeetings, problems: euProblems, reference: euReference, training: euTraining, verification: euVerification, translation: euTranslation, meetingReport: euMeetingReport },
};

/** The shared base with a variant's own words laid over it, key by key. */
export function withVariant(base: Record<Namespace, Tree>, variant: Record<Namespace, Tree>): Record<Namespace, Tree> {
  const merged = {} as Record<Namespace, Tree>;
  for (const ns of Object.keys(base) as Namespace[]) merged[ns] = overlay(base[ns], variant[ns] ?? {});
  return merged;
}

function overlay(base: Tree, words: Tree): Tree {
  const out: Tree = { ...base };
  for (const [key, value] of Object.entries(words)) {
    const under = base[key];
    // A key the base no longer has is dropped: the variant only changes words, never adds keys.
    if (under === undefined) continue;
    out[key] = typeof value === "string" || typeof under === "string" ? value : overlay(under, value);
  }
  return out;
}
