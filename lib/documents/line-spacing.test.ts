/**
 * LibreOffice reads a `w:spacing` that has `w:line` but no `w:lineRule` as exact spacing: every line
 * larger than 12 pt is then clipped and overlaps its neighbours (the certificate's title over its
 * header, issue 11 §9). Word reads it as "auto". Every generated document states the rule. The
 * documents test project checks the printed result; this checks the cause, fast.
 */
import { describe, expect, it } from "vitest";
import { buildYearEndReportDocx } from "@/lib/reports/exports";
import { dashboardFixture } from "@/lib/reports/exports/test-fixtures";
import { openDocx } from "./docx-test-helpers";
import { buildRecognitionCertificateDocx, buildRecognitionDecisionDocx } from "./index";

const authority = { name: "Ủy ban nhân dân\ntỉnh Lào Cai" };
const signer = { fullName: "Nguyễn Văn An", position: "Chủ tịch" };

async function spacingsWithoutRule(bytes: Uint8Array): Promise<string[]> {
  const docx = await openDocx(bytes);
  return [docx.documentXml, docx.stylesXml, ...docx.headerXmls].flatMap((xml) =>
    [...xml.matchAll(/<w:spacing\s[^>]*\/>/g)].map((match) => match[0]).filter((tag) => tag.includes("w:line=") && !tag.includes("w:lineRule=")),
  );
}

describe("line spacing", () => {
  it("states its rule in the decision, the certificate and the year-end report", async () => {
    const decision = await buildRecognitionDecisionDocx({
      year: 2026,
      number: "15/QĐ-UBND",
      issuedOn: "2026-11-20",
      place: "Lào Cai",
      authority,
      issuer: "Chủ tịch Ủy ban nhân dân tỉnh Lào Cai",
      proposedBy: "Giám đốc Công an tỉnh",
      executors: "Giám đốc Công an tỉnh",
      signer,
      units: [{ name: "Tổ dân phố số 5", kind: "KDC", commune: "Phường Cam Đường" }],
    });
    const certificate = await buildRecognitionCertificateDocx({
      year: 2026,
      authority,
      unit: { name: "Tổ dân phố số 5", kind: "KDC", commune: "Phường Cam Đường" },
      decision: { number: "15/QĐ-UBND", issuedOn: "2026-11-20" },
      place: "Lào Cai",
      signer,
    });
    const base = dashboardFixture();
    const report = await buildYearEndReportDocx({
      data: { ...base, headline: { ...base.headline, recognised: 0, notRecognised: 0 } },
      number: "125/BC-CAT",
      issuedOn: "2026-11-19",
      place: "Lào Cai",
      recognised: [],
      notRecognised: [],
      signer,
    });
    expect(await spacingsWithoutRule(decision)).toEqual([]);
    expect(await spacingsWithoutRule(certificate)).toEqual([]);
    expect(await spacingsWithoutRule(report)).toEqual([]);
  });
});
