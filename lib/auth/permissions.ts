/**
 * THE permission function. Every page, server action and route handler asks `can` (or
 * `authorize`) before it reads or changes anything, and list queries are scoped with
 * `unitScopeWhere`, which must agree with `can(…"unit.read"…)` (an integration test checks that
 * over the demo province). Pure: no I/O, so it is exhaustively unit-tested. Deny by default.
 */
import type { Actor } from "./actor";
import type { ReviewerLevel, UnitKind } from "@/lib/generated/prisma/enums";

/** What a permission check needs to know about a unit. */
export type UnitRef = { id: string; kind: UnitKind; communeId: string };

export type Permission =
  | { action: "unit.read"; unit: UnitRef }
  | { action: "unit.update"; unit: UnitRef }
  | { action: "dossier.review"; unit: UnitRef }
  /** Issue or revoke recognition decisions for the unit (on behalf of the deciding UBND). */
  | { action: "dossier.decide"; unit: UnitRef }
  | { action: "province.read" }
  | { action: "reviewQueue.read" }
  | { action: "user.manage" }
  | { action: "audit.readGlobal" };

/**
 * Who reviews which unit kind since TT 48/2025 (domain spec §4.4): KDC by the commune police,
 * the rest by the provincial police. The competence table (CompetenceRule, data) overrides it per
 * kind through `actor.competence`; this is the default where the table says nothing.
 */
export const REVIEW_COMPETENCE: Record<UnitKind, ReviewerLevel> = {
  KDC: "COMMUNE_POLICE",
  XA: "PROVINCIAL_POLICE",
  CQ: "PROVINCIAL_POLICE",
  DN: "PROVINCIAL_POLICE",
  CSGD: "PROVINCIAL_POLICE",
};

export function competenceOf(actor: Actor): Readonly<Record<UnitKind, ReviewerLevel>> {
  return actor.competence ?? REVIEW_COMPETENCE;
}

/** Unit kinds a commune officer acts for inside their commune: the commune itself and its KDC. */
export const COMMUNE_OFFICER_KINDS: readonly UnitKind[] = ["XA", "KDC"];

function officerOwns(actor: Actor, unit: UnitRef): boolean {
  if (actor.unitId) return actor.unitId === unit.id;
  if (actor.areaId) return actor.areaId === unit.communeId && COMMUNE_OFFICER_KINDS.includes(unit.kind);
  return false;
}

function reviewerSees(actor: Actor, unit: UnitRef): boolean {
  if (actor.reviewerLevel === "PROVINCIAL_POLICE") return true;
  if (actor.reviewerLevel === "COMMUNE_POLICE") return actor.areaId !== null && actor.areaId === unit.communeId;
  return false;
}

export function can(actor: Actor | null, permission: Permission): boolean {
  if (!actor) return false;
  switch (permission.action) {
    case "unit.read":
      switch (actor.role) {
        case "ADMIN":
        case "LEADER":
          return true;
        case "REVIEWER":
          return reviewerSees(actor, permission.unit);
        case "UNIT_OFFICER":
          return officerOwns(actor, permission.unit);
        default:
          return false;
      }
    case "unit.update":
      return actor.role === "UNIT_OFFICER" && officerOwns(actor, permission.unit);
    case "dossier.review":
      return (
        actor.role === "REVIEWER" &&
        reviewerSees(actor, permission.unit) &&
        competenceOf(actor)[permission.unit.kind] === actor.reviewerLevel
      );
    case "dossier.decide":
      // The standing office prepares and records the UBND's decision: the reviewer competent for
      // the unit, or an administrator of the system.
      return actor.role === "ADMIN" || can(actor, { action: "dossier.review", unit: permission.unit });
    case "province.read":
      return actor.role === "LEADER" || actor.role === "ADMIN" || (actor.role === "REVIEWER" && actor.reviewerLevel === "PROVINCIAL_POLICE");
    case "reviewQueue.read":
      return actor.role === "REVIEWER" && actor.reviewerLevel !== null;
    case "user.manage":
    case "audit.readGlobal":
      return actor.role === "ADMIN";
    default:
      return false;
  }
}

export class ForbiddenError extends Error {
  constructor(readonly permission: Permission["action"]) {
    super(`Bạn không có quyền thực hiện thao tác này (${permission}).`);
    this.name = "ForbiddenError";
  }
}

export function authorize(actor: Actor | null, permission: Permission): asserts actor is Actor {
  if (!can(actor, permission)) throw new ForbiddenError(permission.action);
}

/**
 * The units an actor may read, as a Prisma `where`. `null` means none: callers must not query.
 * Mirrors `can(actor, { action: "unit.read" })`.
 */
export type UnitScope = { all: true } | { all: false; unitId?: string; communeId?: string; kinds?: readonly UnitKind[] } | null;

export function unitReadScope(actor: Actor | null): UnitScope {
  if (!actor) return null;
  switch (actor.role) {
    case "ADMIN":
    case "LEADER":
      return { all: true };
    case "REVIEWER":
      if (actor.reviewerLevel === "PROVINCIAL_POLICE") return { all: true };
      if (actor.reviewerLevel === "COMMUNE_POLICE" && actor.areaId) return { all: false, communeId: actor.areaId };
      return null;
    case "UNIT_OFFICER":
      if (actor.unitId) return { all: false, unitId: actor.unitId };
      if (actor.areaId) return { all: false, communeId: actor.areaId, kinds: COMMUNE_OFFICER_KINDS };
      return null;
    default:
      return null;
  }
}

/** `unitReadScope` as a Prisma UnitWhereInput; a scope of none becomes a where that matches nothing. */
export function unitScopeWhere(actor: Actor | null) {
  const scope = unitReadScope(actor);
  if (!scope) return { id: { in: [] as string[] } };
  if (scope.all) return {};
  return {
    ...(scope.unitId ? { id: scope.unitId } : {}),
    ...(scope.communeId ? { communeId: scope.communeId } : {}),
    ...(scope.kinds ? { kind: { in: [...scope.kinds] } } : {}),
  };
}

/** Dossiers a reviewer is competent to review, as a Prisma UnitWhereInput on the dossier's unit. */
export function reviewScopeWhere(actor: Actor | null) {
  if (!actor || actor.role !== "REVIEWER" || !actor.reviewerLevel) return { id: { in: [] as string[] } };
  const competence = competenceOf(actor);
  const kinds = (Object.keys(competence) as UnitKind[]).filter((k) => competence[k] === actor.reviewerLevel);
  if (actor.reviewerLevel === "COMMUNE_POLICE") {
    if (!actor.areaId) return { id: { in: [] as string[] } };
    return { communeId: actor.areaId, kind: { in: kinds } };
  }
  return { kind: { in: kinds } };
}
