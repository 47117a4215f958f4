/**
 * Shared by the commendation download routes (issue 14 §3): the actor (401), the proposal (404),
 * the permission (403), a document that cannot be made (422, in Vietnamese), then the .docx.
 */
import { z } from "zod";
import { getActor } from "@/lib/auth/session";
import { ForbiddenError } from "@/lib/auth/permissions";
import { getPrisma } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { UserFacingError } from "@/lib/validation/action-result";
import { docxResponse } from "@/app/api/decisions/decision-download";
import { asciiFileStem } from "@/lib/documents/administrative-layout";

const text = (body: string, status: number) => new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store" } });

export async function commendationDownload(
  proposalId: string,
  build: (prisma: PrismaClient, actor: Actor, id: string) => Promise<{ bytes: Uint8Array<ArrayBuffer>; utf8Name: string } | null>,
): Promise<Response> {
  const actor = await getActor();
  if (!actor) return text("Vui lòng đăng nhập.", 401);
  if (!z.uuid().safeParse(proposalId).success) return text("Không tìm thấy đề nghị khen thưởng.", 404);
  try {
    const file = await build(getPrisma(), actor, proposalId);
    if (!file) return text("Không tìm thấy văn bản.", 404);
    return docxResponse(file.bytes, `${asciiFileStem(file.utf8Name.replace(/\.docx$/, ""))}.docx`, file.utf8Name);
  } catch (error) {
    if (error instanceof ForbiddenError) return text("Bạn không có quyền tải văn bản này.", 403);
    if (error instanceof UserFacingError) return text(error.message, 422);
    throw error;
  }
}
