/** Every state × action × performer of the transition table, and every guard. */
import { describe, expect, it } from "vitest";
import { DOSSIER_STATES, isDecided, isRegistered, isSubmitted, recognitionOutcome, type DossierState } from "./dossier-states";
import {
  actionLabel,
  availableActions,
  checkTransition,
  DOSSIER_ACTIONS,
  guardReasons,
  mayEditSelfAssessment,
  mayJudgeCriteria,
  offers,
  PERFORMERS,
  REVIEWING_STATES,
  TRANSITIONS,
  type DossierAction,
  type GuardFacts,
  type Performer,
} from "./transitions";
import { countdownLabel, daysUntil, deadlinesFor, isLate, LATE_LABELS, stepStatus } from "./deadlines";
import { defaultCycleCalendar } from "./cycle-calendar";
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
  unjudgedCriteria: [],
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

describe("proposing needs a verdict on every criterion of the round (guard everyCriterionJudged)", () => {
  const judged = { flaggedCriteria: [], unjudgedCriteria: [] };
  it("is allowed once every criterion is judged or carried, and nothing is flagged", () => {
    expect(checkTransition("PROPOSE", "UNDER_REVIEW", ["REVIEWER"], judged).allowed).toBe(true);
  });
  it("is refused while criteria have no verdict, naming them", () => {
    expect(checkTransition("PROPOSE", "UNDER_REVIEW", ["REVIEWER"], { flaggedCriteria: [], unjudgedCriteria: ["CQDN-1", "CQDN-3", "CQDN-4", "CQDN-5"] })).toEqual({
      allowed: false,
      transition: TRANSITIONS.PROPOSE,
      reasons: ["Còn 4 tiêu chí chưa thẩm định ở lần nộp này (CQDN-1, CQDN-3, CQDN-4, CQDN-5): cần thống nhất hoặc yêu cầu bổ sung từng tiêu chí trước khi đề nghị công nhận."],
    });
  });
  it("is refused when the facts were not gathered (deny by default)", () => {
    expect(checkTransition("PROPOSE", "UNDER_REVIEW", ["REVIEWER"], { flaggedCriteria: [] })).toMatchObject({ allowed: false, reasons: [expect.stringContaining("Chưa xác định được")] });
    expect(checkTransition("PROPOSE", "UNDER_REVIEW", ["REVIEWER"], {}).allowed).toBe(false);
  });
  it("reports a flag and unjudged criteria together", () => {
    const check = checkTransition("PROPOSE", "UNDER_REVIEW", ["REVIEWER"], { flaggedCriteria: [{ criterionId: "KDC-2", comment: "x" }], unjudgedCriteria: ["KDC-3"] });
    expect(check.allowed ? [] : check.reasons).toHaveLength(2);
  });
  it("every combination of flagged × unjudged: allowed only when both are empty", () => {
    const flags = [[], [{ criterionId: "A", comment: "x" }], [{ criterionId: "A", comment: null }]];
    const unjudged = [undefined, [], ["B"], ["B", "C"]];
    for (const f of flags) for (const u of unjudged) {
      const allowed = f.length === 0 && u !== undefined && u.length === 0;
      expect(checkTransition("PROPOSE", "UNDER_REVIEW", ["REVIEWER"], { flaggedCriteria: f, unjudgedCriteria: u }).allowed, JSON.stringify({ f, u })).toBe(allowed);
      expect(guardReasons("PROPOSE", { flaggedCriteria: f, unjudgedCriteria: u }).length === 0).toBe(allowed);
    }
  });
  it("no other action reads it: a return, a refusal and a decision do not wait for every verdict", () => {
    for (const action of DOSSIER_ACTIONS.filter((a) => a !== "PROPOSE")) expect(TRANSITIONS[action].guards).not.toContain("everyCriterionJudged");
    expect(checkTransition("RETURN", "UNDER_REVIEW", ["REVIEWER"], { flaggedCriteria: [{ criterionId: "A", comment: "Thiếu biên bản" }], unjudgedCriteria: ["B"] }).allowed).toBe(true);
    expect(checkTransition("REFUSE", "UNDER_REVIEW", ["REVIEWER"], { reason: "Xảy ra vụ án nghiêm trọng", unjudgedCriteria: ["B"] }).allowed).toBe(true);
  });
});

describe("states and labels the pages read from the table", () => {
  it("the submit button says 'Nộp lại hồ sơ' after a return", () => {
    expect(actionLabel("SUBMIT", "SELF_ASSESSMENT")).toBe("Nộp hồ sơ");
    expect(actionLabel("SUBMIT", "RETURNED")).toBe("Nộp lại hồ sơ");
    expect(actionLabel("PROPOSE", "UNDER_REVIEW")).toBe("Đề nghị công nhận");
  });
  it("verdicts are recorded while submitted or under review, by a reviewer only", () => {
    expect(REVIEWING_STATES).toEqual(["SUBMITTED", "UNDER_REVIEW"]);
    for (const state of DOSSIER_STATES) {
      for (const performer of PERFORMERS) {
        expect(mayJudgeCriteria(state, [performer])).toBe(performer === "REVIEWER" && (state === "SUBMITTED" || state === "UNDER_REVIEW"));
        expect(mayEditSelfAssessment(state, [performer])).toBe(performer === "OFFICER" && (state === "SELF_ASSESSMENT" || state === "RETURNED"));
        expect(offers(state, [performer], "SUBMIT")).toBe(performer === "OFFICER" && (state === "SELF_ASSESSMENT" || state === "RETURNED"));
      }
    }
  });
  it("state groups", () => {
    expect(DOSSIER_STATES.filter(isSubmitted)).toEqual(["SUBMITTED", "UNDER_REVIEW", "RETURNED", "PROPOSED", "RECOGNISED", "NOT_RECOGNISED", "REVOKED"]);
    expect(DOSSIER_STATES.filter(isDecided)).toEqual(["RECOGNISED", "NOT_RECOGNISED", "REVOKED"]);
    expect(DOSSIER_STATES.filter((s) => !isRegistered(s))).toEqual(["NOT_REGISTERED"]);
    expect(DOSSIER_STATES.map(recognitionOutcome)).toEqual([false, undefined, undefined, undefined, undefined, undefined, undefined, true, false, false]);
    expect(recognitionOutcome(undefined)).toBe(false);
  });
  it("a late step reads the same to the unit and to the reviewer", () => {
    expect(stepStatus({ deadline: "2026-11-15", done: true, late: true, lateLabel: LATE_LABELS.submission }, "2026-11-20")).toEqual({ label: "Nộp muộn", tone: "amber" });
    expect(stepStatus({ deadline: "2026-11-15", done: true, late: false }, "2026-11-20")).toEqual({ label: "Đã xong", tone: "green" });
    expect(stepStatus({ deadline: "2026-11-15", done: false }, "2026-11-20")).toEqual({ label: "quá hạn 5 ngày", tone: "red" });
    expect(stepStatus({ deadline: "2026-11-15", done: false }, "2026-11-10")).toEqual({ label: "còn 5 ngày", tone: "amber" });
  });
});

describe("deadlines", () => {
  it("follow the unit kind", () => {
    expect(deadlinesFor("KDC", defaultCycleCalendar(2026))).toEqual({ registration: "2026-03-31", selfAssessment: "2026-10-31", decision: "2026-11-15" });
    expect(deadlinesFor("CQ", defaultCycleCalendar(2026)).decision).toBe("2026-11-20");
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
