/**
 * Which UBND recognises which unit (TT 124/2021 Đ10 as amended by TT 48/2025): a KDC by the UBND of
 * its commune, every other kind by UBND tỉnh. Pure: the decision use-case applies it to what it
 * read in its own transaction, and the issuing form uses it to group the proposed dossiers.
 */
import type { AuthorityKind, UnitKind } from "@/lib/generated/prisma/enums";

/** The deciding authority's kind for a unit kind. */
export function suggestedDeciderKind(kind: UnitKind): Extract<AuthorityKind, "UBND_XA" | "UBND_TINH"> {
  return kind === "KDC" ? "UBND_XA" : "UBND_TINH";
}

/** May this authority recognise this unit? For a commune UBND, only units of its own commune. */
export function authorityDecidesFor(authority: { kind: AuthorityKind; areaId: string | null }, unit: { kind: UnitKind; communeId: string }): boolean {
  const kind = suggestedDeciderKind(unit.kind);
  return authority.kind === kind && (kind !== "UBND_XA" || authority.areaId === unit.communeId);
}
