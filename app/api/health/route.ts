import { getPrisma } from "@/lib/db/client";
import { evidenceStorage } from "@/lib/dossiers/evidence-storage";
import { healthReport } from "@/lib/health/health-report";

export const dynamic = "force-dynamic";

/** Liveness for a load balancer or monitoring: 200 when the database and the evidence store work, else 503. */
export async function GET() {
  const report = await healthReport(getPrisma(), evidenceStorage());
  return Response.json(report, { status: report.status === "ok" ? 200 : 503 });
}
