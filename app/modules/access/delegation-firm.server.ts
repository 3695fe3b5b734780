import { prisma } from "~/utils/db.server";
import { notFound } from "~/utils/http.server";
import { isBureau, requireFirmMember, requireUser } from "./user.server";

/**
 * Who may see a delegation application from the firm's side: the members
 * of the firm that applied. Another firm's application (or an id that is
 * not one) is 404, so its existence is not revealed; buyers and bureau
 * staff are 403 here (the bureau has its own pages).
 */
const ID = /^[A-Za-z0-9_-]{1,40}$/;

export async function requireOwnApplication(request: Request, applicationId: string | undefined) {
  const member = await requireFirmMember(request);
  if (!applicationId || !ID.test(applicationId)) notFound();
  const found = await prisma.delegationApplication.findFirst({ where: { id: applicationId, firmId: member.firmId }, select: { id: true } });
  if (!found) notFound();
  return { member, actor: { userId: member.id, firmId: member.firmId }, applicationId };
}

/** An application's documents: its firm's members and bureau staff; anyone else 404 (anonymous visitors sign in first). */
export async function requireApplicationViewer(request: Request, applicationId: string | undefined) {
  const user = await requireUser(request);
  if (!applicationId || !ID.test(applicationId)) notFound();
  const application = await prisma.delegationApplication.findUnique({ where: { id: applicationId }, select: { firmId: true } });
  if (!application) notFound();
  const ownFirm = user.role === "FIRM_MEMBER" && user.firmId === application.firmId;
  if (!ownFirm && !isBureau(user)) notFound();
  return { user, applicationId, asBureau: !ownFirm };
}

/** A call's page for a firm member: an unknown call, or a draft the bureau has not opened, is 404. */
export async function requireCallApplicant(request: Request, callId: string | undefined) {
  const member = await requireFirmMember(request);
  if (!callId || !ID.test(callId)) notFound();
  const call = await prisma.delegationCall.findFirst({ where: { id: callId, status: { not: "DRAFT" } }, select: { id: true } });
  if (!call) notFound();
  return { member, actor: { userId: member.id, firmId: member.firmId }, callId };
}
