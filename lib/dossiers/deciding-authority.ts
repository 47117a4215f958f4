/**
 * Which UBND recognises which unit (TT 124/2021 Đ10 as amended by TT 48/2025). The answer is data:
 * the competence row governing the unit's kind in the evaluation year (lib/rules/competence.ts),
 * which the caller loads once per use-case and passes in. Pure: the decision use-case applies it
 * to what it read in its own transaction, and the issuing form uses it to group the proposed dossiers.
 */
import type { AuthorityKind, UnitKind } from "@/lib/generated/prisma/enums";
import type { CompetenceRow, DeciderKind } from "@/lib/rules/competence";

/** The deciding authority's kind for a unit, as the governing row says. */
export function suggestedDeciderKind(rule: Pick<CompetenceRow, "deciderKind">): DeciderKind {
  return rule.deciderKind;
}

/**
 * May this authority recognise this unit under the governing row? A commune UBND only for units
 * of its own commune; UBND tỉnh for any unit of the province.
 */
export function authorityDecidesFor(
  authority: { kind: AuthorityKind; areaId: string | null },
  unit: { kind: UnitKind; communeId: string },
  rule: Pick<CompetenceRow, "deciderKind" | "unitKind">,
): boolean {
  if (rule.unitKind !== unit.kind) throw new Error(`Competence row for ${rule.unitKind} applied to a ${unit.kind} unit`);
  const kind = suggestedDeciderKind(rule);
  return authority.kind === kind && (kind !== "UBND_XA" || authority.areaId === unit.communeId);
}
