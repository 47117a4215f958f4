/**
 * The document worker pool: the decision, its certificates and a certificate come out of a worker
 * thread exactly as the builders write them on the calling thread, and the builders' Vietnamese
 * validation errors cross the thread boundary as `z.ZodError`.
 */
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { closeDocumentPool, documentBytes, streamDocument } from "./document-pool";
import { certificateInput, decisionInput, openDocx } from "./docx-test-helpers";
import { buildCertificatesDocx, buildRecognitionCertificateDocx } from "./recognition-certificate";
import { buildRecognitionDecisionDocx } from "./recognition-decision";

afterAll(closeDocumentPool);

const decision = decisionInput({ units: Array.from({ length: 300 }, (_, i) => ({ name: `Tổ dân phố số ${i + 1}`, kind: "KDC" as const, commune: "Phường Cam Đường" })) });
const certificate = (name: string) => certificateInput({ unit: { ...certificateInput().unit, name } });

async function same(fromWorker: Uint8Array, direct: Uint8Array) {
  const [a, b] = await Promise.all([openDocx(fromWorker), openDocx(direct)]);
  expect(a.paragraphs).toEqual(b.paragraphs);
  expect(a.tables).toEqual(b.tables);
}

describe("documents written by a worker thread", () => {
  it("the decision with its 300-unit annex, the certificates and one certificate, as the builders write them", async () => {
    await same(await documentBytes({ kind: "recognition-decision", input: decision }), await buildRecognitionDecisionDocx(decision));
    const inputs = [certificate("Trường THPT số 1 Lào Cai"), certificate("Trường THCS Kim Tân")];
    await same(await documentBytes({ kind: "certificates", inputs }), await buildCertificatesDocx(inputs));
    await same(await documentBytes({ kind: "certificate", input: inputs[0]! }), await buildRecognitionCertificateDocx(inputs[0]!));
  }, 120_000);

  it("rejects invalid input with the builder's Vietnamese z.ZodError, before any byte", async () => {
    const error = await streamDocument({ kind: "recognition-decision", input: { ...decision, number: "quyết định 15" } }).then(
      () => null,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(z.ZodError);
    expect((error as z.ZodError).issues.map((issue) => issue.message)).toContain("Số văn bản: phải có dạng số/ký hiệu, ví dụ 15/QĐ-UBND.");
  }, 120_000);
});
