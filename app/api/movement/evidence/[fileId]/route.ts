import { z } from "zod";
import { getActor } from "@/lib/auth/session";
import { ForbiddenError } from "@/lib/auth/permissions";
import { getPrisma } from "@/lib/db/client";
import { evidenceStorage } from "@/lib/dossiers/evidence-storage";
import { readMovementEvidence } from "@/lib/movement/evidence";

export const dynamic = "force-dynamic";

/** Downloads a movement evidence file for someone who may read its evaluation (issue 14 §2). */
export async function GET(_req: Request, ctx: { params: Promise<{ fileId: string }> }) {
  const { fileId } = await ctx.params;
  if (!z.uuid().safeParse(fileId).success) return new Response("Không tìm thấy tệp.", { status: 404 });
  const actor = await getActor();
  if (!actor) return new Response("Vui lòng đăng nhập.", { status: 401 });
  try {
    const found = await readMovementEvidence(getPrisma(), evidenceStorage(), actor, fileId);
    if (!found) return new Response("Không tìm thấy tệp.", { status: 404 });
    return new Response(Buffer.from(found.bytes), {
      headers: {
        "Content-Type": found.file.mimeType,
        "Content-Length": String(found.bytes.length),
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
