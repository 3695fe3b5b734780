import { isRecordId } from "~/modules/matching/record-id";
import { prisma } from "~/utils/db.server";
import { notFound } from "~/utils/http.server";
import { isBureau, requireUser, type AuthUser } from "./user.server";

export type MatchViewer = Pick<AuthUser, "role" | "buyerCompanyId">;

/**
 * A request's matches are for its buying company's members and bureau staff.
 * Everyone else (another buyer, a firm) is told "not found": whether the
 * request exists is not theirs to know.
 */
export async function canViewRequestMatches(viewer: MatchViewer, requestId: string): Promise<boolean> {
  if (!isRecordId(requestId)) return false;
  const row = await prisma.sourcingRequest.findUnique({ where: { id: requestId }, select: { buyerCompanyId: true } });
  return row !== null && (isBureau(viewer) || (viewer.role === "BUYER" && viewer.buyerCompanyId === row.buyerCompanyId));
}

/** The signed-in viewer of a request's matches, or 404 (anonymous visitors sign in first). */
export async function requireRequestMatchesViewer(request: Request, requestId: string) {
  const user = await requireUser(request);
  if (!(await canViewRequestMatches(user, requestId))) notFound();
  return { user, requestId, bureau: isBureau(user) };
}
