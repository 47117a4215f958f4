/**
 * Điều 4 — khu dân cư. KDC-2..4 are written against `TerritoryFacts` so that XA-2 (Đ5 k2:
 * "đạt các tiêu chí quy định tại khoản 2, 3, 4 Điều 4" over the commune) reuses them as-is.
 */
import type { CriterionSpec, EvaluationContext, VerdictBuilder } from "../criterion";
import type { DisciplineRecord, KdcInput, LawAndOrder } from "../schema";
import {
  declarationCheck,
  disciplineCheck,
  forceRatingCheck,
  fullCoverageCheck,
  incidentGroupCheck,
  lawAndOrderTrendCheck,
  phrase,
  q1DocumentCheck,
  type CoverageWording,
  type DeclarationTexts,
} from "./common";

/** The facts Đ4 k2–k4 need; a KDC and a commune both carry them. */
export interface TerritoryFacts {
  readonly declarations?:
    | {
        readonly implementsPolicies?: boolean | undefined;
        readonly managedGroupsHandledEffectively?: boolean | undefined;
      }
    | undefined;
  readonly lawAndOrder?: LawAndOrder | undefined;
}

const FORCE = phrase("lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở");
const FORCE_SCOPE = `thuộc ${FORCE.lower}`;
const CHI_BO_RESOLUTION = phrase("nghị quyết của chi bộ");
const KDC_REGISTRATION = phrase("đăng ký phấn đấu của khu dân cư");
const HOUSEHOLDS: CoverageWording = {
  population: "hộ gia đình đang cư trú",
  done: "đã đăng ký tham gia",
  actionNoun: "hộ gia đình đăng ký tham gia xây dựng khu dân cư “An toàn về an ninh, trật tự”",
  totalKey: "householdsTotal",
  doneKey: "householdsDone",
};

function isBaseSecurityForceMember(r: DisciplineRecord): boolean {
  return r.inSecurityForce || r.personnelType === "LUC_LUONG_CO_SO";
}

function kdc1(input: KdcInput, ctx: EvaluationContext, b: VerdictBuilder): void {
  const reg = input.registration;
  q1DocumentCheck(b, reg?.chiBoResolution, CHI_BO_RESOLUTION, "chiBoResolutionDate", ctx);
  q1DocumentCheck(b, reg?.kdcRegistration, KDC_REGISTRATION, "kdcRegistrationDate", ctx);
  fullCoverageCheck(b, reg?.householdsRegistered, reg?.householdsResident, HOUSEHOLDS);
}

const POLICIES: DeclarationTexts = {
  met: "Đã triển khai, thực hiện đầy đủ chủ trương của Đảng, chính sách, pháp luật của Nhà nước và quy định của địa phương về bảo đảm an ninh, trật tự.",
  notMet: "Chưa triển khai, thực hiện đầy đủ chủ trương, chính sách, pháp luật và quy định của địa phương về bảo đảm an ninh, trật tự.",
  missing: "Chưa có xác nhận về việc triển khai, thực hiện chủ trương, chính sách, pháp luật về bảo đảm an ninh, trật tự.",
  action: "Triển khai, thực hiện đầy đủ chủ trương, chính sách, pháp luật và quy định của địa phương về bảo đảm an ninh, trật tự",
};

const MANAGED_GROUPS: DeclarationTexts = {
  met: "Các đối tượng phải quản lý, giáo dục theo quy định được quản lý, giáo dục có hiệu quả.",
  notMet: "Việc quản lý, giáo dục các đối tượng theo quy định chưa có hiệu quả.",
  missing: "Chưa có xác nhận về hiệu quả quản lý, giáo dục các đối tượng theo quy định.",
  action: "Quản lý, giáo dục có hiệu quả các đối tượng phải quản lý, giáo dục theo quy định",
};

function policiesCheck(input: TerritoryFacts, _ctx: EvaluationContext, b: VerdictBuilder): void {
  declarationCheck(b, input.declarations?.implementsPolicies, "implementsPolicies", POLICIES);
}

function securityIncidentsCheck(_input: TerritoryFacts, ctx: EvaluationContext, b: VerdictBuilder): void {
  incidentGroupCheck(b, ctx, "D4K3", "vụ việc thuộc Điều 4 khoản 3 (điểm a–g)");
}

function trendCheck(input: TerritoryFacts, _ctx: EvaluationContext, b: VerdictBuilder): void {
  lawAndOrderTrendCheck(b, input.lawAndOrder);
}

function seriousCrimeCheck(_input: TerritoryFacts, ctx: EvaluationContext, b: VerdictBuilder): void {
  incidentGroupCheck(b, ctx, "D4K4b", "vụ tội phạm từ nghiêm trọng trở lên");
}

function hotspotCheck(input: TerritoryFacts, ctx: EvaluationContext, b: VerdictBuilder): void {
  incidentGroupCheck(b, ctx, "D4K4c", "trường hợp phát sinh tụ điểm phức tạp hoặc người mắc tệ nạn xã hội mới");
  declarationCheck(b, input.declarations?.managedGroupsHandledEffectively, "managedGroupsHandledEffectively", MANAGED_GROUPS);
}

function accidentCheck(_input: TerritoryFacts, ctx: EvaluationContext, b: VerdictBuilder): void {
  incidentGroupCheck(b, ctx, "D4K4d", "vụ cháy, nổ nghiêm trọng, tai nạn lao động chết người hoặc sự cố nghiêm trọng");
}

function kdc5(input: KdcInput, ctx: EvaluationContext, b: VerdictBuilder): void {
  const force = input.securityForce;
  if (force?.exists === false) {
    b.fact("securityForceResult", null);
    b.add("NOT_MET", `Khu dân cư chưa có ${FORCE.lower}.`);
    b.need("ACTION", `Kiện toàn ${FORCE.lower}`);
  } else {
    forceRatingCheck(b, force, "HTNV", FORCE);
  }
  disciplineCheck(b, ctx, isBaseSecurityForceMember, 1, FORCE_SCOPE);
}

/** The KDC-2..4 specs, parameterised by id prefix and article so XA-2 can re-cite them. */
export function territorySpecs(idPrefix: string, articlePrefix: string): readonly CriterionSpec<TerritoryFacts>[] {
  return [
    {
      id: `${idPrefix}KDC-2`,
      title: "Triển khai, thực hiện đầy đủ chủ trương, chính sách, pháp luật và quy định của địa phương về bảo đảm an ninh, trật tự",
      article: `${articlePrefix}Điều 4 khoản 2`,
      checks: policiesCheck,
    },
    {
      id: `${idPrefix}KDC-3`,
      title: "Không xảy ra các vụ việc về an ninh quy định tại khoản 3 Điều 4",
      article: `${articlePrefix}Điều 4 khoản 3`,
      checks: securityIncidentsCheck,
    },
    {
      id: `${idPrefix}KDC-4`,
      title: "Tội phạm, tệ nạn xã hội được kiềm chế; không có tội phạm nghiêm trọng, tụ điểm phức tạp, cháy, nổ, tai nạn nghiêm trọng",
      article: `${articlePrefix}Điều 4 khoản 4`,
      parts: [
        {
          id: `${idPrefix}KDC-4a`,
          title: "Tội phạm, tệ nạn xã hội và vi phạm pháp luật khác được kiềm chế, kéo giảm so với năm trước",
          article: `${articlePrefix}Điều 4 khoản 4 điểm a`,
          checks: trendCheck,
        },
        {
          id: `${idPrefix}KDC-4b`,
          title:
            "Không xảy ra tội phạm từ nghiêm trọng trở lên (trừ trường hợp bất khả kháng hoặc đã kịp thời phát hiện, giảm thiểu hậu quả, báo cáo ngay)",
          article: `${articlePrefix}Điều 4 khoản 4 điểm b`,
          checks: seriousCrimeCheck,
        },
        {
          id: `${idPrefix}KDC-4c`,
          title: "Không phát sinh tụ điểm phức tạp, người mắc tệ nạn xã hội mới; quản lý, giáo dục đối tượng có hiệu quả",
          article: `${articlePrefix}Điều 4 khoản 4 điểm c`,
          checks: hotspotCheck,
        },
        {
          id: `${idPrefix}KDC-4d`,
          title: "Không xảy ra cháy, nổ nghiêm trọng, tai nạn lao động chết người, sự cố nghiêm trọng (trừ trường hợp bất khả kháng)",
          article: `${articlePrefix}Điều 4 khoản 4 điểm d`,
          checks: accidentCheck,
        },
      ],
    },
  ];
}

export const KDC_CRITERIA: readonly CriterionSpec<KdcInput>[] = [
  {
    id: "KDC-1",
    title: "Trong quý I: chi bộ có nghị quyết, khu dân cư đăng ký phấn đấu và 100% hộ gia đình đang cư trú đăng ký tham gia",
    article: "Điều 4 khoản 1",
    checks: kdc1,
  },
  ...territorySpecs("", ""),
  {
    id: "KDC-5",
    title: "Lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở hoàn thành nhiệm vụ trở lên, không có cá nhân bị xử lý kỷ luật",
    article: "Điều 4 khoản 5",
    checks: kdc5,
  },
];
