import { treeToTraditional } from "~/modules/i18n-text/chinese-script.server";
import type { Locale, Namespace } from "./config";
import { portugueseVariants, withVariant } from "./portuguese-variants";
import enCommon from "./resources/en/common.json";
import enAuth from "./resources/en/auth.json";
import enHome from "./resources/en/home.json";
import enBureau from "./resources/en/bureau.json";
import enValidation from "./resources/en/validation.json";
import enCatalog from "./resources/en/catalog.json";
import enDirectory from "./resources/en/directory.json";
import enImport from "./resources/en/import.json";
import enAudit from "./resources/en/audit.json";
import enBuyer from "./resources/en/buyer.json";
import enInquiry from "./resources/en/inquiry.json";
import enNotification from "./resources/en/notification.json";
import enSearch from "./resources/en/search.json";
import enMatching from "./resources/en/matching.json";
import enNotices from "./resources/en/notices.json";
import enParticipation from "./resources/en/participation.json";
import enDelegation from "./resources/en/delegation.json";
import enPrivacy from "./resources/en/privacy.json";
import enVerification from "./resources/en/verification.json";
import enMeetings from "./resources/en/meetings.json";
import enProblems from "./resources/en/problems.json";
import enReference from "./resources/en/reference.json";
import enTraining from "./resources/en/training.json";
import enTranslation from "./resources/en/translation.json";
import enMeetingReport from "./resources/en/meetingReport.json";
import ptCommon from "./resources/pt/common.json";
import ptAuth from "./resources/pt/auth.json";
import ptHome from "./resources/pt/home.json";
import ptBureau from "./resources/pt/bureau.json";
import ptValidation from "./resources/pt/validation.json";
import ptCatalog from "./resources/pt/catalog.json";
import ptDirectory from "./resources/pt/directory.json";
import ptImport from "./resources/pt/import.json";
import ptAudit from "./resources/pt/audit.json";
import ptBuyer from "./resources/pt/buyer.json";
import ptInquiry from "./resources/pt/inquiry.json";
import ptNotification from "./resources/pt/notification.json";
import ptSearch from "./resources/pt/search.json";
import ptMatching from "./resources/pt/matching.json";
import ptNotices from "./resources/pt/notices.json";
import ptParticipation from "./resources/pt/participation.json";
import ptDelegation from "./resources/pt/delegation.json";
import ptPrivacy from "./resources/pt/privacy.json";
import ptVerification from "./resources/pt/verification.json";
import ptMeetings from "./resources/pt/meetings.json";
import ptProblems from "./resources/pt/problems.json";
import ptReference from "./resources/pt/reference.json";
import ptTraining from "./resources/pt/training.json";
import ptTranslation from "./resources/pt/translation.json";
import ptMeetingReport from "./resources/pt/meetingReport.json";
import zhCommon from "./resources/zh-CN/common.json";
import zhAuth from "./resources/zh-CN/auth.json";
import zhHome from "./resources/zh-CN/home.json";
import zhBureau from "./resources/zh-CN/bureau.json";
import zhValidation from "./resources/zh-CN/validation.json";
import zhCatalog from "./resources/zh-CN/catalog.json";
import zhDirectory from "./resources/zh-CN/directory.json";
import zhImport from "./resources/zh-CN/import.json";
import zhAudit from "./resources/zh-CN/audit.json";
import zhBuyer from "./resources/zh-CN/buyer.json";
import zhInquiry from "./resources/zh-CN/inquiry.json";
import zhNotification from "./resources/zh-CN/notification.json";
import zhSearch from "./resources/zh-CN/search.json";
import zhMatching from "./resources/zh-CN/matching.json";
import zhNotices from "./resources/zh-CN/notices.json";
import zhParticipation from "./resources/zh-CN/participation.json";
import zhDelegation from "./resources/zh-CN/delegation.json";
import zhPrivacy from "./resources/zh-CN/privacy.json";
import zhVerification from "./resources/zh-CN/verification.json";
import zhMeetings from "./resources/zh-CN/meetings.json";
import zhProblems from "./resources/zh-CN/problems.json";
import zhReference from "./resources/zh-CN/reference.json";
import zhTraining from "./resources/zh-CN/training.json";
import zhTranslation from "./resources/zh-CN/translation.json";
import zhMeetingReport from "./resources/zh-CN/meetingReport.json";

type Tree = { [key: string]: string | Tree };

type Resources = Record<"en" | "pt" | "zh-CN", Record<Namespace, Tree>>;

// One line per locale; each namespace is a file in resources/<locale>/.
/** Translations written by people, per locale and namespace. English is the reference. */
const written: Resources = {
  en: { common: enCommon, auth: enAuth, home: enHome, bureau: enBureau, validation: enValidation, catalog: enCatalog, directory: enDirectory, import: enImport, audit: enAudit, buyer: enBuyer, inquiry: enInquiry, notification: enNotification, search: enSearch, matching: enMatching, notices: enNotices, participation: enParticipation, delegation: enDelegation, privacy: enPrivacy, meetings: enMeetings, problems: enProblems, reference: enReference, training: enTraining, verification: enVerification, translation: enTranslation, meetingReport: enMeetingReport },
  pt: { common: ptCommon, auth: ptAuth, home: ptHome, bureau: ptBureau, validation: ptValidation, catalog: ptCatalog, directory: ptDirectory, import: ptImport, audit: ptAudit, buyer: ptBuyer, inquiry: ptInquiry, notification: ptNotification, search: ptSearch, matching: ptMatching, notices: ptNotices, participation: ptParticipation, delegation: ptDelegation, privacy: ptPrivacy, meetings: ptMeetings, problems: ptProblems, reference: ptReference, training: ptTraining, verification: ptVerification, translation: ptTranslation, meetingReport: ptMeetingReport },
  "zh-CN": { common: zhCommon, auth: zhAuth, home: zhHome, bureau: zhBureau, validation: zhValidation, catalog: zhCatalog, directory: zhDirectory, import: zhImport, audit: zhAudit, buyer: zhBuyer, inquiry: zhInquiry, notification: zhNotification, search: zhSearch, matching: zhMatching, notices: zhNotices, participation: zhParticipation, delegation: zhDelegation, privacy: zhPrivacy, meetings: zhMeetings, problems: zhProblems, reference: zhReference, training: zhTraining, verification: zhVerification, translation: zhTranslation, meetingReport: zhMeetingReport },
};

/**
 * Every translation. Traditional Chinese (Macao) is generated from the
 * Simplified resources when the server starts, never maintained by hand.
 * Brazilian and European Portuguese are the shared Portuguese base with
 * each variant's own words laid over it (resources/pt-BR, resources/pt-PT).
 */
export const resources: Record<Locale, Record<Namespace, Tree>> = {
  en: written.en,
  "zh-CN": written["zh-CN"],
  "zh-Hant": treeToTraditional(written["zh-CN"]),
  "pt-BR": withVariant(written.pt, portugueseVariants["pt-BR"]),
  "pt-PT": withVariant(written.pt, portugueseVariants["pt-PT"]),
};

/** The shared Portuguese resources, for the test that keeps variant words out of them. */
export const portugueseBase = written.pt;
