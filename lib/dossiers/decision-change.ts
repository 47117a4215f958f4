/**
 * Pure parts of correcting, cancelling and verifying a recognition decision (ADR "decision
 * correction and cancellation"): what a correction changed, the verification token, and what the
 * public verification page may say about a certificate.
 */
import { randomBytes } from "node:crypto";

/** 32 random bytes (256 bits) as base64url: unguessable, and short enough for a small QR code. */
export function newVerifyToken(): string {
  return randomBytes(32).toString("base64url");
}

/** What a stored token looks like (also the 244-bit tokens the migration gave older decisions). */
export const VERIFY_TOKEN_PATTERN = /^[A-Za-z0-9_-]{32,64}$/;

export function isVerifyTokenShape(token: string): boolean {
  return VERIFY_TOKEN_PATTERN.test(token);
}

/** The verification page's path for a token; the QR code carries the absolute URL. */
export function verificationPath(token: string): string {
  return `/xac-minh/${token}`;
}

/** `base` is the public address (NEXTAUTH_URL), without or with a trailing slash. */
export function verificationUrl(base: string, token: string): string {
  return `${base.replace(/\/+$/, "")}${verificationPath(token)}`;
}

export type DecisionText = {
  issuedOn: string;
  signerName: string;
  signerTitle: string;
  /** dossierId → the unit's name as printed. */
  unitNames: Record<string, string>;
};

const same = (a: string, b: string) => a.normalize("NFC").trim() === b.normalize("NFC").trim();

/**
 * What a correction changes, in Vietnamese, one line per change ("Người ký: A → B"); empty when
 * nothing changes. `dd/MM/yyyy` dates are formatted by the caller-supplied function.
 */
export function correctionChanges(current: DecisionText, next: DecisionText, formatDate: (iso: string) => string): string[] {
  const changes: string[] = [];
  if (current.issuedOn !== next.issuedOn) changes.push(`Ngày ban hành: ${formatDate(current.issuedOn)} → ${formatDate(next.issuedOn)}`);
  if (!same(current.signerName, next.signerName)) changes.push(`Người ký: ${current.signerName} → ${next.signerName}`);
  if (!same(current.signerTitle, next.signerTitle)) changes.push(`Chức vụ người ký: ${current.signerTitle} → ${next.signerTitle}`);
  for (const [dossierId, name] of Object.entries(next.unitNames)) {
    const before = current.unitNames[dossierId];
    if (before !== undefined && !same(before, name)) changes.push(`Tên đơn vị: ${before} → ${name}`);
  }
  return changes;
}

export type VerificationStatus = "VALID" | "CANCELLED" | "REVOKED";

export const VERIFICATION_STATUS_LABELS: Record<VerificationStatus, string> = {
  VALID: "Còn hiệu lực",
  CANCELLED: "Đã bị hủy (quyết định công nhận đã bị hủy)",
  REVOKED: "Đã bị thu hồi (công nhận của đơn vị đã bị thu hồi)",
};

/**
 * A certificate is valid while its decision stands and the unit's dossier is still recognised by
 * that decision. Cancellation of the decision (void from the start) outranks a revocation of the
 * unit's recognition (which ended it later).
 */
export function verificationStatus(facts: {
  decisionId: string;
  decisionCancelledAt: Date | null;
  decisionRevokedAt: Date | null;
  dossierState: string;
  dossierDecisionId: string | null;
}): VerificationStatus {
  if (facts.decisionCancelledAt) return "CANCELLED";
  if (facts.decisionRevokedAt) return "REVOKED";
  if (facts.dossierDecisionId === facts.decisionId && facts.dossierState === "RECOGNISED") return "VALID";
  return "REVOKED";
}
