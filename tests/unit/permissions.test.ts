/**
 * The permission function over every role × action × relation between actor and unit.
 * Each row would fail if the corresponding check were removed or widened.
 */
import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { can, authorize, ForbiddenError, unitReadScope, unitScope, unitScopeWhere, reviewScopeWhere, UNIT_SCOPED_ACTIONS, type UnitRef, type UnitScope } from "@/lib/auth/permissions";
import { UNIT_KINDS } from "@/lib/domain/vocabulary";

const COMMUNE = "c-1";
const OTHER_COMMUNE = "c-2";
const actor = (over: Partial<Actor>): Actor => ({
  userId: "u",
  username: "u",
  fullName: "U",
  role: "LEADER",
  unitId: null,
  areaId: null,
  reviewerLevel: null,
  authorityId: null,
  ...over,
});

const actors = {
  admin: actor({ role: "ADMIN" }),
  leader: actor({ role: "LEADER" }),
  provincialReviewer: actor({ role: "REVIEWER", reviewerLevel: "PROVINCIAL_POLICE" }),
  communeReviewer: actor({ role: "REVIEWER", reviewerLevel: "COMMUNE_POLICE", areaId: COMMUNE }),
  reviewerWithoutLevel: actor({ role: "REVIEWER" }),
  unitOfficer: actor({ role: "UNIT_OFFICER", unitId: "own-unit" }),
  communeOfficer: actor({ role: "UNIT_OFFICER", areaId: COMMUNE }),
  officerWithoutScope: actor({ role: "UNIT_OFFICER" }),
};

const unit = (id: string, kind: UnitRef["kind"], communeId = COMMUNE): UnitRef => ({ id, kind, communeId });

describe("unit.read / unit.update", () => {
  it.each([
    // actor, unit, read, update
    ["admin", unit("x", "CQ", OTHER_COMMUNE), true, false],
    ["leader", unit("x", "KDC", OTHER_COMMUNE), true, false],
    ["provincialReviewer", unit("x", "KDC", OTHER_COMMUNE), true, false],
    ["communeReviewer", unit("x", "CQ", COMMUNE), true, false],
    ["communeReviewer", unit("x", "KDC", OTHER_COMMUNE), false, false],
    ["reviewerWithoutLevel", unit("x", "KDC"), false, false],
    ["unitOfficer", unit("own-unit", "CQ"), true, true],
    ["unitOfficer", unit("other-unit", "CQ"), false, false],
    ["communeOfficer", unit("x", "XA", COMMUNE), true, true],
    ["communeOfficer", unit("x", "KDC", COMMUNE), true, true],
    ["communeOfficer", unit("x", "CQ", COMMUNE), false, false],
    ["communeOfficer", unit("x", "KDC", OTHER_COMMUNE), false, false],
    ["officerWithoutScope", unit("x", "KDC"), false, false],
  ] as const)("%s on %j: read %s, update %s", (who, u, read, update) => {
    expect(can(actors[who], { action: "unit.read", unit: u })).toBe(read);
    expect(can(actors[who], { action: "unit.update", unit: u })).toBe(update);
  });

  it.each([
    // Who may open the list of units: everyone reading more than one unit.
    ["admin", true],
    ["leader", true],
    ["provincialReviewer", true],
    ["communeReviewer", true],
    ["reviewerWithoutLevel", false],
    ["unitOfficer", false],
    ["communeOfficer", true],
    ["officerWithoutScope", false],
  ] as const)("unit.list for %s: %s", (who, allowed) => {
    expect(can(actors[who], { action: "unit.list" })).toBe(allowed);
  });
});

describe("incident.recordPolice: a police reviewer whose scope covers the unit, never the unit's side", () => {
  it.each([
    ["admin", unit("x", "CQ"), false],
    ["leader", unit("x", "KDC"), false],
    ["provincialReviewer", unit("x", "KDC", OTHER_COMMUNE), true],
    ["provincialReviewer", unit("x", "CQ", OTHER_COMMUNE), true],
    // Competence is not needed: the commune police record for every kind in their commune.
    ["communeReviewer", unit("x", "CQ", COMMUNE), true],
    ["communeReviewer", unit("x", "KDC", COMMUNE), true],
    ["communeReviewer", unit("x", "KDC", OTHER_COMMUNE), false],
    ["reviewerWithoutLevel", unit("x", "KDC"), false],
    ["unitOfficer", unit("own-unit", "CQ"), false],
    ["communeOfficer", unit("x", "KDC", COMMUNE), false],
    ["officerWithoutScope", unit("x", "KDC"), false],
  ] as const)("%s on %j: %s", (who, u, allowed) => {
    expect(can(actors[who], { action: "incident.recordPolice", unit: u })).toBe(allowed);
  });

  it("a commune reviewer without a commune records for nobody", () => {
    const noArea = actor({ role: "REVIEWER", reviewerLevel: "COMMUNE_POLICE" });
    for (const kind of UNIT_KINDS) expect(can(noArea, { action: "incident.recordPolice", unit: unit("x", kind) })).toBe(false);
    expect(unitScope(noArea, "incident.recordPolice")).toBeNull();
  });

  it("nobody signed in can do anything", () => {
    for (const kind of UNIT_KINDS) {
      expect(can(null, { action: "unit.read", unit: unit("x", kind) })).toBe(false);
    }
    expect(can(null, { action: "province.read" })).toBe(false);
    expect(() => authorize(null, { action: "user.manage" })).toThrow(ForbiddenError);
  });

  it("an unknown role is denied by default", () => {
    const odd = actor({ role: "SUPERUSER" as never });
    expect(can(odd, { action: "unit.read", unit: unit("x", "CQ") })).toBe(false);
    expect(unitReadScope(odd)).toBeNull();
    expect(can(odd, { action: "bogus" } as never)).toBe(false);
  });
});

describe("dossier.review follows competence (TT48: KDC → commune police, others → provincial police)", () => {
  it.each(UNIT_KINDS)("%s", (kind) => {
    const u = unit("x", kind, COMMUNE);
    expect(can(actors.provincialReviewer, { action: "dossier.review", unit: u })).toBe(kind !== "KDC");
    expect(can(actors.communeReviewer, { action: "dossier.review", unit: u })).toBe(kind === "KDC");
    expect(can(actors.communeReviewer, { action: "dossier.review", unit: unit("x", kind, OTHER_COMMUNE) })).toBe(false);
    for (const who of ["admin", "leader", "unitOfficer", "communeOfficer"] as const) {
      expect(can(actors[who], { action: "dossier.review", unit: u })).toBe(false);
    }
    // Decisions: the competent reviewer or an administrator; never the unit or the leader.
    expect(can(actors.admin, { action: "dossier.decide", unit: u })).toBe(true);
    expect(can(actors.provincialReviewer, { action: "dossier.decide", unit: u })).toBe(kind !== "KDC");
    expect(can(actors.communeReviewer, { action: "dossier.decide", unit: u })).toBe(kind === "KDC");
    for (const who of ["leader", "unitOfficer", "communeOfficer"] as const) {
      expect(can(actors[who], { action: "dossier.decide", unit: u })).toBe(false);
    }
  });
});

describe("competence from the data table overrides the default", () => {
  it("moves a kind between reviewer levels for review, decision and the queue scope", () => {
    const school = unit("x", "CSGD", COMMUNE);
    const competence = { KDC: "COMMUNE_POLICE", XA: "PROVINCIAL_POLICE", CQ: "PROVINCIAL_POLICE", DN: "PROVINCIAL_POLICE", CSGD: "COMMUNE_POLICE" } as const;
    const communeReviewer = { ...actors.communeReviewer, competence };
    const provincialReviewer = { ...actors.provincialReviewer, competence };
    expect(can(communeReviewer, { action: "dossier.review", unit: school })).toBe(true);
    expect(can(provincialReviewer, { action: "dossier.review", unit: school })).toBe(false);
    expect(can(communeReviewer, { action: "dossier.decide", unit: school })).toBe(true);
    expect(reviewScopeWhere(communeReviewer)).toEqual({ communeId: COMMUNE, kind: { in: ["KDC", "CSGD"] } });
    expect(reviewScopeWhere(provincialReviewer)).toEqual({ kind: { in: ["XA", "CQ", "DN"] } });
  });
});

describe("province-wide and administrative actions", () => {
  it.each([
    ["admin", true, true, true, false],
    ["leader", true, false, false, false],
    ["provincialReviewer", true, false, false, true],
    ["communeReviewer", false, false, false, true],
    ["unitOfficer", false, false, false, false],
    ["communeOfficer", false, false, false, false],
  ] as const)("%s: province %s, users %s, global audit %s, review queue %s", (who, province, users, audit, queue) => {
    expect(can(actors[who], { action: "province.read" })).toBe(province);
    expect(can(actors[who], { action: "user.manage" })).toBe(users);
    expect(can(actors[who], { action: "audit.readGlobal" })).toBe(audit);
    expect(can(actors[who], { action: "reviewQueue.read" })).toBe(queue);
  });
});

describe("registry administration (communes, authorities, units)", () => {
  it.each([
    // actor, read, manage
    ["admin", true, true],
    ["leader", true, false],
    ["provincialReviewer", false, false],
    ["communeReviewer", false, false],
    ["reviewerWithoutLevel", false, false],
    ["unitOfficer", false, false],
    ["communeOfficer", false, false],
    ["officerWithoutScope", false, false],
  ] as const)("%s: read %s, manage %s", (who, read, manage) => {
    expect(can(actors[who], { action: "registry.read" })).toBe(read);
    expect(can(actors[who], { action: "registry.manage" })).toBe(manage);
  });

  it("refuses an anonymous caller and throws ForbiddenError from authorize", () => {
    expect(can(null, { action: "registry.read" })).toBe(false);
    expect(() => authorize(actors.leader, { action: "registry.manage" })).toThrow(ForbiddenError);
    expect(() => authorize(actors.unitOfficer, { action: "registry.read" })).toThrow(ForbiddenError);
  });
});

describe("registry.import: administrators only", () => {
  const everyone = {
    ...actors,
    reviewerWithoutLevel: actors.reviewerWithoutLevel,
    officerWithoutScope: actors.officerWithoutScope,
    adminWithScope: actor({ role: "ADMIN", areaId: COMMUNE, unitId: "own-unit" }),
    unknownRole: actor({ role: "SUPERUSER" as never }),
  };
  it.each(Object.keys(everyone) as (keyof typeof everyone)[])("%s", (who) => {
    const expected = everyone[who].role === "ADMIN";
    expect(can(everyone[who], { action: "registry.import" })).toBe(expected);
    if (expected) expect(() => authorize(everyone[who], { action: "registry.import" })).not.toThrow();
    else expect(() => authorize(everyone[who], { action: "registry.import" })).toThrow(ForbiddenError);
  });

  it("nobody signed in", () => {
    expect(can(null, { action: "registry.import" })).toBe(false);
  });
});

describe("deadlines.manage (/admin/deadlines): administrators only", () => {
  const everyone = { ...actors, adminWithScope: actor({ role: "ADMIN", areaId: COMMUNE, unitId: "own-unit" }), unknownRole: actor({ role: "SUPERUSER" as never }) };
  it.each(Object.keys(everyone) as (keyof typeof everyone)[])("%s", (who) => {
    expect(can(everyone[who], { action: "deadlines.manage" })).toBe(everyone[who].role === "ADMIN");
  });
  it("nobody signed in", () => expect(can(null, { action: "deadlines.manage" })).toBe(false));
});

describe("movementReport.province (plan 195 reports, issue 14 §4): the provincial police only", () => {
  const everyone = { ...actors, adminWithScope: actor({ role: "ADMIN", areaId: COMMUNE, unitId: "own-unit" }), unknownRole: actor({ role: "SUPERUSER" as never }) };
  it.each(Object.keys(everyone) as (keyof typeof everyone)[])("%s", (who) => {
    const a = everyone[who];
    expect(can(a, { action: "movementReport.province" })).toBe(a.role === "REVIEWER" && a.reviewerLevel === "PROVINCIAL_POLICE");
  });
  it("nobody signed in", () => expect(can(null, { action: "movementReport.province" })).toBe(false));
});

describe("recognition decisions: issuing, the register and one decision", () => {
  it.each([
    // actor, issue, list
    ["admin", true, true],
    ["leader", false, true],
    ["provincialReviewer", true, true],
    ["communeReviewer", true, true],
    ["reviewerWithoutLevel", false, false],
    ["unitOfficer", false, false],
    ["communeOfficer", false, false],
    ["officerWithoutScope", false, false],
  ] as const)("%s: issue %s, list %s", (who, issue, list) => {
    expect(can(actors[who], { action: "decision.issue" })).toBe(issue);
    expect(can(actors[who], { action: "decision.list" })).toBe(list);
  });

  it("a commune reviewer without a commune issues and lists nothing", () => {
    const noArea = actor({ role: "REVIEWER", reviewerLevel: "COMMUNE_POLICE" });
    expect(can(noArea, { action: "decision.issue" })).toBe(false);
    expect(can(noArea, { action: "decision.list" })).toBe(false);
  });

  it.each([
    // actor, units named by the decision, may read
    ["admin", [unit("x", "KDC", OTHER_COMMUNE)], true],
    ["leader", [unit("x", "CQ")], true],
    ["provincialReviewer", [unit("x", "KDC", OTHER_COMMUNE)], true],
    ["communeReviewer", [unit("x", "KDC", COMMUNE)], true],
    ["communeReviewer", [unit("x", "CQ", COMMUNE), unit("y", "KDC", COMMUNE)], true],
    // Read scope is not enough: the commune police read the decisions on the KDC they review.
    ["communeReviewer", [unit("x", "CQ", COMMUNE)], false],
    ["communeReviewer", [unit("x", "KDC", OTHER_COMMUNE)], false],
    ["communeReviewer", [], false],
    ["reviewerWithoutLevel", [unit("x", "KDC")], false],
    ["unitOfficer", [unit("own-unit", "CQ")], false],
    ["communeOfficer", [unit("x", "KDC", COMMUNE)], false],
  ] as const)("%s reads a decision on %j: %s", (who, units, allowed) => {
    expect(can(actors[who], { action: "decision.read", units })).toBe(allowed);
  });

  it.each([
    // actor, a unit the decision names, may read that unit's part
    ["unitOfficer", unit("own-unit", "CQ"), true],
    ["unitOfficer", unit("x", "CQ"), false],
    ["communeOfficer", unit("x", "KDC", COMMUNE), true],
    ["communeOfficer", unit("x", "KDC", OTHER_COMMUNE), false],
    // The others read whole decisions (decision.read) or none: never an extract.
    ["leader", unit("x", "CQ"), false],
    ["admin", unit("x", "CQ"), false],
    ["communeReviewer", unit("x", "KDC", COMMUNE), false],
  ] as const)("%s reads its own part of a decision on %j: %s", (who, u, allowed) => {
    expect(can(actors[who], { action: "decision.readOwn", unit: u })).toBe(allowed);
  });
});

/** Does the scope contain the unit? The meaning `unitScopeWhere` gives the scope, in memory. */
function contains(scope: UnitScope, u: UnitRef): boolean {
  if (!scope) return false;
  if (scope.all) return true;
  return (scope.unitId === undefined || scope.unitId === u.id) && (scope.communeId === undefined || scope.communeId === u.communeId) && (scope.kinds === undefined || scope.kinds.includes(u.kind));
}

describe("every unit-scoped action's scope agrees with can", () => {
  const units = [...UNIT_KINDS.flatMap((kind) => [unit("x", kind, COMMUNE), unit("x", kind, OTHER_COMMUNE)]), unit("own-unit", "CQ"), unit("own-unit", "DN", OTHER_COMMUNE)];
  const competence = { KDC: "COMMUNE_POLICE", XA: "PROVINCIAL_POLICE", CQ: "PROVINCIAL_POLICE", DN: "PROVINCIAL_POLICE", CSGD: "COMMUNE_POLICE" } as const;
  const everyone = {
    ...actors,
    communeReviewerWithoutCommune: actor({ role: "REVIEWER", reviewerLevel: "COMMUNE_POLICE" }),
    communeReviewerWithSchools: { ...actors.communeReviewer, competence },
    provincialReviewerWithoutSchools: { ...actors.provincialReviewer, competence },
    adminWithCompetence: { ...actors.admin, competence },
  };
  it.each(Object.keys(everyone) as (keyof typeof everyone)[])("%s", (who) => {
    for (const action of UNIT_SCOPED_ACTIONS) {
      const scope = unitScope(everyone[who], action);
      for (const u of units) expect(contains(scope, u), `${action} ${JSON.stringify(u)}`).toBe(can(everyone[who], { action, unit: u }));
    }
  });

  it("nobody signed in has no scope", () => {
    for (const action of UNIT_SCOPED_ACTIONS) expect(unitScope(null, action)).toBeNull();
  });
});

describe("query scopes", () => {
  it("translate each scope into a where clause", () => {
    expect(unitScopeWhere(actors.leader)).toEqual({});
    expect(unitScopeWhere(actors.unitOfficer)).toEqual({ id: "own-unit" });
    expect(unitScopeWhere(actors.communeOfficer)).toEqual({ communeId: COMMUNE, kind: { in: ["XA", "KDC"] } });
    expect(unitScopeWhere(actors.communeReviewer)).toEqual({ communeId: COMMUNE });
    expect(unitScopeWhere(actors.officerWithoutScope)).toEqual({ id: { in: [] } });
    expect(unitScopeWhere(null)).toEqual({ id: { in: [] } });
    expect(reviewScopeWhere(actors.provincialReviewer)).toEqual({ kind: { in: ["XA", "CQ", "DN", "CSGD"] } });
    expect(reviewScopeWhere(actors.communeReviewer)).toEqual({ communeId: COMMUNE, kind: { in: ["KDC"] } });
    expect(reviewScopeWhere(actors.leader)).toEqual({ id: { in: [] } });
    expect(unitScopeWhere(actors.communeOfficer, "unit.update")).toEqual({ communeId: COMMUNE, kind: { in: ["XA", "KDC"] } });
    expect(unitScopeWhere(actors.provincialReviewer, "unit.update")).toEqual({ id: { in: [] } });
    expect(unitScopeWhere(actors.communeReviewer, "incident.recordPolice")).toEqual({ communeId: COMMUNE });
    expect(unitScopeWhere(actors.admin, "dossier.decide")).toEqual({});
    expect(unitScopeWhere(actors.communeReviewer, "dossier.decide")).toEqual({ communeId: COMMUNE, kind: { in: ["KDC"] } });
    expect(unitScopeWhere(actors.leader, "dossier.decide")).toEqual({ id: { in: [] } });
  });
});

describe("notification.own: one's own notifications only, whatever the role", () => {
  it("allows the owner and nobody else, not even an administrator", () => {
    for (const actor of Object.values(actors)) {
      expect(can(actor, { action: "notification.own", ownerId: actor.userId })).toBe(true);
      expect(can(actor, { action: "notification.own", ownerId: "someone-else" })).toBe(false);
    }
    expect(can(null, { action: "notification.own", ownerId: "" })).toBe(false);
  });
});

describe("the movement's sheets and participants (issue 14 §1): as rules and registry", () => {
  it.each([
    // actor, read, manage
    ["admin", true, true],
    ["leader", true, false],
    ["provincialReviewer", false, false],
    ["communeReviewer", false, false],
    ["reviewerWithoutLevel", false, false],
    ["unitOfficer", false, false],
    ["communeOfficer", false, false],
    ["officerWithoutScope", false, false],
  ] as const)("%s: read %s, manage %s", (who, read, manage) => {
    expect(can(actors[who], { action: "movementSheets.read" })).toBe(read);
    expect(can(actors[who], { action: "movementSheets.manage" })).toBe(manage);
    expect(can(actors[who], { action: "movementParticipants.read" })).toBe(read);
    expect(can(actors[who], { action: "movementParticipants.manage" })).toBe(manage);
    // They follow the rules and registry permissions they mirror.
    expect(can(actors[who], { action: "movementSheets.read" })).toBe(can(actors[who], { action: "rules.read" }));
    expect(can(actors[who], { action: "movementParticipants.manage" })).toBe(can(actors[who], { action: "registry.manage" }));
  });

  it("refuses an anonymous caller and throws ForbiddenError from authorize", () => {
    for (const action of ["movementSheets.read", "movementSheets.manage", "movementParticipants.read", "movementParticipants.manage"] as const) expect(can(null, { action })).toBe(false);
    expect(() => authorize(actors.leader, { action: "movementSheets.manage" })).toThrow(ForbiddenError);
    expect(() => authorize(actors.provincialReviewer, { action: "movementSheets.read" })).toThrow(ForbiddenError);
    expect(() => authorize(actors.leader, { action: "movementParticipants.manage" })).toThrow(ForbiddenError);
  });
});

// Commendations (issue 14 §3).
describe("commendations: the provincial police prepare and record; province-wide readers read", () => {
  it.each([
    // actor, manage, read
    ["admin", true, true],
    ["leader", false, true],
    ["provincialReviewer", true, true],
    ["communeReviewer", false, false],
    ["reviewerWithoutLevel", false, false],
    ["unitOfficer", false, false],
    ["communeOfficer", false, false],
    ["officerWithoutScope", false, false],
  ] as const)("%s", (who, manage, read) => {
    expect(can(actors[who], { action: "commendation.manage" })).toBe(manage);
    expect(can(actors[who], { action: "commendation.read" })).toBe(read);
  });
  it("nobody signed in", () => {
    expect(can(null, { action: "commendation.manage" })).toBe(false);
    expect(can(null, { action: "commendation.read" })).toBe(false);
  });
});

// ── The movement's evaluation (issue 14 §2) ──
describe("movement: scoring = unit.update, review = dossier.review, participants = provincial reviewers", () => {
  const units = [...UNIT_KINDS.flatMap((kind) => [unit("x", kind, COMMUNE), unit("x", kind, OTHER_COMMUNE)]), unit("own-unit", "CQ")];
  it.each(Object.keys(actors) as (keyof typeof actors)[])("%s", (who) => {
    for (const u of units) {
      expect(can(actors[who], { action: "movement.score", unit: u }), `score ${JSON.stringify(u)}`).toBe(can(actors[who], { action: "unit.update", unit: u }));
      expect(can(actors[who], { action: "movement.review", unit: u }), `review ${JSON.stringify(u)}`).toBe(can(actors[who], { action: "dossier.review", unit: u }));
    }
  });

  it("the commune police review a KDC's evaluation, the provincial police the rest; officers never review", () => {
    expect(can(actors.communeReviewer, { action: "movement.review", unit: unit("k", "KDC") })).toBe(true);
    expect(can(actors.communeReviewer, { action: "movement.review", unit: unit("k", "KDC", OTHER_COMMUNE) })).toBe(false);
    expect(can(actors.communeReviewer, { action: "movement.review", unit: unit("x", "XA") })).toBe(false);
    expect(can(actors.provincialReviewer, { action: "movement.review", unit: unit("x", "XA") })).toBe(true);
    expect(can(actors.provincialReviewer, { action: "movement.review", unit: unit("k", "KDC") })).toBe(false);
    expect(can(actors.communeOfficer, { action: "movement.score", unit: unit("x", "XA") })).toBe(true);
    expect(can(actors.communeOfficer, { action: "movement.review", unit: unit("x", "XA") })).toBe(false);
    expect(can(actors.admin, { action: "movement.score", unit: unit("x", "XA") })).toBe(false);
  });

  it("participants are scored and reviewed by the provincial police reviewers only", () => {
    const allowed = (Object.keys(actors) as (keyof typeof actors)[]).filter((who) => can(actors[who], { action: "movement.participants" }));
    expect(allowed).toEqual(["provincialReviewer"]);
    expect(can(null, { action: "movement.participants" })).toBe(false);
  });

  it("the review queue opens for reviewers with a level, never for officers, leaders or administrators", () => {
    const allowed = (Object.keys(actors) as (keyof typeof actors)[]).filter((who) => can(actors[who], { action: "movement.reviewQueue" }));
    expect(allowed).toEqual(["provincialReviewer", "communeReviewer"]);
  });
});
