import { materialForViewer } from "~/modules/training/materials.server";
import { notFound } from "~/utils/http.server";
import { getOptionalUser } from "./user.server";

/**
 * A training session's file (issue 11): to the bureau, and to the firms
 * holding a seat (or recorded as present) that the session's rules reach.
 * Anyone else, signed in or not, gets 404, as for the rest of training: the
 * file's existence is not revealed.
 */
export async function requireTrainingMaterialViewer(request: Request, sessionId: string | undefined, materialId: string | undefined) {
  const viewer = await getOptionalUser(request);
  const material = viewer && sessionId && materialId ? await materialForViewer(sessionId, materialId, viewer) : null;
  if (!material) notFound();
  return { viewer, material };
}
