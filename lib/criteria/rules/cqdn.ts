/** Điều 6 — cơ quan (CQ) và doanh nghiệp (DN). Helpers shared with Điều 7 live here too. */
import { DISCIPLINE_RANK } from "../../domain/vocabulary";
import type { CriterionSpec, EvaluationContext, VerdictBuilder } from "../criterion";
import type { AgencyInput, DisciplineRecord, SchoolInput } from "../schema";
import {
  GOOD_OR_BETTER_TEXT,
  countSubUnits,
  declarationCheck,
  disciplineCheck,
  forceRatingCheck,
  fullCoverageCheck,
  incidentGroupCheck,
  internalRulesCheck,
  meetsGoodOrBetter,
  movementModelCheck,
  phrase,
  q1DocumentCheck,
  shareCheck,
  type CoverageWording,
  type DeclarationTexts,
  type ShareWording,
} from "./common";

export const CANH_CAO = DISCIPLINE_RANK.CANH_CAO;

const PARTY_RESOLUTION = phrase("nghị quyết của tổ chức Đảng về công tác bảo đảm an ninh, trật tự");
const PLAN = phrase("kế hoạch bảo đảm an ninh, trật tự");
const REGISTRATION = phrase("bản đăng ký phấn đấu đạt tiêu chuẩn");

/** Resolution (only where a Party organisation exists), plan and registration, all in quý I. */
export function organisationDocumentChecks(b: VerdictBuilder, input: AgencyInput | SchoolInput, ctx: EvaluationContext): void {
  const reg = input.registration;
  if (reg?.hasPartyOrganisation === false) {
    b.fact("hasPartyOrganisation", false);
    b.add("NOT_APPLICABLE", "Đơn vị không có tổ chức Đảng, không xét nghị quyết.");
  } else if (reg?.hasPartyOrganisation === undefined) {
    b.fact("hasPartyOrganisation", null);
    b.add("MISSING_DATA", "Chưa khai đơn vị có tổ chức Đảng hay không.");
    b.need("DATA", "Xác nhận đơn vị có tổ chức Đảng hay không (nếu có, cần nghị quyết trong quý I)");
  } else {
    b.fact("hasPartyOrganisation", true);
    q1DocumentCheck(b, reg.partyResolution, PARTY_RESOLUTION, "partyResolutionDate", ctx);
  }
  q1DocumentCheck(b, reg?.plan, PLAN, "planDate", ctx);
  q1DocumentCheck(b, reg?.registration, REGISTRATION, "registrationDate", ctx);
}

const AGENCY_RULE_TOPICS = [
  ["unitProtection", "bảo vệ cơ quan, doanh nghiệp"],
  ["stateSecrets", "bảo vệ bí mật nhà nước"],
  ["internalPolitics", "bảo vệ chính trị nội bộ"],
  ["labourSafety", "an toàn lao động"],
  ["fireExplosion", "phòng, chống cháy, nổ"],
  ["environment", "bảo vệ môi trường"],
] as const;
const AGENCY_RULES_TEXT = AGENCY_RULE_TOPICS.map(([, label]) => label).join(", ");

const STAFF_BRIEFED: CoverageWording = {
  population: "cán bộ, công chức, viên chức, người lao động",
  done: "đã được phổ biến, quán triệt nội quy và tiêu chí",
  actionNoun: "người được phổ biến, quán triệt nội quy, quy định và tiêu chí",
  totalKey: "staffBriefedTotal",
  doneKey: "staffBriefedDone",
};

function cqdn1(input: AgencyInput, ctx: EvaluationContext, b: VerdictBuilder): void {
  organisationDocumentChecks(b, input, ctx);
  internalRulesCheck(b, input.internalRules, AGENCY_RULE_TOPICS, AGENCY_RULES_TEXT);
  fullCoverageCheck(b, input.staff?.briefed, input.staff?.total, STAFF_BRIEFED);
  movementModelCheck(b, input.movementModels);
}

const POLICIES: DeclarationTexts = {
  met: "Đã thực hiện đầy đủ chính sách, pháp luật, quy chế phối hợp, chương trình, kế hoạch với cơ quan Công an và quy định của địa phương về an ninh, trật tự.",
  notMet: "Chưa thực hiện đầy đủ chính sách, pháp luật, quy chế phối hợp với cơ quan Công an và quy định của địa phương về an ninh, trật tự.",
  missing: "Chưa có xác nhận về việc thực hiện chính sách, pháp luật, quy chế phối hợp với cơ quan Công an về an ninh, trật tự.",
  action: "Thực hiện đầy đủ chính sách, pháp luật, quy chế phối hợp, chương trình, kế hoạch với cơ quan Công an về an ninh, trật tự",
};

export function implementsPoliciesCheck(b: VerdictBuilder, value: boolean | undefined): void {
  declarationCheck(b, value, "implementsPolicies", POLICIES);
}

const SECURITY_FORCE = phrase("lực lượng bảo vệ");
const SECURITY_FORCE_SCOPE = `thuộc ${SECURITY_FORCE.lower}`;

function isSecurityForceMember(r: DisciplineRecord): boolean {
  return r.inSecurityForce;
}

function anyone(): boolean {
  return true;
}

/**
 * Đ6 k4 / Đ7 k5. Đ7 k5 says "(nếu có)", Đ6 k4 does not; the rule set decides what a CQ/DN
 * without its own security force gets (decision Q5: NOT_APPLICABLE, see decisions.md).
 */
export function securityForceChecks(
  b: VerdictBuilder,
  input: AgencyInput | SchoolInput,
  ctx: EvaluationContext,
  withoutForce: "NOT_APPLICABLE" | "NOT_MET",
  whyNotApplicable: string,
): void {
  const force = input.securityForce;
  if (force?.exists === undefined) {
    b.fact("securityForceExists", null);
    b.add("MISSING_DATA", "Chưa khai đơn vị có lực lượng bảo vệ hay không.");
    b.need("DATA", "Xác nhận đơn vị có lực lượng bảo vệ hay không, kèm kết quả đánh giá của lực lượng");
    return;
  }
  b.fact("securityForceExists", force.exists);
  if (!force.exists) {
    if (withoutForce === "NOT_APPLICABLE") {
      b.add("NOT_APPLICABLE", whyNotApplicable);
    } else {
      b.add("NOT_MET", "Đơn vị không có lực lượng bảo vệ.");
      b.need("ACTION", "Thành lập, kiện toàn lực lượng bảo vệ");
    }
    return;
  }
  forceRatingCheck(b, force, "HTTNV", SECURITY_FORCE);
  disciplineCheck(b, ctx, isSecurityForceMember, CANH_CAO, SECURITY_FORCE_SCOPE);
}

const AGENCY_SUB_UNITS: ShareWording = {
  noun: "phòng, ban, tổ, đội",
  achievement: `đạt ${GOOD_OR_BETTER_TEXT}`,
  shortAchievement: "TTLĐTT hoặc HTTNV trở lên",
  requirementWord: "cần",
};

export function subUnitShareCheck(b: VerdictBuilder, subUnits: AgencyInput["subUnits"], wording: ShareWording, ctx: EvaluationContext): void {
  if (subUnits === undefined) {
    b.add("MISSING_DATA", `Chưa có danh sách ${wording.noun} trực thuộc và kết quả thi đua.`);
    b.need("DATA", `Cập nhật danh sách ${wording.noun} trực thuộc và kết quả bình xét thi đua`);
    return;
  }
  shareCheck(b, countSubUnits(subUnits, meetsGoodOrBetter), ctx.params.subUnitThreshold, wording, ctx.year);
}

function cqdn5(input: AgencyInput, ctx: EvaluationContext, b: VerdictBuilder): void {
  subUnitShareCheck(b, input.subUnits, AGENCY_SUB_UNITS, ctx);
  disciplineCheck(b, ctx, anyone, CANH_CAO, "của đơn vị");
}

const NO_SECURITY_FORCE =
  "Đơn vị không có lực lượng bảo vệ riêng, không xét tiêu chí về lực lượng bảo vệ (áp dụng như “nếu có” tại Điều 7 khoản 5).";

export const CQDN_CRITERIA: readonly CriterionSpec<AgencyInput>[] = [
  {
    id: "CQDN-1",
    title: "Trong quý I: nghị quyết (nếu có tổ chức Đảng), kế hoạch và đăng ký; có nội quy; 100% được phổ biến; có ít nhất 01 mô hình hoạt động hiệu quả",
    article: "Điều 6 khoản 1",
    checks: cqdn1,
  },
  {
    id: "CQDN-2",
    title: "Thực hiện đầy đủ chính sách, pháp luật, quy chế phối hợp với cơ quan Công an và quy định của địa phương về an ninh, trật tự",
    article: "Điều 6 khoản 2",
    checks: (input, _ctx, b) => implementsPoliciesCheck(b, input.declarations?.implementsPolicies),
  },
  {
    id: "CQDN-3",
    title: "Không xảy ra các trường hợp quy định tại khoản 3 Điều 6 (điểm a–h)",
    article: "Điều 6 khoản 3",
    checks: (_input, ctx, b) => incidentGroupCheck(b, ctx, "D6K3", "trường hợp thuộc Điều 6 khoản 3 (điểm a–h)"),
  },
  {
    id: "CQDN-4",
    title: "Lực lượng bảo vệ đạt “Tập thể lao động tiên tiến” hoặc “Hoàn thành tốt nhiệm vụ” trở lên, không có cá nhân bị kỷ luật từ cảnh cáo trở lên",
    article: "Điều 6 khoản 4",
    checks: (input, ctx, b) => securityForceChecks(b, input, ctx, ctx.params.agencyWithoutSecurityForce, NO_SECURITY_FORCE),
  },
  {
    id: "CQDN-5",
    title: "Từ 70% trở lên phòng, ban, tổ, đội đạt “Tập thể lao động tiên tiến” hoặc “Hoàn thành tốt nhiệm vụ” trở lên; không có cá nhân bị kỷ luật từ cảnh cáo trở lên",
    article: "Điều 6 khoản 5",
    checks: cqdn5,
  },
];
