import { describe, expect, it } from "vitest";
import { correctionChanges, isVerifyTokenShape, newVerifyToken, verificationStatus, verificationUrl } from "./decision-change";

const text = { issuedOn: "2026-12-01", signerName: "Nguyễn Văn A", signerTitle: "Chủ tịch", unitNames: { d1: "Tổ dân phố số 1", d2: "Thôn Nà Cạ" } };
const fmt = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

describe("verification tokens", () => {
  it("are 256 random bits in base64url, never twice the same", () => {
    const tokens = new Set(Array.from({ length: 200 }, newVerifyToken));
    expect(tokens.size).toBe(200);
    for (const t of tokens) {
      expect(t).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(t, "base64url")).toHaveLength(32);
      expect(isVerifyTokenShape(t)).toBe(true);
    }
  });

  it("refuse anything that is not a token before any lookup", () => {
    for (const bad of ["", "abc", "../../etc/passwd", "a".repeat(65), "x".repeat(40) + "%"]) expect(isVerifyTokenShape(bad)).toBe(false);
  });

  it("make an absolute URL from the public address", () => {
    expect(verificationUrl("https://antt.example.vn/", "T".repeat(43))).toBe(`https://antt.example.vn/xac-minh/${"T".repeat(43)}`);
  });
});

describe("correctionChanges", () => {
  it("lists each change in Vietnamese, ignoring spacing and Unicode form", () => {
    expect(correctionChanges(text, text, fmt)).toEqual([]);
    expect(correctionChanges(text, { ...text, signerName: " Nguyễn Văn A ".normalize("NFD") }, fmt)).toEqual([]);
    expect(correctionChanges(text, { ...text, issuedOn: "2026-12-02", signerName: "Nguyễn Văn Á", unitNames: { d1: "Tổ dân phố số 1", d2: "Thôn Nà Cà" } }, fmt)).toEqual([
      "Ngày ban hành: 01/12/2026 → 02/12/2026",
      "Người ký: Nguyễn Văn A → Nguyễn Văn Á",
      "Tên đơn vị: Thôn Nà Cạ → Thôn Nà Cà",
    ]);
  });

  it("ignores units the decision does not name", () => {
    expect(correctionChanges(text, { ...text, unitNames: { ...text.unitNames, other: "X" } }, fmt)).toEqual([]);
  });
});

describe("verificationStatus", () => {
  const base = { decisionId: "q", decisionCancelledAt: null, decisionRevokedAt: null, dossierState: "RECOGNISED", dossierDecisionId: "q" };
  it("valid while the decision stands and still recognises the unit", () => {
    expect(verificationStatus(base)).toBe("VALID");
  });
  it("cancelled outranks revoked; a unit revoked or moved to another decision is no longer valid", () => {
    expect(verificationStatus({ ...base, decisionCancelledAt: new Date(), dossierState: "PROPOSED", dossierDecisionId: null })).toBe("CANCELLED");
    expect(verificationStatus({ ...base, decisionCancelledAt: new Date(), dossierState: "REVOKED" })).toBe("CANCELLED");
    expect(verificationStatus({ ...base, dossierState: "REVOKED" })).toBe("REVOKED");
    expect(verificationStatus({ ...base, decisionRevokedAt: new Date() })).toBe("REVOKED");
    expect(verificationStatus({ ...base, dossierDecisionId: "other" })).toBe("REVOKED");
  });
});
