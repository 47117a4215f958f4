/**
 * Điều 7 (cơ sở giáo dục): Đ6 k3 points a, b, c, đ, e, g only, school violence (Đ7 k4), the
 * security force “nếu có” (Đ7 k5), ≥ 70% of khoa, phòng, ban, tổ chuyên môn (Đ7 k6).
 */
import { describe, expect, it } from "vitest";
import { passingSchool, verdictAfter } from "./__fixtures__/units";
import { evaluateSchool } from "./evaluate";
import { isPhoThong } from "./rules/csgd";
import type { SchoolInput } from "./schema";
import type { CriterionStatus } from "./types";

interface Case {
  readonly name: string;
  readonly change: (u: SchoolInput) => void;
  readonly status: CriterionStatus;
  readonly reason?: RegExp;
}

function table(id: string, cases: readonly Case[]): void {
  it.each(cases)(`${id}: $name → $status`, ({ change, status, reason }) => {
    const verdict = verdictAfter(passingSchool(), change, id);
    expect(verdict.status).toBe(status);
    if (reason !== undefined) expect(verdict.reason).toMatch(reason);
  });
}

describe("CSGD-1 — quý I, nội quy, 100% cán bộ, giáo viên và người học được phổ biến (Đ7 k1)", () => {
  table("CSGD-1", [
    { name: "everything in place", change: () => {}, status: "MET" },
    {
      name: "1,199/1,200 learners briefed",
      change: (u) => (u.learners!.briefed = 1199),
      status: "NOT_MET",
      reason: /1199\/1200 người học đã được phổ biến, quán triệt nội quy và tiêu chí \(99,92%\), cần 100%/,
    },
    { name: "learner counts missing", change: (u) => delete u.learners, status: "MISSING_DATA" },
    { name: "no learner-management rules", change: (u) => (u.internalRules!.learnerManagement = false), status: "NOT_MET", reason: /quản lý người học/ },
    { name: "registration after Q1", change: (u) => (u.registration!.registration = { date: "2026-06-01" }), status: "NOT_MET" },
  ]);
});

describe("CSGD-2 — chính sách, pháp luật; Ban đại diện cha mẹ học sinh (phổ thông)", () => {
  table("CSGD-2", [
    { name: "phổ thông school coordinating with the parents' board", change: () => {}, status: "MET" },
    {
      name: "phổ thông school without coordination",
      change: (u) => (u.declarations!.parentsBoardCoordination = false),
      status: "NOT_MET",
    },
    {
      name: "university: parents' board does not apply",
      change: (u) => {
        u.educationLevels = ["DAI_HOC"];
        delete u.declarations!.parentsBoardCoordination;
      },
      status: "MET",
      reason: /Không phải giáo dục phổ thông/,
    },
    {
      name: "lower secondary school, coordination not declared",
      change: (u) => {
        u.educationLevels = ["THCS"];
        delete u.declarations!.parentsBoardCoordination;
      },
      status: "MISSING_DATA",
    },
  ]);
});

describe("CSGD-3 — Đ6 k3 a, b, c, đ, e, g only", () => {
  table("CSGD-3", [
    {
      name: "state-secret breach (điểm e)",
      change: (u) => u.incidents!.push({ id: "BM-1", code: "STATE_SECRET_BREACH", date: "2026-03-03" }),
      status: "NOT_MET",
      reason: /Điều 6 khoản 3 điểm e \(theo Điều 7 khoản 3\)/,
    },
    {
      name: "strike (điểm d) is not a school criterion",
      change: (u) => u.incidents!.push({ id: "DC-1", code: "ILLEGAL_STRIKE", date: "2026-03-03" }),
      status: "MET",
    },
    {
      name: "point h (staff fined in the ANTT field) is not a school criterion",
      change: (u) =>
        u.incidents!.push({ id: "XP-1", code: "STAFF_ANTT_SANCTION_OR_EVIL", date: "2026-03-03", personBasis: "ANTT_ADMIN_SANCTION" }),
      status: "MET",
    },
    {
      name: "serious fire, force majeure",
      change: (u) => u.incidents!.push({ id: "CN-1", code: "SERIOUS_FIRE_EXPLOSION", date: "2026-03-03", forceMajeure: true }),
      status: "MET",
    },
  ]);
});

describe("CSGD-4 — bạo lực học đường; thành viên phạm tội, mắc tệ nạn bị kỷ luật từ cảnh cáo (Đ7 k4)", () => {
  table("CSGD-4", [
    { name: "no case", change: () => {}, status: "MET" },
    {
      name: "school violence",
      change: (u) => u.incidents!.push({ id: "BL-1", code: "SCHOOL_VIOLENCE", date: "2026-10-10" }),
      status: "NOT_MET",
      reason: /BL-1 – Bạo lực học đường \(Điều 7 khoản 4\), ngày 10\/10\/2026/,
    },
    {
      name: "a learner commits a crime",
      change: (u) => u.incidents!.push({ id: "PT-1", code: "MEMBER_CRIME_OR_EVIL_DISCIPLINED", date: "2026-10-10", personBasis: "CRIME" }),
      status: "NOT_MET",
    },
    {
      name: "a teacher with a social evil disciplined with cảnh cáo",
      change: (u) =>
        u.incidents!.push({
          id: "TN-1",
          code: "MEMBER_CRIME_OR_EVIL_DISCIPLINED",
          date: "2026-10-10",
          personBasis: "SOCIAL_EVIL",
          disciplineLevel: "CANH_CAO",
        }),
      status: "NOT_MET",
    },
    {
      name: "a learner with a social evil, only khiển trách",
      change: (u) =>
        u.incidents!.push({
          id: "TN-2",
          code: "MEMBER_CRIME_OR_EVIL_DISCIPLINED",
          date: "2026-10-10",
          personBasis: "SOCIAL_EVIL",
          disciplineLevel: "KHIEN_TRACH",
        }),
      status: "MET",
    },
  ]);
});

describe("CSGD-5 — lực lượng bảo vệ, nếu có (Đ7 k5)", () => {
  table("CSGD-5", [
    { name: "force holds TTLĐTT", change: () => {}, status: "MET" },
    { name: "no security force", change: (u) => (u.securityForce = { exists: false }), status: "NOT_APPLICABLE", reason: /“nếu có”/ },
    { name: "force rated hoàn thành nhiệm vụ only", change: (u) => (u.securityForce = { exists: true, result: "HTNV" }), status: "NOT_MET" },
    {
      name: "guard dismissed (sa thải)",
      change: (u) => u.disciplines!.push({ id: "KL-1", personnelType: "NGUOI_LAO_DONG", level: "SA_THAI", date: "2026-02-02", inSecurityForce: true }),
      status: "NOT_MET",
    },
  ]);
});

describe("CSGD-6 — ≥ 70% khoa, phòng, ban, tổ chuyên môn; không kỷ luật từ cảnh cáo (Đ7 k6)", () => {
  table("CSGD-6", [
    { name: "8/8 groups", change: () => {}, status: "MET" },
    {
      name: "5/8 groups (62,5%)",
      change: (u) => {
        for (const s of u.subUnits!.slice(5)) s.result = "HTNV";
      },
      status: "NOT_MET",
      reason: /Có 5\/8 khoa, phòng, ban, tổ chuyên môn .* \(62,5%\), cần ≥ 70%/,
    },
    {
      name: "a teacher warned (cảnh cáo)",
      change: (u) => u.disciplines!.push({ id: "KL-1", personnelType: "VIEN_CHUC", level: "CANH_CAO", date: "2026-09-01", inSecurityForce: false }),
      status: "NOT_MET",
    },
    {
      name: "a learner warned (cảnh cáo) for an exam offence does not fail the school",
      change: (u) => u.disciplines!.push({ id: "KL-2", personnelType: "NGUOI_HOC", level: "CANH_CAO", date: "2026-09-01", inSecurityForce: false }),
      status: "MET",
    },
  ]);
});

describe("CSGD scope (Đ1 k2 b)", () => {
  it.each([
    { levels: ["TIEU_HOC"] as const, overall: "KHONG_THUOC_DIEN" },
    { levels: ["NHA_TRE_MAM_NON"] as const, overall: "KHONG_THUOC_DIEN" },
    { levels: ["NHA_TRE_MAM_NON", "TIEU_HOC"] as const, overall: "KHONG_THUOC_DIEN" },
    { levels: ["TIEU_HOC", "THCS"] as const, overall: "DAT" },
    { levels: ["GDNN"] as const, overall: "DAT" },
  ])("levels $levels → $overall", ({ levels, overall }) => {
    const unit = passingSchool();
    unit.educationLevels = [...levels];
    if (!isPhoThong(unit)) delete unit.declarations!.parentsBoardCoordination;
    expect(evaluateSchool(unit).overall).toBe(overall);
  });
});
