/**
 * What an evidence file may be, in a module without server imports: the browser checks a chosen
 * file with these rules before sending it (so a refusal never costs an upload or typed work), and
 * the server applies the same rules again, then checks the content (evidence-files.ts).
 */
import { z } from "zod";
import { requiredText } from "@/lib/validation/input-rules";

export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

/**
 * The accepted kinds by extension, with the MIME type stored for the file. Only formats with a
 * signature `file-type` recognizes are accepted: for plain text (.txt, .csv) no content check can
 * tell a real text file from anything renamed, so they are not evidence here (a scan or a PDF is).
 */
export const EVIDENCE_KINDS = [
  { ext: ["pdf"], mime: "application/pdf" },
  { ext: ["png"], mime: "image/png" },
  { ext: ["jpg", "jpeg"], mime: "image/jpeg" },
  { ext: ["docx"], mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
  { ext: ["doc"], mime: "application/msword" },
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export const EVIDENCE_ACCEPT = EVIDENCE_KINDS.flatMap((k) => k.ext.map((e) => `.${e}`)).join(",");
export const EVIDENCE_TYPES_TEXT = "PDF, ảnh (JPG, PNG) hoặc Word (DOC, DOCX)";
export const EVIDENCE_RULES_TEXT = `${EVIDENCE_TYPES_TEXT}, tối đa 10 MB.`;
export const EVIDENCE_TYPES_MESSAGE = `Chỉ nhận ${EVIDENCE_RULES_TEXT}`;
export const EMPTY_FILE_MESSAGE = "Tệp rỗng.";
export const NO_FILE_MESSAGE = "Vui lòng chọn tệp minh chứng.";

const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1).replace(".", ",");

export function tooLargeMessage(bytes?: number): string {
  return bytes === undefined ? "Tệp vượt quá 10 MB; vui lòng chọn tệp nhỏ hơn." : `Tệp vượt quá 10 MB (${megabytes(bytes)} MB); vui lòng chọn tệp nhỏ hơn.`;
}

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf(".");
  return dot < 0 ? "" : fileName.slice(dot + 1).toLowerCase();
}

export function evidenceKindOf(fileName: string): EvidenceKind | undefined {
  const ext = extensionOf(fileName);
  return EVIDENCE_KINDS.find((k) => (k.ext as readonly string[]).includes(ext));
}

/** What is wrong with a file judged by its name and size alone (the browser's check), or null. */
export function evidenceFileProblem(fileName: string, size: number): string | null {
  if (size === 0) return EMPTY_FILE_MESSAGE;
  if (size > MAX_EVIDENCE_BYTES) return tooLargeMessage(size);
  if (!evidenceKindOf(fileName)) return EVIDENCE_TYPES_MESSAGE;
  return null;
}

/**
 * What the upload request carries besides the bytes (in its URL): the dossier, the criterion and
 * the file's name. The browser builds it from the form, the route handler parses it with this.
 */
export const evidenceUploadSchema = z.object({
  dossierId: z.uuid("Mã hồ sơ không hợp lệ."),
  criterionId: requiredText("Tiêu chí không hợp lệ.", 40, "Tiêu chí không hợp lệ."),
  fileName: requiredText(NO_FILE_MESSAGE, 255, "Tên tệp quá dài (tối đa 255 ký tự)."),
});
export type EvidenceUpload = z.infer<typeof evidenceUploadSchema>;

/** The address the browser posts a file's bytes to. */
export function evidenceUploadUrl(input: EvidenceUpload): string {
  const query = new URLSearchParams({ criterionId: input.criterionId, fileName: input.fileName });
  return `/api/dossiers/${encodeURIComponent(input.dossierId)}/evidence?${query}`;
}
