import { json } from "@remix-run/node";
import { checkHealth } from "~/modules/health/health.server";

/** Liveness and readiness for load balancers and the bureau's monitoring. */
export async function loader() {
  const health = await checkHealth();
  return json(health, {
    status: health.status === "ok" ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
