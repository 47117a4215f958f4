/**
 * Shared by the two evidence download routes (the dossier's files and the movement's files): a
 * malformed id (404), the actor (401), the reader's own lookup and permission (404/403), then the
 * bytes as an attachment whose Vietnamese name survives (RFC 6266/5987).
 */
import { z } from "zod";
import { getActor } from "@/lib/auth/session";
import type { Actor } from "@/lib/auth/actor";
import { ForbiddenError } from "@/lib/auth/permissions";
import { getPrisma } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { evidenceStorage, type EvidenceStorage } from "@/lib/dossiers/evidence-storage";

type StoredFile = { file: { mimeType: string; fileName: string }; bytes: Uint8Array };
export type EvidenceReader = (prisma: PrismaClient, storage: EvidenceStorage, actor: Actor, id: string) => Promise<StoredFile | null>;

export async function evidenceDownload(id: string, read: EvidenceReader): Promise<Response> {
  if (!z.uuid().safeParse(id).success) return new Response("Không tìm thấy tệp.", { status: 404 });
  const actor = await getActor();
  if (!actor) return new Response("Vui lòng đăng nhập.", { status: 401 });
  try {
    const found = await read(getPrisma(), evidenceStorage(), actor, id);
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
