import { readMovementEvidence } from "@/lib/movement/evidence";
import { evidenceDownload } from "@/app/api/evidence/evidence-download";

export const dynamic = "force-dynamic";

/** Downloads a movement evidence file for someone who may read its evaluation (issue 14 §2). */
export async function GET(_req: Request, ctx: { params: Promise<{ fileId: string }> }) {
  return evidenceDownload((await ctx.params).fileId, readMovementEvidence);
}
