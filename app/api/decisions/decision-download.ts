/**
 * Shared by the decision download route handlers: the actor (401), the decision (404), the
 * permission (403), then the .docx as an attachment — or, with `?format=pdf` on a server with
 * LibreOffice, its PDF (lib/documents/pdf-conversion.ts). A document that cannot be built from stored
 * data (the builders' Vietnamese validation) is a 422 with those messages, never a broken file.
 */
import { z } from "zod";
import { getActor } from "@/lib/auth/session";
import { ForbiddenError } from "@/lib/auth/permissions";
import { getPrisma } from "@/lib/db/client";
import { getDecision, type DecisionDetail } from "@/lib/dossiers/decision-queries";
import { DOCX_MIME_TYPE } from "@/lib/documents";
import { PDF_MIME_TYPE, PdfConversionError, convertDocxToPdf, pdfConversionAvailable, pdfFileName } from "@/lib/documents/pdf-conversion";

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
  return attachmentResponse(bytes, DOCX_MIME_TYPE, asciiName, utf8Name);
}

function attachmentResponse(bytes: Uint8Array<ArrayBuffer>, contentType: string, asciiName: string, utf8Name: string): Response {
  return new Response(bytes, {
    headers: {
      "Content-Type": contentType,
      "Content-Length": String(bytes.byteLength),
      "Content-Disposition": `attachment; filename="${asciiName.replace(/["\\]/g, "")}"; filename*=UTF-8''${encodeURIComponent(utf8Name)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}

/** Why a PDF could not be made, in the words the person who clicked gets; the .docx always works. */
const PDF_FAILURES: Record<PdfConversionError["reason"], { status: number; message: string }> = {
  unavailable: { status: 501, message: "Máy chủ chưa cài LibreOffice nên không tạo được bản PDF. Vui lòng tải bản .docx." },
  busy: { status: 503, message: "Máy chủ đang bận tạo bản PDF khác. Vui lòng thử lại sau ít phút hoặc tải bản .docx." },
  timeout: { status: 503, message: "Tạo bản PDF quá lâu nên đã dừng. Vui lòng thử lại sau ít phút hoặc tải bản .docx." },
  failed: { status: 500, message: "Không tạo được bản PDF. Vui lòng tải bản .docx." },
};

/** The document as asked by the URL: `?format=pdf` for the PDF, otherwise the .docx. */
export async function documentResponse(request: Request, docx: Uint8Array<ArrayBuffer>, asciiName: string, utf8Name: string): Promise<Response> {
  if (new URL(request.url).searchParams.get("format") !== "pdf") return docxResponse(docx, asciiName, utf8Name);
  if (!pdfConversionAvailable()) return text(PDF_FAILURES.unavailable.message, PDF_FAILURES.unavailable.status);
  try {
    const pdf = await convertDocxToPdf(docx);
    return attachmentResponse(pdf, PDF_MIME_TYPE, pdfFileName(asciiName), pdfFileName(utf8Name));
  } catch (error) {
    if (!(error instanceof PdfConversionError)) throw error;
    if (error.reason === "failed") console.error("PDF conversion failed:", error.message);
    const failure = PDF_FAILURES[error.reason];
    const response = text(failure.message, failure.status);
    if (failure.status === 503) response.headers.set("Retry-After", "60");
    return response;
  }
}
