/**
 * Shared by the decision download route handlers: the actor (401), the decision (404), the
 * permission (403), then the .docx as an attachment. A document that cannot be built from stored
 * data (the builders' Vietnamese validation) is a 422 with those messages, never a broken file.
 */
import { z } from "zod";
import { getActor } from "@/lib/auth/session";
import { ForbiddenError } from "@/lib/auth/permissions";
import { getPrisma } from "@/lib/db/client";
import { getDecision, type DecisionDetail } from "@/lib/dossiers/decision-queries";
import { DOCX_MIME_TYPE } from "@/lib/documents";

const text = (body: string, status: number) => new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store" } });

export const notFoundResponse = (message = "Không tìm thấy quyết định.") => text(message, 404);

export async function withDecision(decisionId: string, respond: (decision: DecisionDetail) => Promise<Response>): Promise<Response> {
  const actor = await getActor();
  if (!actor) return text("Vui lòng đăng nhập.", 401);
  if (!z.uuid().safeParse(decisionId).success) return notFoundResponse();
  let decision;
  try {
    decision = await getDecision(getPrisma(), actor, decisionId);
  } catch (error) {
    if (error instanceof ForbiddenError) return text("Bạn không có quyền tải văn bản của quyết định này.", 403);
    throw error;
  }
  if (!decision) return notFoundResponse();
  try {
    return await respond(decision);
  } catch (error) {
    if (error instanceof z.ZodError) return text(`Không tạo được văn bản từ dữ liệu của quyết định: ${error.issues.map((i) => i.message).join(" ")}`, 422);
    throw error;
  }
}

/**
 * The app's public address, for the certificates' verification QR codes: NEXTAUTH_URL (required
 * in production), else the address the browser used — its Host header, as sign-in trusts it
 * without NEXTAUTH_URL (`req.url` says "localhost" whatever the browser typed).
 */
export function publicBase(req: Request): string {
  const configured = process.env.NEXTAUTH_URL?.trim();
  if (configured) return configured;
  const url = new URL(req.url);
  const host = req.headers.get("host");
  return host && /^[A-Za-z0-9.:[\]-]+$/.test(host) ? `${url.protocol}//${host}` : url.origin;
}

/** RFC 6266: an ASCII `filename` for old clients, the Vietnamese name in `filename*` (RFC 5987). */
export function docxResponse(bytes: Uint8Array<ArrayBuffer>, asciiName: string, utf8Name: string): Response {
  return new Response(bytes, {
    headers: {
      "Content-Type": DOCX_MIME_TYPE,
      "Content-Length": String(bytes.byteLength),
      "Content-Disposition": `attachment; filename="${asciiName.replace(/["\\]/g, "")}"; filename*=UTF-8''${encodeURIComponent(utf8Name)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
