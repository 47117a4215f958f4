/** Evidence files are judged by their content (file-type), not by the name the browser sends. */
import { describe, expect, it } from "vitest";
import { classifyEvidence } from "../../lib/dossiers/evidence-files";
import { EVIDENCE_ACCEPT, evidenceFileProblem, MAX_EVIDENCE_BYTES } from "../../lib/dossiers/evidence-rules";
import { docx, JPEG, OLE2, PDF, png, TEXT, xlsx, zip } from "../support/file-samples";

const MISMATCH = (ext: string) => `Nội dung tệp không đúng với định dạng của tên tệp (.${ext}). Chỉ nhận PDF, ảnh (JPG, PNG) hoặc Word (DOC, DOCX), tối đa 10 MB.`;

describe("classifyEvidence", () => {
  it("accepts each allowed kind by its real content", async () => {
    expect(await classifyEvidence("Kế hoạch ANTT 2026.pdf", PDF)).toEqual({ mime: "application/pdf" });
    expect(await classifyEvidence("anh-hop.png", png())).toEqual({ mime: "image/png" });
    expect(await classifyEvidence("anh.JPG", JPEG)).toEqual({ mime: "image/jpeg" });
    expect(await classifyEvidence("anh.jpeg", JPEG)).toEqual({ mime: "image/jpeg" });
    expect(await classifyEvidence("bao-cao.docx", await docx())).toEqual({ mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" });
    expect(await classifyEvidence("bao-cao-cu.doc", OLE2)).toEqual({ mime: "application/msword" });
  });

  it("refuses a plain zip or a workbook renamed .docx", async () => {
    expect(await classifyEvidence("bao-cao.docx", zip())).toEqual({ error: MISMATCH("docx") });
    expect(await classifyEvidence("bao-cao.docx", await xlsx())).toEqual({ error: MISMATCH("docx") });
  });

  it("refuses a text file renamed .pdf, and other kinds swapped", async () => {
    expect(await classifyEvidence("bao-cao.pdf", TEXT)).toEqual({ error: MISMATCH("pdf") });
    expect(await classifyEvidence("anh.png", JPEG)).toEqual({ error: MISMATCH("png") });
    expect(await classifyEvidence("anh.jpg", PDF)).toEqual({ error: MISMATCH("jpg") });
    expect(await classifyEvidence("cu.doc", await docx())).toEqual({ error: MISMATCH("doc") });
    expect(await classifyEvidence("moi.docx", OLE2)).toEqual({ error: MISMATCH("docx") });
  });

  it("refuses names outside the list whatever the content, empty and oversized files", async () => {
    const types = "Chỉ nhận PDF, ảnh (JPG, PNG) hoặc Word (DOC, DOCX), tối đa 10 MB.";
    expect(await classifyEvidence("a.exe", PDF)).toEqual({ error: types });
    expect(await classifyEvidence("ghi-chu.txt", TEXT)).toEqual({ error: types });
    expect(await classifyEvidence("nen.zip", zip())).toEqual({ error: types });
    expect(await classifyEvidence("khong-duoi", PDF)).toEqual({ error: types });
    expect(await classifyEvidence("a.pdf", new Uint8Array())).toEqual({ error: "Tệp rỗng." });
    expect(await classifyEvidence("a.pdf", new Uint8Array(MAX_EVIDENCE_BYTES + 1))).toEqual({ error: "Tệp vượt quá 10 MB (10,0 MB); vui lòng chọn tệp nhỏ hơn." });
  });
});

describe("evidenceFileProblem (the browser's check before sending)", () => {
  it("says what is wrong from the name and size alone", () => {
    expect(evidenceFileProblem("a.pdf", 10)).toBeNull();
    expect(evidenceFileProblem("a.pdf", MAX_EVIDENCE_BYTES)).toBeNull();
    expect(evidenceFileProblem("a.pdf", 12 * 1024 * 1024)).toBe("Tệp vượt quá 10 MB (12,0 MB); vui lòng chọn tệp nhỏ hơn.");
    expect(evidenceFileProblem("a.txt", 10)).toMatch(/^Chỉ nhận PDF/);
    expect(evidenceFileProblem("a.pdf", 0)).toBe("Tệp rỗng.");
    expect(EVIDENCE_ACCEPT).toBe(".pdf,.png,.jpg,.jpeg,.docx,.doc");
  });
});
