import { prisma } from "~/utils/db.server";
import { notFound } from "~/utils/http.server";
import { isBureau, requireUser, type AuthUser } from "./user.server";

/**
 * Who reads a problem: the members of the firm that raised it (side FIRM),
 * and bureau staff (side BUREAU). Anyone else gets 404: another firm's
 * problem does not exist for them; anonymous visitors are sent to sign in.
 * What each side may do in it is the problem module's to refuse (a firm
 * never assigns or writes internal notes; the bureau never rates).
 */
export interface ProblemViewer {
  user: AuthUser;
  problemId: string;
  firmId: string;
  side: "FIRM" | "BUREAU";
}

export async function requireProblemViewer(request: Request, problemId: string | undefined): Promise<ProblemViewer> {
  const user = await requireUser(request);
  const problem = problemId ? await prisma.problem.findUnique({ where: { id: problemId }, select: { id: true, firmId: true } }) : null;
  if (!problem) notFound();
  if (isBureau(user)) return { user, problemId: problem.id, firmId: problem.firmId, side: "BUREAU" };
  if (user.role === "FIRM_MEMBER" && user.firmId === problem.firmId) return { user, problemId: problem.id, firmId: problem.firmId, side: "FIRM" };
  notFound();
}
