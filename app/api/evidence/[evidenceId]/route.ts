import { readEvidence } from "@/lib/dossiers/evidence-files";
import { evidenceDownload } from "@/app/api/evidence/evidence-download";

export const dynamic = "force-dynamic";

/** Downloads a dossier's evidence file for someone allowed to read its unit. */
export async function GET(_req: Request, ctx: { params: Promise<{ evidenceId: string }> }) {
  return evidenceDownload((await ctx.params).evidenceId, readEvidence);
}
