/**
 * Who may open each route: one rule per route id (the file under app/routes,
 * as the Remix build names it). The access functions of a rule are the ones
 * the route calls; they live beside this file (user, firm, buyer, matching,
 * inquiry, media .server.ts) and return the context they checked.
 *
 * A route without a rule here fails the role × route test
 * (test/integration/route-access.test.ts), so a new page must say who may
 * open it; test/unit/route-rules.test.ts checks each route calls its rule's
 * functions.
 */
export type AccessRule =
  | "public"
  | "publicWithViewer"
  | "anonymousOnly"
  | "signedIn"
  | "signedInApi"
  | "buyer"
  | "ownRequest"
  | "requestMatches"
  | "firmMember"
  | "firmEditor"
  | "firmEditorAndSpeaker"
  | "productEditor"
  | "inquiryParty"
  | "inquiryViewer"
  | "inbox"
  | "bureau"
  | "admin"
  | "media"
  | "noticeViewer"
  | "noticeAttachment"
  | "delegationApplicant"
  | "ownApplication"
  | "applicationViewer"
  | "meetingFeed"
  | "problemViewer"
  | "trainingMaterial";

/** What each rule means, and the access functions a route of that rule calls. */
export const accessRules: Record<AccessRule, { who: string; calls: readonly string[] }> = {
  public: { who: "anyone", calls: [] },
  publicWithViewer: { who: "anyone; the signed-in user decides what else is shown (drafts to their firm and the bureau)", calls: ["getOptionalUser"] },
  anonymousOnly: { who: "anonymous visitors; a signed-in user is sent to their account", calls: ["requireAnonymous"] },
  signedIn: { who: "any signed-in user; anonymous visitors sign in first", calls: ["requireUser"] },
  signedInApi: { who: "any signed-in user, about themselves; anonymous 401 (JSON)", calls: ["getOptionalUser"] },
  buyer: { who: "a buyer, for their own company; others 403", calls: ["requireBuyer|requireBuyerCompany"] },
  ownRequest: { who: "a buyer, for their company's request; another company's request is 404", calls: ["requireOwnRequest"] },
  requestMatches: { who: "the request's buying company and bureau staff; anyone else 404 (API: anonymous 401)", calls: ["requireRequestMatchesViewer|canViewRequestMatches"] },
  firmMember: { who: "a member of an exporting firm, for their firm; others 403", calls: ["requireFirmMember"] },
  firmEditor: { who: "the firm's members and bureau staff; others 403", calls: ["requireFirmEditor"] },
  firmEditorAndSpeaker: { who: "reading: the firm's members and bureau staff; writing: the firm's own members only", calls: ["requireFirmEditor", "requireFirmSpeaker"] },
  productEditor: { who: "the product's firm's members and bureau staff; an unknown product is 404", calls: ["requireProductEditor"] },
  inquiryParty: { who: "reading: the thread's parties, and bureau staff on a reported thread; acting: the parties only", calls: ["requireInquiryViewer", "requireInquiryParty"] },
  inquiryViewer: { who: "the thread's parties, and bureau staff on a reported thread; anyone else 404", calls: ["requireInquiryViewer"] },
  inbox: { who: "a buyer or a firm member; others 403", calls: ["requireInboxParty"] },
  bureau: { who: "bureau staff and admins; others 403", calls: ["requireBureau"] },
  admin: { who: "admins; others 403", calls: ["requireAdmin"] },
  noticeViewer: { who: "a sent public notice: anyone; a targeted one: the firms it is meant for; any notice: the bureau; others 404", calls: ["requireNoticeViewer"] },
  noticeAttachment: { who: "the PDFs of a notice, to whoever may see the notice; others 404", calls: ["requireNoticeAttachmentViewer"] },
  media: { who: "a public record's images: anyone; a draft's: its firm and the bureau; others 404", calls: ["requireMediaViewer"] },
  delegationApplicant: { who: "a member of an exporting firm, for a call not in draft; others 403; an unknown call 404", calls: ["requireCallApplicant"] },
  ownApplication: { who: "the members of the firm that applied; another firm's application 404; buyers and bureau staff 403", calls: ["requireOwnApplication"] },
  applicationViewer: { who: "the members of the firm that applied and bureau staff; anyone else 404", calls: ["requireApplicationViewer"] },
  meetingFeed: { who: "whoever holds a participant's secret calendar-feed URL, no session needed; a wrong or revoked token 404", calls: ["requireMeetingFeed"] },
  problemViewer: { who: "a problem (and its files): the members of the firm that raised it and bureau staff; anyone else 404", calls: ["requireProblemViewer"] },
  trainingMaterial: { who: "a training session's files: bureau staff, and the firms holding a seat (or present) that its rules reach; anyone else 404", calls: ["requireTrainingMaterialViewer"] },
};

export const routeRules: Record<string, AccessRule> = {
  root: "public",
  "routes/_index": "public",
  "routes/$lang": "public",
  "routes/$lang._index": "public",
  "routes/$lang.$": "public",
  "routes/$lang.login": "anonymousOnly",
  "routes/$lang.register": "anonymousOnly",
  "routes/$lang.logout": "public",
  "routes/$lang.account": "signedIn",
  "routes/$lang.account_.company": "buyer",
  "routes/$lang.account_.export": "firmMember",
  "routes/$lang.account_.import": "firmMember",
  "routes/$lang.account_.privacy": "signedIn",
  "routes/$lang.account_.privacy_.download": "signedIn",
  "routes/$lang.privacy": "public",
  "routes/$lang.accessibility": "public",
  "routes/api.v1.me.export": "signedInApi",
  "routes/$lang.account_.requests._index": "buyer",
  "routes/$lang.account_.requests.new": "buyer",
  "routes/$lang.account_.requests.$requestId": "ownRequest",
  "routes/$lang.account_.requests.$requestId_.matches": "requestMatches",
  "routes/$lang.admin.users": "admin",
  "routes/$lang.dev.mail": "admin",
  "routes/$lang.bureau": "bureau",
  "routes/$lang.bureau._index": "bureau",
  "routes/$lang.bureau.audit": "bureau",
  "routes/$lang.bureau.export": "bureau",
  "routes/$lang.bureau.import": "bureau",
  "routes/$lang.bureau.inquiries": "bureau",
  "routes/$lang.bureau.meetings.$editionSlug": "bureau",
  "routes/$lang.bureau.meetings.$editionSlug_.report": "bureau",
  "routes/$lang.bureau.meetings.$editionSlug_.report[.]xlsx": "bureau",
  "routes/$lang.bureau.reports": "bureau",
  "routes/$lang.bureau.search": "bureau",
  "routes/$lang.bureau.reference": "bureau",
  "routes/$lang.bureau.translations": "bureau",
  "routes/$lang.bureau.notices._index": "bureau",
  "routes/$lang.bureau.notices.new": "bureau",
  "routes/$lang.bureau.notices.$noticeId._index": "bureau",
  "routes/$lang.bureau.notices.$noticeId.edit": "bureau",
  "routes/$lang.account_.policies": "firmMember",
  "routes/$lang.notices._index": "public",
  "routes/$lang.notices.$noticeId._index": "noticeViewer",
  "routes/$lang.notices.$noticeId.attachments.$attachmentId": "noticeAttachment",
  "routes/$lang.bureau.training._index": "bureau",
  "routes/$lang.bureau.training.new": "bureau",
  "routes/$lang.bureau.training.$sessionId": "bureau",
  "routes/$lang.bureau.training.$sessionId_.edit": "bureau",
  "routes/$lang.training._index": "firmMember",
  "routes/$lang.training.$sessionId[.]ics": "firmMember",
  "routes/$lang.bureau.training.$sessionId_.materials": "bureau",
  "routes/$lang.training.$sessionId.materials.$materialId": "trainingMaterial",
  "routes/$lang.bureau.verification._index": "bureau",
  "routes/$lang.bureau.verification.$firmId": "bureau",
  "routes/$lang.bureau.verification.$firmId_.change": "bureau",
  "routes/$lang.bureau.verification.$firmId_.held": "bureau",
  "routes/$lang.bureau.fairs._index": "bureau",
  "routes/$lang.bureau.fairs.new": "bureau",
  "routes/$lang.bureau.fairs.$slug._index": "bureau",
  "routes/$lang.bureau.fairs.$slug.call": "bureau",
  "routes/$lang.bureau.fairs.$slug.applications": "bureau",
  "routes/$lang.bureau.fairs.$slug.export": "bureau",
  "routes/$lang.catalog._index": "signedIn",
  "routes/$lang.catalog.requests": "signedIn",
  "routes/$lang.catalog.firms.$firmId._index": "firmEditor",
  "routes/$lang.catalog.firms.$firmId.products._index": "firmEditor",
  "routes/$lang.catalog.firms.$firmId.products.new": "firmEditor",
  "routes/$lang.catalog.firms.$firmId.requests._index": "firmEditor",
  "routes/$lang.catalog.firms.$firmId.requests.$requestId": "firmEditorAndSpeaker",
  "routes/$lang.catalog.products.$productId": "productEditor",
  "routes/$lang.firms._index": "public",
  "routes/$lang.firms.$slug": "publicWithViewer",
  "routes/$lang.products.$productId": "publicWithViewer",
  "routes/$lang.clusters.$slug": "public",
  "routes/$lang.towns.$slug": "public",
  "routes/$lang.fairs._index": "public",
  "routes/$lang.fairs.$slug": "public",
  "routes/$lang.meetings._index": "signedIn",
  "routes/$lang.meetings.$editionSlug.buyer": "buyer",
  "routes/$lang.meetings.$editionSlug.firm": "firmMember",
  "routes/$lang.meetings.$editionSlug.buyer_.agenda": "buyer",
  "routes/$lang.meetings.$editionSlug.buyer_.agenda[.]ics": "buyer",
  "routes/$lang.meetings.$editionSlug.firm_.agenda": "firmMember",
  "routes/$lang.meetings.$editionSlug.firm_.agenda[.]ics": "firmMember",
  "routes/feeds.meetings.$token": "meetingFeed",
  "routes/$lang.meetings.$editionSlug.buyer_.outcomes": "buyer",
  "routes/$lang.meetings.$editionSlug.buyer_.book.$firmId": "buyer",
  "routes/$lang.meetings.$editionSlug.firm_.outcomes": "firmMember",
  "routes/$lang.search": "publicWithViewer",
  "routes/$lang.delegations._index": "firmMember",
  "routes/$lang.delegations.calls.$callId": "delegationApplicant",
  "routes/$lang.delegations.applications.$applicationId._index": "ownApplication",
  "routes/$lang.delegations.applications.$applicationId.edit": "ownApplication",
  "routes/$lang.delegations.applications.$applicationId.print": "ownApplication",
  "routes/$lang.delegations.applications.$applicationId.documents.$documentId": "applicationViewer",
  "routes/$lang.inquiries._index": "inbox",
  "routes/$lang.inquiries.new": "buyer",
  "routes/$lang.inquiries.$inquiryId": "inquiryParty",
  "routes/$lang.inquiries.$inquiryId.attachments.$attachmentId": "inquiryViewer",
  "routes/$lang.problems._index": "firmMember",
  "routes/$lang.problems.new": "firmMember",
  "routes/$lang.problems.$problemId._index": "problemViewer",
  "routes/$lang.problems.$problemId.attachments.$attachmentId": "problemViewer",
  "routes/$lang.bureau.problems._index": "bureau",
  "routes/$lang.bureau.problems.figures": "bureau",
  "routes/$lang.notifications": "signedIn",
  "routes/$lang.notifications.preferences": "signedIn",
  "routes/api.v1.hs.suggest": "public",
  "routes/api.v1.search.products": "public",
  "routes/api.v1.search.firms": "public",
  "routes/api.v1.requests.$requestId.matches": "requestMatches",
  "routes/healthz": "public",
  "routes/locales.$lng.$ns": "public",
  "routes/media.$": "media",
  "routes/sitemap[.]xml": "public",
  "routes/sitemaps.$part": "public",
};

/** Route ids that have no rule: a new route must be given one. */
export function routesWithoutRule(routeIds: Iterable<string>, rules: Record<string, AccessRule> = routeRules): string[] {
  return [...routeIds].filter((id) => !Object.hasOwn(rules, id)).sort();
}

/** Rules left for routes that no longer exist. */
export function rulesWithoutRoute(routeIds: Iterable<string>, rules: Record<string, AccessRule> = routeRules): string[] {
  const ids = new Set(routeIds);
  return Object.keys(rules).filter((id) => !ids.has(id)).sort();
}
