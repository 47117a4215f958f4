/** Điều 5 — xã, phường, đặc khu (thị trấn before 1/7/2025). */
import type { CriterionSpec, EvaluationContext, VerdictBuilder } from "../criterion";
import { formatPercent, formatThreshold, meetsRatio, requiredNumerator } from "../ratio";
import type { CommuneInput, DisciplineRecord } from "../schema";
import { compareIds, declarationCheck, disciplineCheck, listIds, movementModelCheck, phrase, q1DocumentCheck, quarterPassed, type DeclarationTexts } from "./common";
import { territorySpecs } from "./kdc";

const PARTY_RESOLUTION = phrase("nghị quyết của Đảng ủy");
const PLAN = phrase("kế hoạch bảo đảm an ninh, trật tự của Ủy ban nhân dân cấp xã");
const REGISTRATION = phrase("đăng ký phấn đấu đạt tiêu chuẩn của Ủy ban nhân dân cấp xã");

function xa1(input: CommuneInput, ctx: EvaluationContext, b: VerdictBuilder): void {
  const reg = input.registration;
  q1DocumentCheck(b, reg?.partyResolution, PARTY_RESOLUTION, "partyResolutionDate", ctx);
  q1DocumentCheck(b, reg?.plan, PLAN, "planDate", ctx);
  q1DocumentCheck(b, reg?.registration, REGISTRATION, "registrationDate", ctx);
  movementModelCheck(b, input.movementModels);
}

const COMMUNE_POLICE: DeclarationTexts = {
  met: "Công an cấp xã nắm chắc tình hình, kịp thời tham mưu và tổ chức thực hiện có hiệu quả công tác bảo đảm an ninh, trật tự và phong trào.",
  notMet: "Công an cấp xã chưa thực hiện có hiệu quả việc nắm tình hình, tham mưu, tổ chức thực hiện công tác bảo đảm an ninh, trật tự.",
  missing: "Chưa có đánh giá về việc Công an cấp xã nắm tình hình, tham mưu, tổ chức thực hiện công tác bảo đảm an ninh, trật tự.",
  action: "Công an cấp xã nắm chắc tình hình, kịp thời tham mưu, tổ chức thực hiện có hiệu quả công tác bảo đảm an ninh, trật tự",
};

function isCommunePolice(r: DisciplineRecord): boolean {
  return r.inSecurityForce || r.personnelType === "CONG_AN";
}

function xa3(input: CommuneInput, ctx: EvaluationContext, b: VerdictBuilder): void {
  declarationCheck(b, input.declarations?.communePoliceEffective, "communePoliceEffective", COMMUNE_POLICE);
  // "Không có cá nhân vi phạm bị xử lý kỷ luật" read as the commune police (decision Q5).
  disciplineCheck(b, ctx, isCommunePolice, 1, "thuộc Công an cấp xã");
}

const NO_IDS: readonly string[] = Object.freeze([]);

function sorted(list: string[] | undefined): readonly string[] {
  if (list === undefined) return NO_IDS;
  if (list.length > 1) list.sort(compareIds);
  return list;
}

/**
 * Đ5 k4. Denominator: managed KDC, CQ, DN, CSGD minus those outside TT124 (Đ1 k2 b) — they
 * cannot register, so keeping them would make 100 % unreachable (decision Q4). A unit that did
 * not register stays in the recognition denominator as "not recognised".
 */
function xa4(input: CommuneInput, ctx: EvaluationContext, b: VerdictBuilder): void {
  const units = input.managedUnits;
  if (units === undefined) {
    b.add("MISSING_DATA", "Chưa có danh sách khu dân cư, cơ quan, doanh nghiệp, cơ sở giáo dục thuộc quyền quản lý.");
    b.need("DATA", "Cập nhật danh sách khu dân cư, cơ quan, doanh nghiệp, cơ sở giáo dục thuộc quyền quản lý và kết quả đăng ký, công nhận");
    return;
  }
  let excluded: string[] | undefined;
  let notRegistered: string[] | undefined;
  let registrationUnknown: string[] | undefined;
  let notRecognised: string[] | undefined;
  let inScope = 0;
  let registered = 0;
  let recognised = 0;
  let pending = 0;
  for (const unit of units) {
    if (unit.excludedReason != null) {
      (excluded ??= []).push(unit.id);
      continue;
    }
    inScope++;
    if (unit.registered === true) registered++;
    else if (unit.registered === false) (notRegistered ??= []).push(unit.id);
    else (registrationUnknown ??= []).push(unit.id);
    if (unit.recognised === true) recognised++;
    else if (unit.recognised === false || unit.registered === false) (notRecognised ??= []).push(unit.id);
    else pending++;
  }
  const excludedIds = sorted(excluded);
  const notRegisteredIds = sorted(notRegistered);
  const unknownIds = sorted(registrationUnknown);
  b.fact("managedUnitsInScope", inScope);
  b.fact("managedUnitsExcludedIds", excludedIds);
  b.fact("managedUnitsRegistered", registered);
  b.fact("managedUnitsNotRegisteredIds", notRegisteredIds);
  b.fact("managedUnitsRegistrationUnknownIds", unknownIds);
  b.fact("managedUnitsRecognised", recognised);
  b.fact("managedUnitsRecognitionPending", pending);
  b.fact("managedUnitsNotRecognisedIds", sorted(notRecognised));
  const excludedText = excludedIds.length > 0 ? ` (không tính ${excludedIds.length} đơn vị không thuộc diện: ${listIds(excludedIds)})` : "";
  if (inScope === 0) {
    b.add("MISSING_DATA", `Danh sách đơn vị thuộc quyền quản lý không có đơn vị nào thuộc diện xét${excludedText}.`);
    b.need("DATA", "Cập nhật danh sách khu dân cư, cơ quan, doanh nghiệp, cơ sở giáo dục thuộc quyền quản lý");
    return;
  }

  const regThreshold = ctx.params.managedUnitsRegisteredThreshold;
  const regText = `${registered}/${inScope} đơn vị thuộc diện đã đăng ký (${formatPercent(registered, inScope, regThreshold)}), cần ${formatThreshold(regThreshold)}`;
  if (meetsRatio(registered, inScope, regThreshold)) {
    b.met(`${regText}.`);
  } else if (meetsRatio(registered + unknownIds.length, inScope, regThreshold)) {
    b.add("MISSING_DATA", `${regText}; chưa rõ tình trạng đăng ký của ${listIds(unknownIds)}.`);
    b.need("DATA", `Cập nhật tình trạng đăng ký của ${unknownIds.length} đơn vị: ${listIds(unknownIds)}`);
  } else {
    b.add("NOT_MET", `${regText}; chưa đăng ký: ${listIds(notRegisteredIds)}.`);
    if (quarterPassed(ctx)) b.need("BLOCKER", `${notRegisteredIds.length} đơn vị không đăng ký trong quý I/${ctx.year}: ${listIds(notRegisteredIds)}`);
    else b.need("ACTION", `Vận động ${notRegisteredIds.length} đơn vị đăng ký phấn đấu trong quý I/${ctx.year}: ${listIds(notRegisteredIds)}`);
  }

  const threshold = ctx.params.managedUnitsRecognisedThreshold;
  const required = requiredNumerator(inScope, threshold);
  b.fact("managedUnitsRequired", required);
  const recText = `${recognised}/${inScope} đơn vị được công nhận đạt tiêu chuẩn (${formatPercent(recognised, inScope, threshold)}), cần ${formatThreshold(threshold)}`;
  if (meetsRatio(recognised, inScope, threshold)) {
    b.met(`${recText}${excludedText}.`);
  } else if (meetsRatio(recognised + pending, inScope, threshold)) {
    b.add("MISSING_DATA", `${recText}; ${pending} đơn vị chưa có quyết định công nhận${excludedText}.`);
    b.need("ACTION", `Cần thêm ${required - recognised} đơn vị được công nhận (hiện ${recognised}/${inScope}, cần ${required}/${inScope})`);
  } else {
    const pendingText = pending > 0 ? `; kể cả ${pending} đơn vị chưa có quyết định cũng không đủ` : "";
    b.add("NOT_MET", `${recText}${pendingText}${excludedText}.`);
    b.need("BLOCKER", `Chỉ còn tối đa ${recognised + pending}/${inScope} đơn vị có thể được công nhận, cần ${required}/${inScope}`);
  }
}

export const XA_CRITERIA: readonly CriterionSpec<CommuneInput>[] = [
  {
    id: "XA-1",
    title: "Trong quý I: Đảng ủy có nghị quyết, Ủy ban nhân dân cấp xã có kế hoạch và đăng ký; có ít nhất 01 mô hình hoạt động hiệu quả",
    article: "Điều 5 khoản 1",
    checks: xa1,
  },
  {
    id: "XA-2",
    title: "Đạt các tiêu chí tại khoản 2, 3, 4 Điều 4 trên toàn địa bàn",
    article: "Điều 5 khoản 2",
    parts: territorySpecs("XA-2.", "Điều 5 khoản 2, "),
  },
  {
    id: "XA-3",
    title: "Công an cấp xã nắm chắc tình hình, tham mưu kịp thời, thực hiện có hiệu quả; không có cá nhân vi phạm bị xử lý kỷ luật",
    article: "Điều 5 khoản 3",
    checks: xa3,
  },
  {
    id: "XA-4",
    title: "100% khu dân cư, cơ quan, doanh nghiệp, cơ sở giáo dục thuộc quyền quản lý đăng ký; từ 70% trở lên được công nhận",
    article: "Điều 5 khoản 4",
    checks: xa4,
  },
];
