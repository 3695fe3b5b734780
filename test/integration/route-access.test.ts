import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { routeRules, routesWithoutRule, rulesWithoutRoute } from "~/modules/access/route-rules";
import { prisma } from "~/utils/db.server";
import { reindexAll } from "~/modules/search/reindex.server";
import { startTestServer, TestClient, type TestServer } from "../support/server";
import { createUser } from "../support/factories";
import { signIn } from "../support/session";

/**
 * Every route of the foundation, walked as each kind of visitor, with the
 * answer each must get. A new page that forgets to check who is asking
 * shows up here as a wrong status.
 */
type Visitor = "anonymous" | "BUYER" | "FIRM_MEMBER" | "BUREAU_STAFF" | "ADMIN";
const visitors: Visitor[] = ["anonymous", "BUYER", "FIRM_MEMBER", "BUREAU_STAFF", "ADMIN"];

// Expected status per visitor: a number, or "login" for a redirect to the sign-in page.
type Expectation = number | "login" | `redirect:${string}`;
const pages: { path: string; expect: Record<Visitor, Expectation> }[] = [
  { path: "/", expect: { anonymous: "redirect:/en", BUYER: "redirect:/en", FIRM_MEMBER: "redirect:/en", BUREAU_STAFF: "redirect:/en", ADMIN: "redirect:/en" } },
  { path: "/en", expect: { anonymous: 200, BUYER: 200, FIRM_MEMBER: 200, BUREAU_STAFF: 200, ADMIN: 200 } },
  { path: "/pt-PT/login", expect: { anonymous: 200, BUYER: "redirect:/pt-PT/account", FIRM_MEMBER: "redirect:/pt-PT/account", BUREAU_STAFF: "redirect:/pt-PT/account", ADMIN: "redirect:/pt-PT/account" } },
  { path: "/zh-CN/register", expect: { anonymous: 200, BUYER: "redirect:/zh-CN/account", FIRM_MEMBER: "redirect:/zh-CN/account", BUREAU_STAFF: "redirect:/zh-CN/account", ADMIN: "redirect:/zh-CN/account" } },
  { path: "/en/account", expect: { anonymous: "login", BUYER: 200, FIRM_MEMBER: 200, BUREAU_STAFF: 200, ADMIN: 200 } },
  { path: "/en/bureau", expect: { anonymous: "login", BUYER: 403, FIRM_MEMBER: 403, BUREAU_STAFF: 200, ADMIN: 200 } },
  { path: "/en/admin/users", expect: { anonymous: "login", BUYER: 403, FIRM_MEMBER: 403, BUREAU_STAFF: 403, ADMIN: 200 } },
  { path: "/en/logout", expect: { anonymous: "redirect:/en/account", BUYER: "redirect:/en/account", FIRM_MEMBER: "redirect:/en/account", BUREAU_STAFF: "redirect:/en/account", ADMIN: "redirect:/en/account" } },
  // Operations (issue 3): verification, audit trail, imports and exports, buyer profile and requests.
  { path: "/en/bureau/verification", expect: { anonymous: "login", BUYER: 403, FIRM_MEMBER: 403, BUREAU_STAFF: 200, ADMIN: 200 } },
  { path: "/en/bureau/verification/no-such-firm", expect: { anonymous: "login", BUYER: 403, FIRM_MEMBER: 403, BUREAU_STAFF: 404, ADMIN: 404 } },
  // Re-verification and held firms (issue 14).
  { path: "/en/bureau/verification?status=REVERIFICATION", expect: { anonymous: "login", BUYER: 403, FIRM_MEMBER: 403, BUREAU_STAFF: 200, ADMIN: 200 } },
  { path: "/en/bureau/verification/no-such-firm/change", expect: { anonymous: "login", BUYER: 403, FIRM_MEMBER: 403, BUREAU_STAFF: 404, ADMIN: 404 } },
  { path: "/en/bureau/verification/no-such-firm/held", expect: { anonymous: "login", BUYER: 403, FIRM_MEMBER: 403, BUREAU_STAFF: 404, ADMIN: 404 } },
  { path: "/en/bureau/audit", expect: { anonymous: "login", BUYER: 403, FIRM_MEMBER: 403, BUREAU_STAFF: 200, ADMIN: 200 } },
  { path: "/en/bureau/import", expect: { anonymous: "login", BUYER: 403, FIRM_MEMBER: 403, BUREAU_STAFF: 200, ADMIN: 200 } },
  { path: "/en/bureau/export?kind=firms&format=csv", expect: { anonymous: "login", BUYER: 403, FIRM_MEMBER: 403, BUREAU_STAFF: 200, ADMIN: 200 } },
  { path: "/en/account/company", expect: { anonymous: "login", BUYER: 200, FIRM_MEMBER: 403, BUREAU_STAFF: 403, ADMIN: 403 } },
  { path: "/en/account/requests", expect: { anonymous: "login", BUYER: 200, FIRM_MEMBER: 403, BUREAU_STAFF: 403, ADMIN: 403 } },
  { path: "/en/account/requests/new", expect: { anonymous: "login", BUYER: 200, FIRM_MEMBER: 403, BUREAU_STAFF: 403, ADMIN: 403 } },
  { path: "/en/account/requests/no-such-request", expect: { anonymous: "login", BUYER: 404, FIRM_MEMBER: 403, BUREAU_STAFF: 403, ADMIN: 403 } },
  { path: "/en/account/import", expect: { anonymous: "login", BUYER: 403, FIRM_MEMBER: 200, BUREAU_STAFF: 403, ADMIN: 403 } },
  { path: "/en/account/export?kind=products&format=csv", expect: { anonymous: "login", BUYER: 403, FIRM_MEMBER: 200, BUREAU_STAFF: 403, ADMIN: 403 } },
  // Fairs (issue 9): public pages; an unknown edition is 404 for everyone.
  { path: "/en/fairs", expect: { anonymous: 200, BUYER: 200, FIRM_MEMBER: 200, BUREAU_STAFF: 200, ADMIN: 200 } },
  { path: "/pt-PT/fairs/no-such-fair", expect: { anonymous: 404, BUYER: 404, FIRM_MEMBER: 404, BUREAU_STAFF: 404, ADMIN: 404 } },
  // Meetings at fairs (issue 10): buyers and delegation firms each on their own side; an unknown edition is 404.
  { path: "/en/meetings", expect: { anonymous: "login", BUYER: 200, FIRM_MEMBER: 200, BUREAU_STAFF: 200, ADMIN: 200 } },
  { path: "/en/meetings/no-such-fair/buyer", expect: { anonymous: "login", BUYER: 404, FIRM_MEMBER: 403, BUREAU_STAFF: 403, ADMIN: 403 } },
  { path: "/en/meetings/no-such-fair/firm", expect: { anonymous: "login", BUYER: 403, FIRM_MEMBER: 404, BUREAU_STAFF: 403, ADMIN: 403 } },
  { path: "/en/meetings/no-such-fair/buyer/agenda", expect: { anonymous: "login", BUYER: 404, FIRM_MEMBER: 403, BUREAU_STAFF: 403, ADMIN: 403 } },
  { path: "/en/meetings/no-such-fair/buyer/agenda.ics", expect: { anonymous: "login", BUYER: 404, FIRM_MEMBER: 403, BUREAU_STAFF: 403, ADMIN: 403 } },
  { path: "/en/meetings/no-such-fair/firm/agenda", expect: { anonymous: "login", BUYER: 403, FIRM_MEMBER: 404, BUREAU_STAFF: 403, ADMIN: 403 } },
  { path: "/en/meetings/no-such-fair/firm/agenda.ics", expect: { anonymous: "login", BUYER: 403, FIRM_MEMBER: 404, BUREAU_STAFF: 403, ADMIN: 403 } },
  { path: "/en/bureau/meetings/no-such-fair", expect: { anonymous: "login", BUYER: 403, FIRM_MEMBER: 403, BUREAU_STAFF: 404, ADMIN: 404 } },
  // A participant's calendar feed: the secret URL alone opens it; a wrong token is 404 for everyone, signed in or not.
  { path: `/feeds/meetings/${"A".repeat(43)}.ics`, expect: { anonymous: 404, BUYER: 404, FIRM_MEMBER: 404, BUREAU_STAFF: 404, ADMIN: 404 } },
  { path: "/feeds/meetings/not-a-token", expect: { anonymous: 404, BUYER: 404, FIRM_MEMBER: 404, BUREAU_STAFF: 404, ADMIN: 404 } },
  // Meeting outcomes and the fair report (issue 10): each side its own outcomes; the report is the bureau's.
  { path: "/en/meetings/no-such-fair/buyer/outcomes", expect: { anonymous: "login", BUYER: 404, FIRM_MEMBER: 403, BUREAU_STAFF: 403, ADMIN: 403 } },
  { path: "/en/meetings/no-such-fair/buyer/book/no-such-firm", expect: { anonymous: "login", BUYER: 404, FIRM_MEMBER: 403, BUREAU_STAFF: 403, ADMIN: 403 } },
  { path: "/en/meetings/no-such-fair/firm/outcomes", expect: { anonymous: "login", BUYER: 403, FIRM_MEMBER: 404, BUREAU_STAFF: 403, ADMIN: 403 } },
  { path: "/en/bureau/meetings/no-such-fair/report", expect: { anonymous: "login", BUYER: 403, FIRM_MEMBER: 403, BUREAU_STAFF: 404, ADMIN: 404 } },
  { path: "/en/bureau/meetings/no-such-fair/report.xlsx", expect: { anonymous: "login", BUYER: 403, FIRM_MEMBER: 403, BUREAU_STAFF: 404, ADMIN: 404 } },
  // Fairs and delegations, the firm's side (issue 9): its own firm's pages only; another firm's application or an unknown one is 404.
  { path: "/en/delegations", expect: { anonymous: "login", BUYER: 403, FIRM_MEMBER: 200, BUREAU_STAFF: 403, ADMIN: 403 } },
  { path: "/en/delegations/calls/no-such-call", expect: { anonymous: "login", BUYER: 403, FIRM_MEMBER: 404, BUREAU_STAFF: 403, ADMIN: 403 } },
  { path: "/en/delegations/applications/no-such-application", expect: { anonymous: "login", BUYER: 403, FIRM_MEMBER: 404, BUREAU_STAFF: 403, ADMIN: 403 } },
  { path: "/en/delegations/applications/no-such-application/edit", expect: { anonymous: "login", BUYER: 403, FIRM_MEMBER: 404, BUREAU_STAFF: 403, ADMIN: 403 } },
  { path: "/en/delegations/applications/no-such-application/print", expect: { anonymous: "login", BUYER: 403, FIRM_MEMBER: 404, BUREAU_STAFF: 403, ADMIN: 403 } },
  { path: "/en/delegations/applications/no-such-application/documents/no-such-document", expect: { anonymous: "login", BUYER: 404, FIRM_MEMBER: 404, BUREAU_STAFF: 404, ADMIN: 404 } },
  // Delegations, the bureau's side (issue 9): staff only; an unknown edition is 404 for them.
  { path: "/en/bureau/fairs", expect: { anonymous: "login", BUYER: 403, FIRM_MEMBER: 403, BUREAU_STAFF: 200, ADMIN: 200 } },
  { path: "/en/bureau/fairs/new", expect: { anonymous: "login", BUYER: 403, FIRM_MEMBER: 403, BUREAU_STAFF: 200, ADMIN: 200 } },
  { path: "/en/bureau/fairs/no-such-fair", expect: { anonymous: "login", BUYER: 403, FIRM_MEMBER: 403, BUREAU_STAFF: 404, ADMIN: 404 } },
  { path: "/en/bureau/fairs/no-such-fair/call", expect: { anonymous: "login", BUYER: 403, FIRM_MEMBER: 403, BUREAU_STAFF: 404, ADMIN: 404 } },
  { path: "/en/bureau/fairs/no-such-fair/applications", expect: { anonymous: "login", BUYER: 403, FIRM_MEMBER: 403, BUREAU_STAFF: 404, ADMIN: 404 } },
  { path: "/en/bureau/fairs/no-such-fair/export?kind=roster&format=csv", expect: { anonymous: "login", BUYER: 403, FIRM_MEMBER: 403, BUREAU_STAFF: 404, ADMIN: 404 } },
  // Search (issue 4).
  { path: "/en/search?q=lamp", expect: { anonymous: 200, BUYER: 200, FIRM_MEMBER: 200, BUREAU_STAFF: 200, ADMIN: 200 } },
  { path: "/en/search?in=firms", expect: { anonymous: 200, BUYER: 200, FIRM_MEMBER: 200, BUREAU_STAFF: 200, ADMIN: 200 } },
  { path: "/api/v1/search/products?q=lamp", expect: { anonymous: 200, BUYER: 200, FIRM_MEMBER: 200, BUREAU_STAFF: 200, ADMIN: 200 } },
  { path: "/en/bureau/search", expect: { anonymous: "login", BUYER: 403, FIRM_MEMBER: 403, BUREAU_STAFF: 200, ADMIN: 200 } },
  // Reference data (issue 14): the bureau edits towns, clusters, certifications and their aliases.
  { path: "/en/bureau/reference", expect: { anonymous: "login", BUYER: 403, FIRM_MEMBER: 403, BUREAU_STAFF: 200, ADMIN: 200 } },
  { path: "/en/bureau/translations", expect: { anonymous: "login", BUYER: 403, FIRM_MEMBER: 403, BUREAU_STAFF: 200, ADMIN: 200 } },
  // Matching (issue 4): a request's matches, a firm's matching requests and the answer form.
  { path: "/en/account/requests/no-such-request/matches", expect: { anonymous: "login", BUYER: 404, FIRM_MEMBER: 404, BUREAU_STAFF: 404, ADMIN: 404 } },
  { path: "/en/catalog/requests", expect: { anonymous: "login", BUYER: 403, FIRM_MEMBER: "redirect:firm", BUREAU_STAFF: "redirect:/en/catalog", ADMIN: "redirect:/en/catalog" } },
  { path: "/en/catalog/firms/no-such-firm/requests", expect: { anonymous: "login", BUYER: 403, FIRM_MEMBER: 403, BUREAU_STAFF: 404, ADMIN: 404 } },
  { path: "/en/catalog/firms/no-such-firm/requests/no-such-request", expect: { anonymous: "login", BUYER: 403, FIRM_MEMBER: 403, BUREAU_STAFF: 404, ADMIN: 404 } },
  { path: "/api/v1/requests/no-such-request/matches", expect: { anonymous: 401, BUYER: 404, FIRM_MEMBER: 404, BUREAU_STAFF: 404, ADMIN: 404 } },
  // Personal-data rights (issue 14): the person's own data; the notice and the accessibility statement are public.
  { path: "/en/account/privacy", expect: { anonymous: "login", BUYER: 200, FIRM_MEMBER: 200, BUREAU_STAFF: 200, ADMIN: 200 } },
  { path: "/en/account/privacy/download", expect: { anonymous: "login", BUYER: 200, FIRM_MEMBER: 200, BUREAU_STAFF: 200, ADMIN: 200 } },
  { path: "/api/v1/me/export", expect: { anonymous: 401, BUYER: 200, FIRM_MEMBER: 200, BUREAU_STAFF: 200, ADMIN: 200 } },
  { path: "/pt-PT/privacy", expect: { anonymous: 200, BUYER: 200, FIRM_MEMBER: 200, BUREAU_STAFF: 200, ADMIN: 200 } },
  { path: "/zh-CN/accessibility", expect: { anonymous: 200, BUYER: 200, FIRM_MEMBER: 200, BUREAU_STAFF: 200, ADMIN: 200 } },
  // Policy notices (issue 11): the bureau's pages, the firm's "policies for me", the public archive;
  // an unknown (or targeted and not meant for the visitor) notice is 404 for everyone.
  { path: "/en/bureau/notices", expect: { anonymous: "login", BUYER: 403, FIRM_MEMBER: 403, BUREAU_STAFF: 200, ADMIN: 200 } },
  { path: "/en/bureau/notices/new", expect: { anonymous: "login", BUYER: 403, FIRM_MEMBER: 403, BUREAU_STAFF: 200, ADMIN: 200 } },
  { path: "/en/bureau/notices/no-such-notice", expect: { anonymous: "login", BUYER: 403, FIRM_MEMBER: 403, BUREAU_STAFF: 404, ADMIN: 404 } },
  { path: "/en/bureau/notices/no-such-notice/edit", expect: { anonymous: "login", BUYER: 403, FIRM_MEMBER: 403, BUREAU_STAFF: 404, ADMIN: 404 } },
  { path: "/en/account/policies", expect: { anonymous: "login", BUYER: 403, FIRM_MEMBER: 200, BUREAU_STAFF: 403, ADMIN: 403 } },
  { path: "/en/notices", expect: { anonymous: 200, BUYER: 200, FIRM_MEMBER: 200, BUREAU_STAFF: 200, ADMIN: 200 } },
  { path: "/en/notices/no-such-notice", expect: { anonymous: 404, BUYER: 404, FIRM_MEMBER: 404, BUREAU_STAFF: 404, ADMIN: 404 } },
  { path: "/en/notices/no-such-notice/attachments/x", expect: { anonymous: 404, BUYER: 404, FIRM_MEMBER: 404, BUREAU_STAFF: 404, ADMIN: 404 } },
  // Problems (issue 11): the firm's own list and form; a problem is its firm's and the bureau's (unknown: 404); the bureau's queue and figures.
  { path: "/en/problems", expect: { anonymous: "login", BUYER: 403, FIRM_MEMBER: 200, BUREAU_STAFF: 403, ADMIN: 403 } },
  { path: "/en/problems/new", expect: { anonymous: "login", BUYER: 403, FIRM_MEMBER: 200, BUREAU_STAFF: 403, ADMIN: 403 } },
  { path: "/en/problems/no-such-problem", expect: { anonymous: "login", BUYER: 404, FIRM_MEMBER: 404, BUREAU_STAFF: 404, ADMIN: 404 } },
  { path: "/en/problems/no-such-problem/attachments/x", expect: { anonymous: "login", BUYER: 404, FIRM_MEMBER: 404, BUREAU_STAFF: 404, ADMIN: 404 } },
  { path: "/en/bureau/problems", expect: { anonymous: "login", BUYER: 403, FIRM_MEMBER: 403, BUREAU_STAFF: 200, ADMIN: 200 } },
  { path: "/en/bureau/problems/figures?by=town", expect: { anonymous: "login", BUYER: 403, FIRM_MEMBER: 403, BUREAU_STAFF: 200, ADMIN: 200 } },
  // Training sessions (issue 11): the bureau's pages; the firms' page and a registered session's calendar entry.
  { path: "/en/bureau/training", expect: { anonymous: "login", BUYER: 403, FIRM_MEMBER: 403, BUREAU_STAFF: 200, ADMIN: 200 } },
  { path: "/en/bureau/training/new", expect: { anonymous: "login", BUYER: 403, FIRM_MEMBER: 403, BUREAU_STAFF: 200, ADMIN: 200 } },
  { path: "/en/bureau/training/no-such-session", expect: { anonymous: "login", BUYER: 403, FIRM_MEMBER: 403, BUREAU_STAFF: 404, ADMIN: 404 } },
  { path: "/en/bureau/training/no-such-session/edit", expect: { anonymous: "login", BUYER: 403, FIRM_MEMBER: 403, BUREAU_STAFF: 404, ADMIN: 404 } },
  { path: "/en/training", expect: { anonymous: "login", BUYER: 403, FIRM_MEMBER: 200, BUREAU_STAFF: 403, ADMIN: 403 } },
  { path: "/en/training/no-such-session.ics", expect: { anonymous: "login", BUYER: 403, FIRM_MEMBER: 404, BUREAU_STAFF: 403, ADMIN: 403 } },
  { path: "/en/bureau/training/no-such-session/materials", expect: { anonymous: "login", BUYER: 403, FIRM_MEMBER: 403, BUREAU_STAFF: 404, ADMIN: 404 } },
  { path: "/en/training/no-such-session/materials/no-such-material", expect: { anonymous: 404, BUYER: 404, FIRM_MEMBER: 404, BUREAU_STAFF: 404, ADMIN: 404 } },
  { path: "/en/no-such-page", expect: { anonymous: 404, BUYER: 404, FIRM_MEMBER: 404, BUREAU_STAFF: 404, ADMIN: 404 } },
  { path: "/healthz", expect: { anonymous: 200, BUYER: 200, FIRM_MEMBER: 200, BUREAU_STAFF: 200, ADMIN: 200 } },
  { path: "/locales/pt-PT/common", expect: { anonymous: 200, BUYER: 200, FIRM_MEMBER: 200, BUREAU_STAFF: 200, ADMIN: 200 } },
];

// Form posts, with the answer each visitor gets (a valid-looking but harmless body).
const posts: { path: string; body: Record<string, string>; expect: Record<Visitor, Expectation> }[] = [
  {
    path: "/en/admin/users",
    body: { displayName: "x", email: "not-an-email", password: "short", role: "ADMIN" },
    expect: { anonymous: "login", BUYER: 403, FIRM_MEMBER: 403, BUREAU_STAFF: 403, ADMIN: 400 },
  },
  {
    path: "/en/account",
    body: { currentPassword: "wrong", newPassword: "a new password 123", confirmPassword: "a new password 123" },
    expect: { anonymous: "login", BUYER: 400, FIRM_MEMBER: 400, BUREAU_STAFF: 400, ADMIN: 400 },
  },
  {
    path: "/en/account/privacy",
    body: { password: "wrong", confirm: "on" },
    expect: { anonymous: "login", BUYER: 400, FIRM_MEMBER: 400, BUREAU_STAFF: 400, ADMIN: 400 },
  },
  {
    path: "/en/bureau/verification/no-such-firm",
    body: { intent: "verify" },
    expect: { anonymous: "login", BUYER: 403, FIRM_MEMBER: 403, BUREAU_STAFF: 404, ADMIN: 404 },
  },
  {
    path: "/en/bureau/verification/no-such-firm/change",
    body: { intent: "approve" },
    expect: { anonymous: "login", BUYER: 403, FIRM_MEMBER: 403, BUREAU_STAFF: 404, ADMIN: 404 },
  },
  {
    path: "/en/bureau/verification/no-such-firm/held",
    body: { intent: "close", confirm: "on" },
    expect: { anonymous: "login", BUYER: 403, FIRM_MEMBER: 403, BUREAU_STAFF: 404, ADMIN: 404 },
  },
  {
    path: "/en/bureau/import",
    body: { kind: "firms" },
    expect: { anonymous: "login", BUYER: 403, FIRM_MEMBER: 403, BUREAU_STAFF: 400, ADMIN: 400 },
  },
  {
    path: "/en/bureau/fairs/new",
    body: { slug: "", shortName: "" },
    expect: { anonymous: "login", BUYER: 403, FIRM_MEMBER: 403, BUREAU_STAFF: 400, ADMIN: 400 },
  },
  {
    path: "/en/bureau/fairs/no-such-fair/call",
    body: { intent: "move", to: "OPEN" },
    expect: { anonymous: "login", BUYER: 403, FIRM_MEMBER: 403, BUREAU_STAFF: 404, ADMIN: 404 },
  },
  {
    path: "/en/bureau/fairs/no-such-fair/applications",
    body: { intent: "fill" },
    expect: { anonymous: "login", BUYER: 403, FIRM_MEMBER: 403, BUREAU_STAFF: 404, ADMIN: 404 },
  },
  {
    path: "/en/account/import",
    body: { kind: "products" },
    expect: { anonymous: "login", BUYER: 403, FIRM_MEMBER: 400, BUREAU_STAFF: 403, ADMIN: 403 },
  },
  {
    path: "/en/account/company",
    body: { name: "", country: "BR" },
    expect: { anonymous: "login", BUYER: 400, FIRM_MEMBER: 403, BUREAU_STAFF: 403, ADMIN: 403 },
  },
  {
    path: "/en/bureau/search",
    body: { intent: "addSynonyms", terms: "only-one" },
    expect: { anonymous: "login", BUYER: 403, FIRM_MEMBER: 403, BUREAU_STAFF: 400, ADMIN: 400 },
  },
  {
    path: "/en/bureau/reference",
    body: { intent: "addAlias", kind: "town", id: "no-such-town", alias: "" },
    expect: { anonymous: "login", BUYER: 403, FIRM_MEMBER: 403, BUREAU_STAFF: 400, ADMIN: 400 },
  },
  {
    path: "/en/bureau/translations",
    body: { intent: "retry", jobId: "not-a-number" },
    expect: { anonymous: "login", BUYER: 403, FIRM_MEMBER: 403, BUREAU_STAFF: 400, ADMIN: 400 },
  },
  {
    path: "/en/account/requests/new",
    body: { title: "", hsCodes: "94" },
    expect: { anonymous: "login", BUYER: 400, FIRM_MEMBER: 403, BUREAU_STAFF: 403, ADMIN: 403 },
  },
  {
    path: "/en/meetings/no-such-fair/buyer",
    body: { intent: "ask", counterpartId: "x", message: "Olá" },
    expect: { anonymous: "login", BUYER: 404, FIRM_MEMBER: 403, BUREAU_STAFF: 403, ADMIN: 403 },
  },
  {
    path: "/en/meetings/no-such-fair/firm",
    body: { intent: "accept", requestId: "x" },
    expect: { anonymous: "login", BUYER: 403, FIRM_MEMBER: 404, BUREAU_STAFF: 403, ADMIN: 403 },
  },
  {
    path: "/en/meetings/no-such-fair/buyer/agenda",
    body: { intent: "feedRenew" },
    expect: { anonymous: "login", BUYER: 404, FIRM_MEMBER: 403, BUREAU_STAFF: 403, ADMIN: 403 },
  },
  {
    path: "/en/meetings/no-such-fair/firm/agenda",
    body: { intent: "feedRevoke" },
    expect: { anonymous: "login", BUYER: 403, FIRM_MEMBER: 404, BUREAU_STAFF: 403, ADMIN: 403 },
  },
  {
    path: "/en/bureau/meetings/no-such-fair",
    body: { intent: "run" },
    expect: { anonymous: "login", BUYER: 403, FIRM_MEMBER: 403, BUREAU_STAFF: 404, ADMIN: 404 },
  },
  {
    path: "/en/meetings/no-such-fair/buyer/book/no-such-firm",
    body: { intent: "book", slotId: "2026-10-22T10:00" },
    expect: { anonymous: "login", BUYER: 404, FIRM_MEMBER: 403, BUREAU_STAFF: 403, ADMIN: 403 },
  },
  {
    path: "/en/meetings/no-such-fair/buyer/outcomes",
    body: { requestId: "x", attendance: "HELD", rating: "5" },
    expect: { anonymous: "login", BUYER: 404, FIRM_MEMBER: 403, BUREAU_STAFF: 403, ADMIN: 403 },
  },
  {
    path: "/en/meetings/no-such-fair/firm/outcomes",
    body: { requestId: "x", attendance: "HELD", intendedOrderUsd: "1000" },
    expect: { anonymous: "login", BUYER: 403, FIRM_MEMBER: 404, BUREAU_STAFF: 403, ADMIN: 403 },
  },
  {
    path: "/en/bureau/meetings/no-such-fair/report",
    body: { side: "FIRM", requestId: "x", attendance: "HELD" },
    expect: { anonymous: "login", BUYER: 403, FIRM_MEMBER: 403, BUREAU_STAFF: 404, ADMIN: 404 },
  },
  {
    path: "/en/bureau/notices/new",
    body: { titleZh: "", category: "subsidy" },
    expect: { anonymous: "login", BUYER: 403, FIRM_MEMBER: 403, BUREAU_STAFF: 400, ADMIN: 400 },
  },
  {
    path: "/en/bureau/notices/no-such-notice",
    body: { intent: "sendNow" },
    expect: { anonymous: "login", BUYER: 403, FIRM_MEMBER: 403, BUREAU_STAFF: 404, ADMIN: 404 },
  },
  {
    path: "/en/notices/no-such-notice",
    body: { intent: "applied" },
    expect: { anonymous: 404, BUYER: 404, FIRM_MEMBER: 404, BUREAU_STAFF: 404, ADMIN: 404 },
  },
  {
    path: "/en/problems/new",
    body: { category: "customs", subject: "", body: "" },
    expect: { anonymous: "login", BUYER: 403, FIRM_MEMBER: 400, BUREAU_STAFF: 403, ADMIN: 403 },
  },
  {
    path: "/en/problems/no-such-problem",
    body: { intent: "close" },
    expect: { anonymous: "login", BUYER: 404, FIRM_MEMBER: 404, BUREAU_STAFF: 404, ADMIN: 404 },
  },
  {
    path: "/en/bureau/training/new",
    body: { titleZh: "", capacity: "3" },
    expect: { anonymous: "login", BUYER: 403, FIRM_MEMBER: 403, BUREAU_STAFF: 400, ADMIN: 400 },
  },
  {
    path: "/en/bureau/training/no-such-session",
    body: { intent: "attendance" },
    expect: { anonymous: "login", BUYER: 403, FIRM_MEMBER: 403, BUREAU_STAFF: 404, ADMIN: 404 },
  },
  {
    path: "/en/bureau/training/no-such-session/edit",
    body: { titleZh: "", capacity: "3" },
    expect: { anonymous: "login", BUYER: 403, FIRM_MEMBER: 403, BUREAU_STAFF: 400, ADMIN: 400 },
  },
  {
    path: "/en/bureau/training/no-such-session",
    body: { intent: "cancelSession" },
    expect: { anonymous: "login", BUYER: 403, FIRM_MEMBER: 403, BUREAU_STAFF: 404, ADMIN: 404 },
  },
  {
    path: "/en/training",
    body: { intent: "register", sessionId: "no-such-session" },
    expect: { anonymous: "login", BUYER: 403, FIRM_MEMBER: 404, BUREAU_STAFF: 403, ADMIN: 403 },
  },
  {
    path: "/en/bureau/training/no-such-session/materials",
    body: { intent: "recording", recordingUrl: "https://video.example.cn/r/1" },
    expect: { anonymous: "login", BUYER: 403, FIRM_MEMBER: 403, BUREAU_STAFF: 404, ADMIN: 404 },
  },
  {
    path: "/en/bureau/training/no-such-session",
    body: { intent: "deleteSession" },
    expect: { anonymous: "login", BUYER: 403, FIRM_MEMBER: 403, BUREAU_STAFF: 404, ADMIN: 404 },
  },
  {
    path: "/en/delegations/calls/no-such-call",
    body: { boothTypeCode: "STD", productIds: "x", attendees: "Wang Fang" },
    expect: { anonymous: "login", BUYER: 403, FIRM_MEMBER: 404, BUREAU_STAFF: 403, ADMIN: 403 },
  },
  {
    path: "/en/delegations/applications/no-such-application",
    body: { intent: "withdraw" },
    expect: { anonymous: "login", BUYER: 403, FIRM_MEMBER: 404, BUREAU_STAFF: 403, ADMIN: 403 },
  },
  {
    path: "/en/delegations/applications/no-such-application/edit",
    body: { boothTypeCode: "STD", productIds: "x", attendees: "Wang Fang" },
    expect: { anonymous: "login", BUYER: 403, FIRM_MEMBER: 404, BUREAU_STAFF: 403, ADMIN: 403 },
  },
  {
    // Only the firm's own members answer a request (the visitor's firm is another).
    path: "/en/catalog/firms/no-such-firm/requests/no-such-request",
    body: { productIds: "x", message: "Hello" },
    expect: { anonymous: "login", BUYER: 403, FIRM_MEMBER: 403, BUREAU_STAFF: 403, ADMIN: 403 },
  },
];

let server: TestServer;
const clients = new Map<Visitor, TestClient>();

beforeAll(async () => {
  await reindexAll(["products", "firms"]);
  server = await startTestServer();
  for (const visitor of visitors) {
    const client = new TestClient(server.url, { "Accept-Language": "en" });
    if (visitor !== "anonymous") {
      const user = await createUser(visitor);
      await signIn(client, user.email, user.password);
    }
    clients.set(visitor, client);
  }
  // A reindex, a server and four argon2 sign-ins: over a minute on a loaded machine.
}, 180_000);
afterAll(async () => {
  await server.close();
});
afterEach(async () => {
  await prisma.rateLimitHit.deleteMany();
});

function check(response: Response, expected: Expectation, label: string) {
  if (expected === "login") {
    expect(response.status, label).toBe(302);
    expect(response.headers.get("location"), label).toMatch(/^\/en\/login\?redirectTo=/);
  } else if (expected === "redirect:firm") {
    // The visitor's own firm, whatever its id.
    expect(response.status, label).toBe(302);
    expect(response.headers.get("location"), label).toMatch(/^\/en\/catalog\/firms\/[^/]+\/requests$/);
  } else if (typeof expected === "string") {
    expect(response.status, label).toBeGreaterThanOrEqual(301);
    expect(response.status, label).toBeLessThanOrEqual(302);
    expect(response.headers.get("location"), label).toBe(expected.slice("redirect:".length));
  } else {
    expect(response.status, label).toBe(expected);
  }
}

describe("who may open what", () => {
  for (const visitor of visitors) {
    it(`answers every page right for ${visitor}`, async () => {
      for (const page of pages) {
        check(await clients.get(visitor)!.get(page.path), page.expect[visitor], `${visitor} GET ${page.path}`);
      }
    });

    it(`answers every form post right for ${visitor}`, async () => {
      for (const post of posts) {
        check(await clients.get(visitor)!.post(post.path, post.body), post.expect[visitor], `${visitor} POST ${post.path}`);
      }
    });
  }

  it("knows a rule for every route of the build (app/modules/access/route-rules.ts), and fails for one without", async () => {
    const build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
    const routeIds = Object.keys(build.routes);
    expect(routeIds.length).toBeGreaterThan(50);
    expect(routesWithoutRule(routeIds)).toEqual([]);
    expect(rulesWithoutRoute(routeIds)).toEqual([]);
    // A page added without saying who may open it:
    expect(routesWithoutRule([...routeIds, "routes/$lang.fairs.new"], routeRules)).toEqual(["routes/$lang.fairs.new"]);
  });

  it("refuses a forged role: the role comes from the database, not the request", async () => {
    const buyer = clients.get("BUYER")!;
    const response = await buyer.request("/en/bureau", { headers: { "X-Role": "ADMIN", "X-User-Role": "BUREAU_STAFF" } });
    expect(response.status).toBe(403);
  });
});
