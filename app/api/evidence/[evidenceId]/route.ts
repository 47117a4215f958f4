import { z } from "zod";
import { getActor } from "@/lib/auth/session";
import { ForbiddenError } from "@/lib/auth/permissions";
import { getPrisma } from "@/lib/db/client";
import { readEvidence } from "@/lib/dossiers/evidence-files";
import { evidenceStorage } from "@/lib/dossiers/evidence-storage";

export const dynamic = "force-dynamic";

/** Downloads an evidence file for someone allowed to read its unit. */
export async function GET(_req: Request, ctx: { params: Promise<{ evidenceId: string }> }) {
  const { evidenceId } = await ctx.params;
  if (!z.uuid().safeParse(evidenceId).success) return new Response("Không tìm thấy tệp.", { status: 404 });
  const actor = await getActor();
  if (!actor) return new Response("Vui lòng đăng nhập.", { status: 401 });
  try {
    const found = await readEvidence(getPrisma(), evidenceStorage(), actor, evidenceId);
    if (!found) return new Response("Không tìm thấy tệp.", { status: 404 });
    return new Response(Buffer.from(found.bytes), {
      headers: {
        "Content-Type": found.file.mimeType,
        "Content-Length": String(found.bytes.length),
        // RFC 6266/5987: keeps Vietnamese file names intact.
        "Content-Disposition": `attachment; filename="evidence"; filename*=UTF-8''${encodeURIComponent(found.file.fileName)}`,
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof ForbiddenError) return new Response("Bạn không có quyền tải tệp này.", { status: 403 });
    throw error;
  }
}
