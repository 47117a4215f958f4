/**
 * THE permission function. Every page, server action and route handler asks `can` (or
 * `authorize`) before it reads or changes anything, and list queries are scoped with
 * `unitScopeWhere(actor, action)`, which must agree with `can(…action…)` for every unit-scoped
 * action (an integration test checks that over the demo province). Pure: no I/O, so it is
 * exhaustively unit-tested. Deny by default. No other module decides access from the actor's
 * role, level, unit or commune: they ask here.
 */
import type { Actor } from "./actor";
import type { ReviewerLevel, UnitKind } from "@/lib/generated/prisma/enums";

/** What a permission check needs to know about a unit. */
export type UnitRef = { id: string; kind: UnitKind; communeId: string };

export type Permission =
  | { action: "unit.read"; unit: UnitRef }
  /** Change the unit's records and dossier as its officer (the unit's own side). */
  | { action: "unit.update"; unit: UnitRef }
  /** Put an incident on record for the unit as the police (source POLICE_RECORDED). */
  | { action: "incident.recordPolice"; unit: UnitRef }
  | { action: "dossier.review"; unit: UnitRef }
  /** Issue or revoke recognition decisions for the unit (on behalf of the deciding UBND). */
  | { action: "dossier.decide"; unit: UnitRef }
  /** Open the list of units (the province, or a commune): not offered to the officer of one unit. */
  | { action: "unit.list" }
  | { action: "province.read" }
  | { action: "reviewQueue.read" }
  /** Prepare and issue recognition decisions for some unit (the units themselves: "dossier.decide"). */
  | { action: "decision.issue" }
  /** Open the register of recognition decisions (each row scoped by "decision.read"). */
  | { action: "decision.list" }
  /** Read one recognition decision naming these units. */
  | { action: "decision.read"; units: readonly UnitRef[] }
  /**
   * Open the part of a decision about one's own units: the decision's particulars, those units in
   * its annex and their certificates (issue 11 §4) — never the rest of the annex.
   */
  | { action: "decision.readOwn"; unit: UnitRef }
  | { action: "user.manage" }
  | { action: "audit.readGlobal" }
  /** Read the registry administration (communes, authorities, units with inactive ones): admins and leaders. */
  | { action: "registry.read" }
  /** Create, edit, deactivate and reactivate communes, authorities and units. */
  | { action: "registry.manage" }
  /** Import the registry lists (units …) from a spreadsheet, and download their template and export. */
  | { action: "registry.import" }
  /** Read the rules as data (competence table, the province's extra criteria): admins and leaders. */
  | { action: "rules.read" }
  /** Add competence rows and extra criteria, edit or retire them while the law allows. */
  | { action: "rules.manage" }
  /** See the e-mail outbox (deliveries, failures) and send a delivery again: administrators (issue 13 §3). */
  | { action: "email.manage" }
  /** Read and edit the deadlines of a year (/admin/deadlines, issue 13 §5): administrators only. */
  | { action: "deadlines.manage" }
  /** Read or mark one's own notifications (issue 13 §2): strictly per person, whatever the role. */
  | { action: "notification.own"; ownerId: string }
  // ── The movement, sheets and participants (issue 14 §1, ADR 0030) ──
  /** Read the movement's scoring sheets (rules as data, like "rules.read"): admins and leaders. */
  | { action: "movementSheets.read" }
  /** Create, copy, edit and publish scoring sheets until an evaluation freezes them (like "rules.manage"). */
  | { action: "movementSheets.manage" }
  /** Read the movement's participants (departments, Front and mass organisations): admins and leaders. */
  | { action: "movementParticipants.read" }
  /** Add, edit, deactivate and reactivate participants (like "registry.manage"). */
  | { action: "movementParticipants.manage" }
  // Commendations (issue 14 §3).
  /** Open the commendation proposals and award decisions of the province: province-wide readers. */
  | { action: "commendation.read" }
  /** Prepare proposals, issue their tờ trình and record award decisions: the provincial police. */
  | { action: "commendation.manage" }
  // ── Reports of plan 195/KH-UBND (issue 14 §4, ADR 0032-movement-reports) ──
  /**
   * The provincial police's side of the plan 195 reports: enter a participant's report from its
   * paper copy, return a unit's report, build the province's report to UBND tỉnh and record it as sent.
   */
  | { action: "movementReport.province" }
  // ── The movement's evaluation (issue 14 §2, ADR 0030) ──
  /** Score the unit's yearly movement evaluation: the "unit.update" scope (the unit's own side). */
  | { action: "movement.score"; unit: UnitRef }
  /** Review, return and classify the unit's movement evaluation: the "dossier.review" scope. */
  | { action: "movement.review"; unit: UnitRef }
  /** Score and review the participants (no accounts of their own): the provincial police reviewers. */
  | { action: "movement.participants" }
  /** Open the movement review queue: a reviewer of some unit, or of the participants. */
  | { action: "movement.reviewQueue" };

/** The actions about one unit; each has a query scope (`unitScope`) that agrees with `can`. */
export const UNIT_SCOPED_ACTIONS = ["unit.read", "unit.update", "incident.recordPolice", "dossier.review", "dossier.decide", "movement.score", "movement.review"] as const;
export type UnitScopedAction = (typeof UNIT_SCOPED_ACTIONS)[number];

/** What scopes depend on: an actor, or any account's access columns (e.g. a row of the users list). */
export type ScopeSubject = Pick<Actor, "role" | "unitId" | "areaId" | "reviewerLevel"> & Pick<Partial<Actor>, "competence">;

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

export function competenceOf(actor: ScopeSubject): Readonly<Record<UnitKind, ReviewerLevel>> {
  return actor.competence ?? REVIEW_COMPETENCE;
}

/** Unit kinds a commune officer acts for inside their commune: the commune itself and its KDC. */
export const COMMUNE_OFFICER_KINDS: readonly UnitKind[] = ["XA", "KDC"];

function officerOwns(actor: ScopeSubject, unit: UnitRef): boolean {
  if (actor.unitId) return actor.unitId === unit.id;
  if (actor.areaId) return actor.areaId === unit.communeId && COMMUNE_OFFICER_KINDS.includes(unit.kind);
  return false;
}

function reviewerSees(actor: ScopeSubject, unit: UnitRef): boolean {
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
    case "incident.recordPolice":
      // Any police reviewer whose scope covers the unit: competence for its dossier is not needed.
      return actor.role === "REVIEWER" && reviewerSees(actor, permission.unit);
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
    case "unit.list": {
      // The list is for choosing among units; the officer of a single unit has only that one.
      const scope = unitScope(actor, "unit.read");
      return scope !== null && (scope.all || scope.unitId === undefined);
    }
    case "province.read":
      return actor.role === "LEADER" || actor.role === "ADMIN" || (actor.role === "REVIEWER" && actor.reviewerLevel === "PROVINCIAL_POLICE");
    case "reviewQueue.read":
      return actor.role === "REVIEWER" && actor.reviewerLevel !== null;
    case "decision.issue":
      return unitScope(actor, "dossier.decide") !== null;
    case "decision.list":
      // Province-wide readers see every decision; a decider the decisions of its own units.
      return can(actor, { action: "province.read" }) || can(actor, { action: "decision.issue" });
    case "decision.read":
      return can(actor, { action: "province.read" }) || permission.units.some((unit) => can(actor, { action: "dossier.review", unit }));
    case "decision.readOwn":
      // The officers of a recognised unit (a commune officer also for its khu dân cư).
      return actor.role === "UNIT_OFFICER" && can(actor, { action: "unit.read", unit: permission.unit });
    case "user.manage":
    case "audit.readGlobal":
    case "registry.manage":
    // Rewrites units across the province in one go: the administrators' task, not a reviewer's.
    case "registry.import":
    case "rules.manage":
    case "email.manage":
    case "deadlines.manage":
      return actor.role === "ADMIN";
    case "registry.read":
    case "rules.read":
      // Leaders follow the whole province and may check its registry; they change nothing.
      return actor.role === "ADMIN" || actor.role === "LEADER";
    case "notification.own":
      return actor.userId === permission.ownerId;
    // The movement's sheets are rules as data, its participants a registry list: same holders.
    case "movementSheets.read":
      return can(actor, { action: "rules.read" });
    case "movementSheets.manage":
      return can(actor, { action: "rules.manage" });
    case "movementParticipants.read":
      return can(actor, { action: "registry.read" });
    case "movementParticipants.manage":
      return can(actor, { action: "registry.manage" });
    // Commendations (issue 14 §3). The provincial police prepare proposals and record the decisions,
    // as they prepare and record recognition decisions ("decision.issue"), but only at the
    // provincial level: a commune-police reviewer decides for KDC, not for the province's awards.
    // A unit's officers see their own unit's awards on its page ("unit.read").
    case "commendation.manage":
      return can(actor, { action: "decision.issue" }) && (actor.role === "ADMIN" || actor.reviewerLevel === "PROVINCIAL_POLICE");
    case "commendation.read":
      return can(actor, { action: "province.read" });
    case "movementReport.province":
      // Plan 195 §VI.6: the units report to the provincial police, who report to UBND tỉnh.
      return actor.role === "REVIEWER" && actor.reviewerLevel === "PROVINCIAL_POLICE";
    // The movement (issue 14 §2): the same people as the unit's dossier, on each side.
    case "movement.score":
      return can(actor, { action: "unit.update", unit: permission.unit });
    case "movement.review":
      return can(actor, { action: "dossier.review", unit: permission.unit });
    case "movement.participants":
      return actor.role === "REVIEWER" && actor.reviewerLevel === "PROVINCIAL_POLICE";
    case "movement.reviewQueue":
      return unitScope(actor, "movement.review") !== null || can(actor, { action: "movement.participants" });
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
 * The units on which an actor may perform a unit-scoped action, for a Prisma `where`. `null` means
 * none: callers must not query. Mirrors `can(actor, { action, unit })` for every unit (checked
 * over the demo province by an integration test).
 */
export type UnitScope = { all: true } | { all: false; unitId?: string; communeId?: string; kinds?: readonly UnitKind[] } | null;

export function unitScope(actor: ScopeSubject | null, action: UnitScopedAction): UnitScope {
  if (!actor) return null;
  switch (action) {
    case "unit.read":
      switch (actor.role) {
        case "ADMIN":
        case "LEADER":
          return { all: true };
        case "REVIEWER":
          return reviewerReadScope(actor);
        case "UNIT_OFFICER":
          return officerScope(actor);
        default:
          return null;
      }
    case "unit.update":
      return actor.role === "UNIT_OFFICER" ? officerScope(actor) : null;
    case "incident.recordPolice":
      return actor.role === "REVIEWER" ? reviewerReadScope(actor) : null;
    case "dossier.review": {
      if (actor.role !== "REVIEWER" || !actor.reviewerLevel) return null;
      const competence = competenceOf(actor);
      const kinds = (Object.keys(competence) as UnitKind[]).filter((k) => competence[k] === actor.reviewerLevel);
      if (actor.reviewerLevel === "PROVINCIAL_POLICE") return { all: false, kinds };
      return actor.areaId ? { all: false, communeId: actor.areaId, kinds } : null;
    }
    case "dossier.decide":
      return actor.role === "ADMIN" ? { all: true } : unitScope(actor, "dossier.review");
    case "movement.score":
      return unitScope(actor, "unit.update");
    case "movement.review":
      return unitScope(actor, "dossier.review");
    default:
      return null;
  }
}

function reviewerReadScope(actor: ScopeSubject): UnitScope {
  if (actor.reviewerLevel === "PROVINCIAL_POLICE") return { all: true };
  if (actor.reviewerLevel === "COMMUNE_POLICE" && actor.areaId) return { all: false, communeId: actor.areaId };
  return null;
}

function officerScope(actor: ScopeSubject): UnitScope {
  if (actor.unitId) return { all: false, unitId: actor.unitId };
  if (actor.areaId) return { all: false, communeId: actor.areaId, kinds: COMMUNE_OFFICER_KINDS };
  return null;
}

/** The units an actor may read (`unitScope(actor, "unit.read")`). */
export function unitReadScope(actor: ScopeSubject | null): UnitScope {
  return unitScope(actor, "unit.read");
}

/** `unitScope` as a Prisma UnitWhereInput; a scope of none becomes a where that matches nothing. */
export function unitScopeWhere(actor: ScopeSubject | null, action: UnitScopedAction = "unit.read") {
  const scope = unitScope(actor, action);
  if (!scope) return { id: { in: [] as string[] } };
  if (scope.all) return {};
  return {
    ...(scope.unitId ? { id: scope.unitId } : {}),
    ...(scope.communeId ? { communeId: scope.communeId } : {}),
    ...(scope.kinds ? { kind: { in: [...scope.kinds] } } : {}),
  };
}

/** Dossiers a reviewer is competent to review, as a Prisma UnitWhereInput on the dossier's unit. */
export function reviewScopeWhere(actor: ScopeSubject | null) {
  return unitScopeWhere(actor, "dossier.review");
}
