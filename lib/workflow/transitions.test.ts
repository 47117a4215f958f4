/** Every state × action × performer of the transition table, and every guard. */
import { describe, expect, it } from "vitest";
import { DOSSIER_STATES, type DossierState } from "./dossier-states";
import { availableActions, checkTransition, DOSSIER_ACTIONS, PERFORMERS, TRANSITIONS, type DossierAction, type GuardFacts, type Performer } from "./transitions";
import { countdownLabel, daysUntil, deadlinesFor, isLate } from "./deadlines";
import { todayInVietnam } from "@/lib/domain/vietnam-today";

/** The lifecycle as the issue states it: expected target per (action, from-state); all else refused. */
const EXPECTED: Record<DossierAction, { performer: Performer; from: Partial<Record<DossierState, DossierState>> }> = {
  REGISTER: { performer: "OFFICER", from: { NOT_REGISTERED: "REGISTERED" } },
  START_SELF_ASSESSMENT: { performer: "OFFICER", from: { REGISTERED: "SELF_ASSESSMENT" } },
  SUBMIT: { performer: "OFFICER", from: { SELF_ASSESSMENT: "SUBMITTED", RETURNED: "SUBMITTED" } },
  START_REVIEW: { performer: "REVIEWER", from: { SUBMITTED: "UNDER_REVIEW" } },
  RETURN: { performer: "REVIEWER", from: { UNDER_REVIEW: "RETURNED" } },
  PROPOSE: { performer: "REVIEWER", from: { UNDER_REVIEW: "PROPOSED" } },
  REFUSE: { performer: "REVIEWER", from: { UNDER_REVIEW: "NOT_RECOGNISED" } },
  RECOGNISE: { performer: "DECIDER", from: { PROPOSED: "RECOGNISED" } },
  REVOKE: { performer: "DECIDER", from: { RECOGNISED: "REVOKED" } },
  CANCEL_DECISION: { performer: "DECIDER", from: { RECOGNISED: "PROPOSED" } },
};

/** Facts that satisfy every guard. */
const SATISFIED: GuardFacts = {
  requiresPartyResolution: true,
  requiresPlan: true,
  hasPartyResolution: true,
  hasPlan: true,
  hasCommitment: true,
  incompleteCriteria: [],
  flaggedCriteria: [],
  reason: "Lý do",
  reference: "01/QĐ-UBND",
  decisionId: "d-1",
};
const factsFor = (action: DossierAction): GuardFacts =>
  action === "RETURN" ? { ...SATISFIED, flaggedCriteria: [{ criterionId: "CQDN-5", comment: "Thiếu quyết định xếp loại" }] } : SATISFIED;

describe("transition table: every state × action × performer", () => {
  for (const action of DOSSIER_ACTIONS) {
    for (const state of DOSSIER_STATES) {
      for (const performer of PERFORMERS) {
        const expectedTo = EXPECTED[action].from[state];
        const allowed = expectedTo !== undefined && EXPECTED[action].performer === performer;
        it(`${action} from ${state} by ${performer}: ${allowed ? `→ ${expectedTo}` : "refused"}`, () => {
          const check = checkTransition(action, state, [performer], factsFor(action));
          expect(check.allowed).toBe(allowed);
          if (check.allowed) expect(check.transition.to).toBe(expectedTo);
          else expect(check.reasons.length).toBeGreaterThan(0);
        });
      }
    }
  }

  it("availableActions agrees with checkTransition when guards pass", () => {
    for (const state of DOSSIER_STATES) {
      for (const performer of PERFORMERS) {
        const offered = availableActions(state, [performer]).map((t) => t.action);
        const allowed = DOSSIER_ACTIONS.filter((a) => checkTransition(a, state, [performer], factsFor(a)).allowed);
        expect(offered).toEqual(allowed);
      }
    }
  });

  it("terminal states offer nothing but revocation of a recognition (and cancelling its decision)", () => {
    expect(availableActions("NOT_RECOGNISED", PERFORMERS)).toEqual([]);
    expect(availableActions("REVOKED", PERFORMERS)).toEqual([]);
    expect(availableActions("RECOGNISED", PERFORMERS).map((t) => t.action)).toEqual(["REVOKE", "CANCEL_DECISION"]);
  });

  it("labels are Vietnamese", () => {
    expect(TRANSITIONS.RETURN.label).toBe("Trả lại để bổ sung");
  });
});

describe("guards", () => {
  it("registration needs the Party resolution only where a Party organisation exists, and no plan for a KDC", () => {
    const base = { hasCommitment: true };
    expect(checkTransition("REGISTER", "NOT_REGISTERED", ["OFFICER"], { ...base, requiresPartyResolution: false, requiresPlan: false }).allowed).toBe(true);
    const missing = checkTransition("REGISTER", "NOT_REGISTERED", ["OFFICER"], { requiresPartyResolution: true, requiresPlan: true });
    expect(missing).toMatchObject({ allowed: false, reasons: ["Còn thiếu nghị quyết của cấp ủy, chi bộ, kế hoạch bảo đảm an ninh, trật tự, bản đăng ký phấn đấu."] });
  });

  it("submission needs every criterion answered", () => {
    const check = checkTransition("SUBMIT", "SELF_ASSESSMENT", ["OFFICER"], { incompleteCriteria: ["CQDN-2", "CQDN-4"] });
    expect(check).toMatchObject({ allowed: false, reasons: ["Chưa hoàn thành tự đánh giá các tiêu chí: CQDN-2, CQDN-4."] });
  });

  it("a return needs at least one flagged criterion, each with a reason", () => {
    expect(checkTransition("RETURN", "UNDER_REVIEW", ["REVIEWER"], { flaggedCriteria: [] })).toMatchObject({ allowed: false });
    expect(checkTransition("RETURN", "UNDER_REVIEW", ["REVIEWER"], { flaggedCriteria: [{ criterionId: "KDC-1", comment: "  " }] })).toMatchObject({
      allowed: false,
      reasons: ["Cần ghi rõ lý do ở các tiêu chí: KDC-1."],
    });
  });

  it("a proposal is refused while a criterion is still flagged", () => {
    expect(checkTransition("PROPOSE", "UNDER_REVIEW", ["REVIEWER"], { flaggedCriteria: [{ criterionId: "KDC-1", comment: "x" }] }).allowed).toBe(false);
  });

  it("refusal and revocation need a reason; revocation also a reference", () => {
    expect(checkTransition("REFUSE", "UNDER_REVIEW", ["REVIEWER"], { reason: "" }).allowed).toBe(false);
    expect(checkTransition("REVOKE", "RECOGNISED", ["DECIDER"], { reason: "Phát hiện khai báo sai" })).toMatchObject({ allowed: false, reasons: ["Vui lòng ghi số, ký hiệu văn bản thu hồi."] });
    expect(checkTransition("RECOGNISE", "PROPOSED", ["DECIDER"], {}).allowed).toBe(false);
  });

  it("cancelling the decision needs a reason and the cancelling document's reference", () => {
    expect(checkTransition("CANCEL_DECISION", "RECOGNISED", ["DECIDER"], { reason: "Ban hành nhầm đơn vị" })).toMatchObject({ allowed: false, reasons: ["Vui lòng ghi số, ký hiệu văn bản hủy quyết định."] });
    expect(checkTransition("CANCEL_DECISION", "RECOGNISED", ["DECIDER"], { reason: "Ban hành nhầm đơn vị", reference: "05/QĐ-UBND" })).toMatchObject({ allowed: true, transition: { to: "PROPOSED" } });
    expect(checkTransition("CANCEL_DECISION", "REVOKED", ["DECIDER"], { reason: "x", reference: "y" }).allowed).toBe(false);
  });

  it("an actor holding several performer roles may take any of their actions", () => {
    expect(availableActions("UNDER_REVIEW", ["REVIEWER", "DECIDER"]).map((t) => t.action)).toEqual(["RETURN", "PROPOSE", "REFUSE"]);
  });
});

describe("deadlines", () => {
  it("follow the unit kind", () => {
    expect(deadlinesFor("KDC", 2026)).toEqual({ registration: "2026-03-31", selfAssessment: "2026-11-15", decision: "2026-11-15" });
    expect(deadlinesFor("CQ", 2026).decision).toBe("2026-11-20");
  });
  it("count days in Vietnam's calendar", () => {
    expect(todayInVietnam(new Date("2026-11-14T17:30:00Z"))).toBe("2026-11-15");
    expect(daysUntil("2026-11-20", "2026-11-15")).toBe(5);
    expect(countdownLabel("2026-11-20", "2026-11-15")).toBe("còn 5 ngày");
    expect(countdownLabel("2026-11-20", "2026-11-20")).toBe("hôm nay là hạn cuối");
    expect(countdownLabel("2026-11-20", "2026-11-24")).toBe("quá hạn 4 ngày");
    expect(isLate("2026-04-01", "2026-03-31")).toBe(true);
    expect(isLate("2026-03-31", "2026-03-31")).toBe(false);
  });
});
