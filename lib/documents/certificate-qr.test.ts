import { describe, expect, it } from "vitest";
import { z } from "zod";
import { openDocx } from "./docx-test-helpers";
import { qrCodesInDocx } from "./qr-test-helpers";
import { buildCertificatesDocx, buildRecognitionCertificateDocx } from "./index";
import type { RecognitionCertificateInput } from "./schemas";

const input = (overrides: Partial<RecognitionCertificateInput> = {}): RecognitionCertificateInput => ({
  year: 2026,
  authority: { name: "Ủy ban nhân dân\ntỉnh Lào Cai" },
  unit: { name: "Tổ dân phố số 5", kind: "KDC", commune: "Phường Cam Đường" },
  decision: { number: "01/QĐ-UBND", issuedOn: "2026-11-20" },
  place: "Lào Cai",
  signer: { fullName: "Nguyễn Văn An", position: "Chủ tịch" },
  ...overrides,
});

const url = (token: string) => `https://antt.congan.laocai.gov.vn/xac-minh/${token}`;

describe("the certificate's verification QR code", () => {
  it("carries the verification address, with the line that says what it is for", async () => {
    const bytes = await buildRecognitionCertificateDocx(input({ verificationUrl: url("a".repeat(43)) }));
    expect(await qrCodesInDocx(bytes)).toEqual([url("a".repeat(43))]);
    expect((await openDocx(bytes)).documentXml).toContain("Quét mã để xác minh");
  });

  it("is left out when no address is given", async () => {
    const bytes = await buildRecognitionCertificateDocx(input());
    expect(await qrCodesInDocx(bytes)).toEqual([]);
    expect((await openDocx(bytes)).documentXml).not.toContain("Quét mã để xác minh");
  });

  it("gives each certificate of a batch its own code", async () => {
    const bytes = await buildCertificatesDocx([input({ verificationUrl: url("A".repeat(43)) }), input({ unit: { name: "Thôn Nà Cạ", kind: "KDC", commune: "Xã Bảo Thắng" }, verificationUrl: url("B".repeat(43)) })]);
    expect((await qrCodesInDocx(bytes)).sort()).toEqual([url("A".repeat(43)), url("B".repeat(43))]);
  });

  it("refuses an address that is not http(s)", async () => {
    await expect(buildRecognitionCertificateDocx(input({ verificationUrl: "javascript:alert(1)" }))).rejects.toBeInstanceOf(z.ZodError);
  });
});
