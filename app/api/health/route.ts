import { getPrisma } from "@/lib/db/client";

export const dynamic = "force-dynamic";

/** Liveness and database reachability; reveals nothing about the data. */
export async function GET() {
  try {
    await getPrisma().$queryRaw`SELECT 1`;
    return Response.json({ status: "ok" });
  } catch {
    return Response.json({ status: "database_unavailable" }, { status: 503 });
  }
}
