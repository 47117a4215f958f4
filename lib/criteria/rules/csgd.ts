/** Điều 7 — cơ sở giáo dục (trừ tiểu học, mầm non, nhà trẻ: Đ1 k2 b). */
import { PHO_THONG_LEVELS } from "../../domain/vocabulary";
import type { CriterionSpec, EvaluationContext, VerdictBuilder } from "../criterion";
import type { DisciplineRecord, SchoolInput } from "../schema";
import {
  GOOD_OR_BETTER_TEXT,
  declarationCheck,
  disciplineCheck,
  fullCoverageCheck,
  incidentGroupCheck,
  internalRulesCheck,
  movementModelCheck,
  type CoverageWording,
  type DeclarationTexts,
  type ShareWording,
} from "./common";
import { CANH_CAO, implementsPoliciesCheck, organisationDocumentChecks, securityForceChecks, subUnitShareCheck } from "./cqdn";

const SCHOOL_RULE_TOPICS = [
  ["institutionProtection", "bảo vệ cơ sở giáo dục"],
  ["internalPolitics", "bảo vệ chính trị nội bộ"],
  ["learnerManagement", "quản lý người học"],
  ["fireExplosion", "phòng, chống cháy, nổ"],
] as const;
const SCHOOL_RULES_TEXT = SCHOOL_RULE_TOPICS.map(([, label]) => label).join(", ");

const STAFF_BRIEFED: CoverageWording = {
  population: "cán bộ, giáo viên, công nhân viên",
  done: "đã được phổ biến, quán triệt nội quy và tiêu chí",
  actionNoun: "cán bộ, giáo viên, công nhân viên được phổ biến, quán triệt nội quy, quy định và tiêu chí",
  totalKey: "staffBriefedTotal",
  doneKey: "staffBriefedDone",
};

const LEARNERS_BRIEFED: CoverageWording = {
  population: "người học",
  done: "đã được phổ biến, quán triệt nội quy và tiêu chí",
  actionNoun: "người học được phổ biến, quán triệt nội quy, quy định và tiêu chí",
  totalKey: "learnersBriefedTotal",
  doneKey: "learnersBriefedDone",
};

const PARENTS_BOARD: DeclarationTexts = {
  met: "Có hình thức, biện pháp phối hợp với Ban đại diện cha mẹ học sinh trong quản lý học sinh.",
  notMet: "Chưa có hình thức, biện pháp phối hợp với Ban đại diện cha mẹ học sinh trong quản lý học sinh.",
  missing: "Chưa có thông tin về phối hợp với Ban đại diện cha mẹ học sinh.",
  action: "Xây dựng hình thức, biện pháp phối hợp với Ban đại diện cha mẹ học sinh trong quản lý học sinh",
};

const SCHOOL_SUB_UNITS: ShareWording = {
  noun: "khoa, phòng, ban, tổ chuyên môn",
  achievement: `đạt ${GOOD_OR_BETTER_TEXT}`,
  shortAchievement: "TTLĐTT hoặc HTTNV trở lên",
  requirementWord: "cần",
};

function isStaff(r: DisciplineRecord): boolean {
  return r.personnelType !== "NGUOI_HOC";
}

export function isPhoThong(input: SchoolInput): boolean {
  for (const level of input.educationLevels) if (PHO_THONG_LEVELS.includes(level)) return true;
  return false;
}

function csgd1(input: SchoolInput, ctx: EvaluationContext, b: VerdictBuilder): void {
  organisationDocumentChecks(b, input, ctx);
  internalRulesCheck(b, input.internalRules, SCHOOL_RULE_TOPICS, SCHOOL_RULES_TEXT);
  fullCoverageCheck(b, input.staff?.briefed, input.staff?.total, STAFF_BRIEFED);
  fullCoverageCheck(b, input.learners?.briefed, input.learners?.total, LEARNERS_BRIEFED);
  movementModelCheck(b, input.movementModels);
}

function csgd2(input: SchoolInput, _ctx: EvaluationContext, b: VerdictBuilder): void {
  implementsPoliciesCheck(b, input.declarations?.implementsPolicies);
  if (isPhoThong(input)) {
    declarationCheck(b, input.declarations?.parentsBoardCoordination, "parentsBoardCoordination", PARENTS_BOARD);
  } else {
    b.fact("parentsBoardCoordination", null);
    b.add("NOT_APPLICABLE", "Không phải giáo dục phổ thông, không xét phối hợp với Ban đại diện cha mẹ học sinh.");
  }
}

function csgd6(input: SchoolInput, ctx: EvaluationContext, b: VerdictBuilder): void {
  subUnitShareCheck(b, input.subUnits, SCHOOL_SUB_UNITS, ctx);
  // Learners' discipline is Đ7 k4's business (crime or social evil); a learner's cảnh cáo
  // for, say, cheating in an exam does not make the school fail (decision Q5).
  disciplineCheck(b, ctx, isStaff, CANH_CAO, "là cán bộ, giáo viên, người lao động của đơn vị");
}

export const CSGD_CRITERIA: readonly CriterionSpec<SchoolInput>[] = [
  {
    id: "CSGD-1",
    title:
      "Trong quý I: nghị quyết (nếu có tổ chức Đảng), kế hoạch và đăng ký; có nội quy; 100% cán bộ, giáo viên, người học được phổ biến; có ít nhất 01 mô hình hoạt động hiệu quả",
    article: "Điều 7 khoản 1",
    checks: csgd1,
  },
  {
    id: "CSGD-2",
    title: "Thực hiện đầy đủ chính sách, pháp luật về an ninh, trật tự; phối hợp với Ban đại diện cha mẹ học sinh (giáo dục phổ thông)",
    article: "Điều 7 khoản 2",
    checks: csgd2,
  },
  {
    id: "CSGD-3",
    title: "Không xảy ra các trường hợp quy định tại điểm a, b, c, đ, e, g khoản 3 Điều 6",
    article: "Điều 7 khoản 3",
    checks: (_input, ctx, b) => incidentGroupCheck(b, ctx, "D6K3", "trường hợp thuộc Điều 6 khoản 3 (điểm a, b, c, đ, e, g)"),
  },
  {
    id: "CSGD-4",
    title:
      "Không xảy ra bạo lực học đường; không có cán bộ, giáo viên, người lao động, người học phạm tội hoặc mắc tệ nạn xã hội bị kỷ luật từ cảnh cáo trở lên",
    article: "Điều 7 khoản 4",
    checks: (_input, ctx, b) =>
      incidentGroupCheck(b, ctx, "D7K4", "trường hợp bạo lực học đường hoặc vi phạm khác thuộc Điều 7 khoản 4"),
  },
  {
    id: "CSGD-5",
    title: "Lực lượng bảo vệ (nếu có) đạt “Tập thể lao động tiên tiến” hoặc “Hoàn thành tốt nhiệm vụ” trở lên, không có cá nhân bị kỷ luật từ cảnh cáo trở lên",
    article: "Điều 7 khoản 5",
    checks: (input, ctx, b) =>
      securityForceChecks(b, input, ctx, "NOT_APPLICABLE", "Cơ sở giáo dục không có lực lượng bảo vệ, không xét (Điều 7 khoản 5: “nếu có”)."),
  },
  {
    id: "CSGD-6",
    title:
      "Từ 70% trở lên khoa, phòng, ban, tổ chuyên môn đạt “Tập thể lao động tiên tiến” hoặc “Hoàn thành tốt nhiệm vụ” trở lên; không có cá nhân bị kỷ luật từ cảnh cáo trở lên",
    article: "Điều 7 khoản 6",
    checks: csgd6,
  },
];
