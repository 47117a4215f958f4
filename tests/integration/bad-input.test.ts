/**
 * Every server action, sent each class of bad value a person never types (NUL and other control
 * characters, impossible or far dates, negative and beyond-int4 integers, over-long strings,
 * unknown or malformed ids, unknown choices), answers a Vietnamese message and writes nothing.
 *
 * The actions run as in production (their zod schema, runAction, the use-case, the audit) against
 * a real database; only the session (getActor), the Prisma client and revalidatePath are swapped.
 * The table is checked against the "use server" files: an exported action without an entry fails.
 */
import { randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "../../lib/auth/actor";
import type { DossierState } from "../../lib/generated/prisma/enums";
import { incidentCodesFor } from "../../lib/records/incident-schemas";
import { dossierFacts, makeUser, makeWorld, TEST_PASSWORD } from "./fixtures";
import { setupTestDatabase } from "./test-db";
import { seedSheet } from "./movement-fixtures";

const session = vi.hoisted(() => ({ actor: null as Actor | null, prisma: null as unknown }));
vi.mock("server-only", () => ({}));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock("@/lib/auth/session", () => ({
  getActor: async () => session.actor,
  getPasswordSubject: async () => (session.actor ? { userId: session.actor.userId, username: session.actor.username } : null),
}));
vi.mock("@/lib/db/client", async (importOriginal) => ({ ...(await importOriginal<object>()), getPrisma: () => session.prisma }));

const t = setupTestDatabase();
beforeAll(() => {
  session.prisma = t.prisma;
});

const ROOT = path.resolve(__dirname, "../..");

// ───────────── The bad value classes ─────────────

const CLASSES = {
  text: { nul: "Nội dung\u0000", bell: "Dòng\u0007chuông", escape: "\u001b[31mđỏ", overLong: "Dài".repeat(40_000) },
  date: { year0000: "0000-01-01", feb30: "2026-02-30", feb30vn: "30/02/2026", month13: "2026-13-01", farFuture: "2999-12-31", future: "2099-12-31", before1900: "1899-12-31", nul: "2026-03-01\u0000" },
  count: { negative: -1, negativeText: "-5", int4: 2 ** 31, huge: "99999999999999999999", fraction: 1.5, garbage: "12abc", nul: "1\u0000" },
  version: { negative: -1, int4: 2 ** 31, huge: 1e20, fraction: "1.5", garbage: "abc", nul: "1\u0000" },
  year: { year0000: "0000", negative: -2026, int4: 2 ** 31, huge: 30000, nul: "2026\u0000" },
  id: { unknownUuid: "3f0c6a52-8d1b-4e7a-9c2f-5b1e0d9a7c44", notUuid: "khong-phai-uuid", nul: "\u0000", overLong: "a".repeat(10_000) },
  choice: { unknown: "KHONG_CO_GIA_TRI_NAY", nul: "TTLDTT\u0000", overLong: "A".repeat(10_000) },
  criterion: { unknown: "CQDN-99", nul: "CQDN-1\u0000", overLong: "C".repeat(10_000) },
} as const;
type FieldClass = keyof typeof CLASSES;

// ───────────── The world each action runs in ─────────────

type Ctx = Awaited<ReturnType<typeof world>>;
async function world() {
  const w = await makeWorld(t.prisma);
  const officer = await makeUser(t.prisma, "canbo", "UNIT_OFFICER", { unitId: w.agencyA.id });
  const reviewer = await makeUser(t.prisma, "thamdinh", "REVIEWER", { reviewerLevel: "PROVINCIAL_POLICE" });
  const admin = await makeUser(t.prisma, "quantri", "ADMIN");
  const authority = await t.prisma.authority.findFirstOrThrow();
  const dossier = async (state: DossierState, extra: { reviewRound?: number } = {}) =>
    t.prisma.dossier.create({ data: { unitId: w.agencyA.id, ...(await dossierFacts(t.prisma, w.agencyA.id)), year: 2026, state, registeredOn: new Date("2026-03-10T00:00:00Z"), reviewRound: extra.reviewRound ?? 1 } });
  return { ...w, officer, reviewer, admin, authority, dossier };
}

type Entry = {
  actor: "officer" | "reviewer" | "admin";
  /** A valid input in a world where the action succeeds. */
  setup: (c: Ctx) => Promise<Record<string, unknown>>;
  /** The fields to spoil, by class. */
  fields: Record<string, FieldClass>;
  /** The valid input then succeeds (false: the state it needs is beyond this test; say why). */
  baseline?: false;
};

const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
const REGISTRATION = { year: "2026", partyResolutionRef: "05-NQ/ĐU", partyResolutionOn: "2026-02-20", planRef: "12/KH-STP", planOn: "2026-02-25", commitmentRef: "01/ĐK-STP", commitmentOn: "2026-03-01", registeredOn: "2026-03-05" };
const subUnit = async (c: Ctx) => {
  const { createSubUnit } = await import("../../lib/records/sub-units");
  const { createSubUnitSchema } = await import("../../lib/records/sub-unit-schemas");
  return createSubUnit(t.prisma, c.officer, createSubUnitSchema.parse({ unitId: c.agencyA.id, name: "Phòng Tổng hợp", kind: "PHONG", eligibleForRating: true }));
};
const incidentInput = (c: Ctx) => ({ unitId: c.agencyA.id, code: incidentCodesFor("CQ")[0]!.code, occurredOn: "2026-05-04", title: "Mất trộm tài sản tại kho", description: "Mô tả vụ việc", severity: "", forceMajeure: false });
const disciplineInput = (c: Ctx) => ({ unitId: c.agencyA.id, personId: "", fullName: "Nguyễn Văn An", personnelType: "CONG_CHUC", position: "Chuyên viên", subUnitId: "", level: "KHIEN_TRACH", decidedOn: "2026-06-01", decisionRef: "12/QĐ-STP", reason: "Vi phạm nội quy cơ quan", forSocialEvil: false });
const modelInput = (c: Ctx) => ({ unitId: c.agencyA.id, year: "2026", name: "Tổ tự quản an ninh trật tự", description: "Mô hình tự quản", startedOn: "2026-01-15", isEffective: true });

const registryUnitInput = (c: Ctx) => ({ code: "GD-MOI", name: "Trường THPT Mới", kind: "CSGD", communeId: c.communeA.id, managingAuthorityId: c.authority.id, sector: "EDUCATION", residentialAreaType: "", educationLevel: "THPT", exclusionReason: "", hasPartyOrganisation: true, hasSecurityForce: false, address: "Số 1 đường Hoàng Liên" });

const A = "app/(app)";
/** The agency's movement evaluation, opened (and fully scored, and submitted) through the use-cases. */
async function movementEvaluation(c: Ctx, submitted: boolean, scored = submitted) {
  const { openUnitEvaluation, saveSelfScores, submitEvaluation } = await import("../../lib/movement/evaluations");
  const sheet = await seedSheet(t.prisma, "AGENCY_ENTERPRISE");
  const criteria = Object.fromEntries(sheet.criteria.map((x) => [x.code, x.id]));
  const { id } = await openUnitEvaluation(t.prisma, c.officer, { unitId: c.agencyA.id, year: 2026 });
  let version = 1;
  if (scored) {
    const lines = ["CQDN-2", "CQDN-5", "CQDN-6"].map((code) => ({ criterionId: criteria[code]!, selfPoints: 10, explanation: null }));
    version = (await saveSelfScores(t.prisma, c.officer, { evaluationId: id, version, lines })).version;
  }
  if (submitted) version = (await submitEvaluation(t.prisma, c.officer, { evaluationId: id, version }, new Date("2026-11-10T03:00:00Z"))).version;
  return { id, version, criteria };
}

const TABLE: Record<string, Entry> = {
  [`${A}/admin/users/actions.ts#createUserAction`]: {
    actor: "admin",
    setup: async (c) => ({ username: "canbo.moi", fullName: "Trần Thị Bình", password: "MatKhauMoi2026", role: "UNIT_OFFICER", officerScope: "UNIT", unitId: c.agencyA.id, areaId: "", reviewerLevel: "" }),
    // areaId is not spoiled here: with the UNIT scope it is cleared (accessColumns), never stored.
    fields: { username: "text", fullName: "text", password: "text", role: "choice", officerScope: "choice", reviewerLevel: "choice", unitId: "id" },
  },
  [`${A}/admin/users/actions.ts#updateUserAccessAction`]: {
    actor: "admin",
    setup: async (c) => ({ userId: c.officer.userId, isActive: true, role: "UNIT_OFFICER", officerScope: "COMMUNE", unitId: "", areaId: c.communeB.id, reviewerLevel: "" }),
    // The COMMUNE scope uses areaId (createUserAction covers unitId).
    fields: { userId: "id", isActive: "choice", role: "choice", officerScope: "choice", areaId: "id" },
  },
  [`${A}/admin/users/actions.ts#unlockUserAction`]: {
    actor: "admin",
    setup: async (c) => ({ userId: c.officer.userId }),
    fields: { userId: "id" },
  },
  [`${A}/admin/users/actions.ts#createAccountsInBulkAction`]: {
    actor: "admin",
    setup: async () => ({ target: "UNIT_OFFICERS", kind: "", communeId: "" }),
    fields: { target: "choice", kind: "choice", communeId: "id" },
  },
  [`${A}/admin/users/actions.ts#resetPasswordAction`]: {
    actor: "admin",
    setup: async (c) => ({ userId: c.officer.userId }),
    fields: { userId: "id" },
  },
  [`${A}/admin/email/actions.ts#resendEmailAction`]: {
    actor: "admin",
    setup: async () => {
      const d = await t.prisma.emailDelivery.create({ data: { toAddress: "can-bo@xa.example.vn", subject: "Nhắc hạn", textBody: "Nội dung", dedupeKey: "bad-input:1", status: "FAILED", attempts: 8, lastError: "550 mailbox unavailable" } });
      return { id: d.id };
    },
    fields: { id: "id" },
  },
  [`${A}/admin/registry/units/actions.ts#createUnitAction`]: {
    actor: "admin",
    setup: async (c) => registryUnitInput(c),
    fields: { code: "text", name: "text", kind: "choice", communeId: "id", managingAuthorityId: "id", sector: "choice", educationLevel: "choice", exclusionReason: "choice", hasPartyOrganisation: "choice", hasSecurityForce: "choice", address: "text" },
  },
  [`${A}/admin/registry/units/actions.ts#updateUnitAction`]: {
    actor: "admin",
    setup: async (c) => ({ ...registryUnitInput(c), code: "CQ-A", kind: "CQ", sector: "STATE_ADMINISTRATION", educationLevel: "", unitId: c.agencyA.id, version: 1 }),
    fields: { unitId: "id", version: "version", code: "text", name: "text", kind: "choice", communeId: "id", managingAuthorityId: "id", sector: "choice", address: "text" },
  },
  [`${A}/admin/registry/units/actions.ts#setUnitActiveAction`]: {
    actor: "admin",
    setup: async (c) => ({ unitId: c.agencyA.id, version: 1, active: false, reason: "Sáp nhập theo quyết định" }),
    fields: { unitId: "id", version: "version", active: "choice", reason: "text" },
  },
  [`${A}/admin/registry/units/[unitId]/actions.ts#createRegistrySubUnitAction`]: {
    actor: "admin",
    setup: async (c) => ({ unitId: c.agencyA.id, name: "Phòng Hành chính", kind: "PHONG", eligibleForRating: true, isSecurityForce: false }),
    fields: { unitId: "id", name: "text", kind: "choice", eligibleForRating: "choice" },
  },
  [`${A}/admin/registry/units/[unitId]/actions.ts#updateRegistrySubUnitAction`]: {
    actor: "admin",
    setup: async (c) => ({ unitId: c.agencyA.id, subUnitId: (await subUnit(c)).id, name: "Phòng Tổng hợp - Hành chính", kind: "PHONG", eligibleForRating: true }),
    fields: { unitId: "id", subUnitId: "id", name: "text", kind: "choice" },
  },
  [`${A}/admin/registry/units/[unitId]/actions.ts#setRegistrySubUnitResultAction`]: {
    actor: "admin",
    setup: async (c) => ({ unitId: c.agencyA.id, subUnitId: (await subUnit(c)).id, year: "2026", result: "TTLDTT", decisionRef: "45/QĐ-STP" }),
    fields: { unitId: "id", subUnitId: "id", year: "year", result: "choice", decisionRef: "text" },
  },
  [`${A}/admin/registry/units/[unitId]/actions.ts#setRegistrySubUnitActiveAction`]: {
    actor: "admin",
    setup: async (c) => ({ unitId: c.agencyA.id, subUnitId: (await subUnit(c)).id, active: false }),
    fields: { unitId: "id", subUnitId: "id", active: "choice" },
  },
  [`${A}/admin/registry/units/[unitId]/actions.ts#deleteRegistrySubUnitAction`]: {
    actor: "admin",
    setup: async (c) => ({ unitId: c.agencyA.id, subUnitId: (await subUnit(c)).id }),
    fields: { unitId: "id", subUnitId: "id" },
  },
  [`${A}/admin/registry/units/actions.ts#changeUnitPlacementAction`]: {
    actor: "admin",
    setup: async (c) => ({ unitId: c.agencyA.id, version: 1, change: "MOVE", effectiveFrom: "2026-06-01", communeId: c.communeB.id, managingAuthorityId: "", reason: "Chuyển theo quyết định" }),
    fields: { unitId: "id", version: "version", change: "choice", effectiveFrom: "date", communeId: "id", managingAuthorityId: "id", reason: "text" },
  },
  [`${A}/admin/rules/competence/actions.ts#createCompetenceRuleAction`]: {
    actor: "admin",
    setup: async () => ({ unitKind: "CQ", effectiveFrom: "2027-01-01", reviewerLevel: "PROVINCIAL_POLICE", deciderKind: "UBND_TINH", decisionDeadlineDay: "20", decisionDeadlineMonth: "11", note: "Thông tư 48/2025/TT-BCA" }),
    fields: { unitKind: "choice", effectiveFrom: "date", reviewerLevel: "choice", deciderKind: "choice", decisionDeadlineDay: "count", decisionDeadlineMonth: "count", note: "text" },
  },
  [`${A}/admin/rules/competence/actions.ts#deleteCompetenceRuleAction`]: {
    actor: "admin",
    setup: async () => {
      const r = await t.prisma.competenceRule.create({ data: { unitKind: "CQ", effectiveFrom: new Date("2027-01-01T00:00:00Z"), reviewerLevel: "PROVINCIAL_POLICE", deciderKind: "UBND_TINH", decisionDeadlineMonth: 11, decisionDeadlineDay: 20 } });
      return { ruleId: r.id };
    },
    fields: { ruleId: "id" },
  },
  [`${A}/admin/deadlines/actions.ts#saveCycleCalendarAction`]: {
    actor: "admin",
    setup: async () => ({ year: "2026", version: "0", registrationEnd: "31/03/2026", selfAssessmentEndKdc: "31/10/2026", selfAssessmentEndOthers: "15/11/2026", unitReportEnd: "15/11/2026", provinceReportEnd: "20/11/2026", reminderOffsets: "14, 3" }),
    fields: { year: "year", version: "version", registrationEnd: "date", selfAssessmentEndKdc: "date", selfAssessmentEndOthers: "date", unitReportEnd: "date", provinceReportEnd: "date", reminderOffsets: "count" },
  },
  [`${A}/admin/rules/criteria/actions.ts#createProvincialCriterionAction`]: {
    actor: "admin",
    setup: async () => ({ code: "LCI-1", title: "Có tổ tự quản về an ninh, trật tự", unitKinds: ["CQ"], fromYear: "2026", toYear: "", description: "", evidenceExpected: "", legalBasis: "Quyết định số 12/2026/QĐ-UBND" }),
    fields: { code: "text", title: "text", unitKinds: "choice", fromYear: "year", toYear: "year", description: "text", evidenceExpected: "text", legalBasis: "text" },
  },
  [`${A}/admin/rules/criteria/actions.ts#updateProvincialCriterionAction`]: {
    actor: "admin",
    setup: async () => {
      const c = await t.prisma.provincialCriterion.create({ data: { code: "LCI-1", title: "Tiêu chí của tỉnh", unitKinds: ["CQ"], fromYear: 2026, legalBasis: "Quyết định số 1/2026/QĐ-UBND" } });
      return { criterionId: c.id, version: 1, code: "LCI-1", title: "Có tổ tự quản về an ninh, trật tự", unitKinds: ["CQ", "DN"], fromYear: "2026", toYear: "2030", description: "", evidenceExpected: "", legalBasis: "Quyết định số 12/2026/QĐ-UBND" };
    },
    fields: { criterionId: "id", version: "version", code: "text", title: "text", unitKinds: "choice", fromYear: "year", toYear: "year", legalBasis: "text" },
  },
  [`${A}/admin/rules/criteria/actions.ts#retireProvincialCriterionAction`]: {
    actor: "admin",
    setup: async () => {
      const c = await t.prisma.provincialCriterion.create({ data: { code: "LCI-1", title: "Tiêu chí của tỉnh", unitKinds: ["CQ"], fromYear: 2026, legalBasis: "Quyết định số 1/2026/QĐ-UBND" } });
      return { criterionId: c.id, version: 1, reason: "Thay bằng tiêu chí mới" };
    },
    fields: { criterionId: "id", version: "version", reason: "text" },
  },
  // Issue 14 §1: the movement's scoring sheets and participants.
  [`${A}/admin/movement/sheets/actions.ts#createSheetAction`]: {
    actor: "admin",
    setup: async () => ({ year: "2027", group: "COMMUNE", title: "Bảng chấm điểm năm 2027: xã, phường", source: "Kế hoạch 195/KH-UBND ngày 17/12/2025", provisional: true }),
    fields: { year: "year", group: "choice", title: "text", source: "text", provisional: "choice" },
  },
  [`${A}/admin/movement/sheets/actions.ts#copySheetAction`]: {
    actor: "admin",
    setup: async () => {
      await movementSheet(2026);
      return { year: "2027", group: "COMMUNE" };
    },
    fields: { year: "year", group: "choice" },
  },
  [`${A}/admin/movement/sheets/actions.ts#updateSheetAction`]: {
    actor: "admin",
    setup: async () => ({ sheetId: (await movementSheet()).id, version: "1", title: "Bảng chấm điểm năm 2027 (sửa)", source: "Công văn phát động năm 2027", provisional: false }),
    fields: { sheetId: "id", version: "version", title: "text", source: "text", provisional: "choice" },
  },
  [`${A}/admin/movement/sheets/actions.ts#addSheetLineAction`]: {
    actor: "admin",
    setup: async () => ({ sheetId: (await movementSheet()).id, version: "1", code: "PT-XA-3", section: "Kết quả", text: "Không có cá nhân vi phạm bị xử lý kỷ luật", maxPoints: "7,5", evidenceHint: "Báo cáo", prefillKey: "noDiscipline" }),
    fields: { sheetId: "id", version: "version", code: "text", section: "text", text: "text", maxPoints: "text", evidenceHint: "text", prefillKey: "choice" },
  },
  [`${A}/admin/movement/sheets/actions.ts#updateSheetLineAction`]: {
    actor: "admin",
    setup: async () => {
      const sheet = await movementSheet();
      return { sheetId: sheet.id, version: "1", criterionId: sheet.lines[0]!, code: "PT-XA-1", section: "", text: "Quý I, Đảng ủy có nghị quyết về an ninh, trật tự", maxPoints: "55", evidenceHint: "", prefillKey: "" };
    },
    fields: { sheetId: "id", version: "version", criterionId: "id", code: "text", text: "text", maxPoints: "text", prefillKey: "choice" },
  },
  [`${A}/admin/movement/sheets/actions.ts#removeSheetLineAction`]: {
    actor: "admin",
    setup: async () => {
      const sheet = await movementSheet();
      return { sheetId: sheet.id, version: "1", criterionId: sheet.lines[1]! };
    },
    fields: { sheetId: "id", version: "version", criterionId: "id" },
  },
  [`${A}/admin/movement/sheets/actions.ts#moveSheetLineAction`]: {
    actor: "admin",
    setup: async () => {
      const sheet = await movementSheet();
      return { sheetId: sheet.id, version: "1", criterionId: sheet.lines[1]!, direction: "up" };
    },
    fields: { sheetId: "id", version: "version", criterionId: "id", direction: "choice" },
  },
  [`${A}/admin/movement/sheets/actions.ts#saveSheetClassesAction`]: {
    actor: "admin",
    setup: async () => ({ sheetId: (await movementSheet()).id, version: "1", classes: [{ code: "XUAT_SAC", name: "Xuất sắc", minPoints: "85,5", requiresRecognition: true }, { code: "DAT", name: "Đạt", minPoints: "0", requiresRecognition: false }] }),
    fields: { sheetId: "id", version: "version", "classes.0.code": "text", "classes.0.name": "text", "classes.0.minPoints": "text", "classes.1.requiresRecognition": "choice", classes: "text" },
  },
  [`${A}/admin/movement/sheets/actions.ts#publishSheetAction`]: {
    actor: "admin",
    setup: async () => ({ sheetId: (await movementSheet()).id, version: "1" }),
    fields: { sheetId: "id", version: "version" },
  },
  [`${A}/admin/movement/participants/actions.ts#createParticipantAction`]: {
    actor: "admin",
    setup: async () => ({ code: "PT-MTTQ", name: "Ủy ban MTTQ Việt Nam tỉnh", group: "FRONT_ORGANISATION", authorityId: "" }),
    fields: { code: "text", name: "text", group: "choice", authorityId: "id" },
  },
  [`${A}/admin/movement/participants/actions.ts#updateParticipantAction`]: {
    actor: "admin",
    setup: async () => {
      const p = await t.prisma.movementParticipant.create({ data: { code: "PT-TD", name: "Tỉnh đoàn", group: "FRONT_ORGANISATION" } });
      return { participantId: p.id, version: "1", code: "PT-TD", name: "Tỉnh đoàn Lào Cai", group: "FRONT_ORGANISATION", authorityId: "" };
    },
    fields: { participantId: "id", version: "version", code: "text", name: "text", group: "choice", authorityId: "id" },
  },
  [`${A}/admin/movement/participants/actions.ts#setParticipantActiveAction`]: {
    actor: "admin",
    setup: async () => {
      const p = await t.prisma.movementParticipant.create({ data: { code: "PT-TD", name: "Tỉnh đoàn", group: "FRONT_ORGANISATION" } });
      return { participantId: p.id, version: "1", active: false, reason: "Không còn tham gia phong trào" };
    },
    fields: { participantId: "id", version: "version", active: "choice", reason: "text" },
  },
  [`${A}/admin/registry/communes/actions.ts#createCommuneAction`]: {
    actor: "admin",
    setup: async () => ({ code: "XA-MOI", name: "Xã Mới", communeKind: "XA" }),
    fields: { code: "text", name: "text", communeKind: "choice" },
  },
  [`${A}/admin/registry/communes/actions.ts#updateCommuneAction`]: {
    actor: "admin",
    setup: async (c) => ({ areaId: c.communeB.id, version: 1, code: "B", name: "Phường Bình Mới", communeKind: "PHUONG" }),
    fields: { areaId: "id", version: "version", code: "text", name: "text", communeKind: "choice" },
  },
  [`${A}/admin/registry/communes/actions.ts#setCommuneActiveAction`]: {
    actor: "admin",
    setup: async (c) => {
      // A commune can be deactivated only once it has no active unit.
      await t.prisma.unit.updateMany({ where: { communeId: c.communeB.id }, data: { isActive: false } });
      return { areaId: c.communeB.id, version: 1, active: false, reason: "Sáp nhập vào xã khác" };
    },
    fields: { areaId: "id", version: "version", active: "choice", reason: "text" },
  },
  [`${A}/admin/registry/communes/actions.ts#mergeCommuneAction`]: {
    actor: "admin",
    setup: async (c) => {
      // The fixture's units of B would need a commune-level unit and authorities in A to go to.
      await t.prisma.unit.updateMany({ where: { communeId: c.communeB.id }, data: { isActive: false } });
      return { areaId: c.communeB.id, version: 1, intoAreaId: c.communeA.id, effectiveFrom: "2026-06-01", reason: "Sáp nhập theo nghị quyết" };
    },
    fields: { areaId: "id", version: "version", intoAreaId: "id", effectiveFrom: "date", reason: "text" },
  },
  [`${A}/admin/registry/authorities/actions.ts#createAuthorityAction`]: {
    actor: "admin",
    setup: async (c) => ({ code: "SO-MOI", name: "Sở Mới", kind: "SO_NGANH", documentSymbol: "SM", placeName: "Lào Cai", areaId: c.province.id }),
    fields: { code: "text", name: "text", kind: "choice", documentSymbol: "text", placeName: "text", areaId: "id" },
  },
  [`${A}/admin/registry/authorities/actions.ts#updateAuthorityAction`]: {
    actor: "admin",
    setup: async (c) => ({ authorityId: c.authority.id, version: 1, code: c.authority.code, name: "UBND tỉnh Thử", kind: c.authority.kind, documentSymbol: "UBND", placeName: "Thử", areaId: c.communeA.id }),
    fields: { authorityId: "id", version: "version", name: "text", kind: "choice", documentSymbol: "text", areaId: "id" },
  },
  [`${A}/admin/registry/authorities/actions.ts#setAuthorityActiveAction`]: {
    actor: "admin",
    setup: async (c) => {
      const idle = await t.prisma.authority.create({ data: { code: "SO-CU", name: "Sở cũ", kind: "SO_NGANH", documentSymbol: "SC", placeName: "Thử" } });
      void c;
      return { authorityId: idle.id, version: 1, active: false, reason: "Hợp nhất vào sở khác" };
    },
    fields: { authorityId: "id", version: "version", active: "choice", reason: "text" },
  },
  ["app/(auth)/change-password/actions.ts#changePasswordAction"]: {
    actor: "officer",
    setup: async () => ({ currentPassword: TEST_PASSWORD, newPassword: "Đồi chè xanh 2026", confirmPassword: "Đồi chè xanh 2026" }),
    fields: { currentPassword: "text", newPassword: "text", confirmPassword: "text" },
  },
  [`${A}/dossiers/[dossierId]/review/actions.ts#reviewCriterionAction`]: {
    actor: "reviewer",
    setup: async (c) => {
      const d = await c.dossier("UNDER_REVIEW");
      return { dossierId: d.id, version: String(d.version), criterionId: "CQDN-1", status: "FLAGGED", comment: "Bổ sung biên bản họp." };
    },
    fields: { dossierId: "id", version: "version", criterionId: "criterion", status: "choice", comment: "text" },
  },
  [`${A}/dossiers/[dossierId]/review/actions.ts#agreeRemainingAction`]: {
    actor: "reviewer",
    setup: async (c) => {
      const d = await c.dossier("UNDER_REVIEW");
      return { dossierId: d.id, version: String(d.version) };
    },
    fields: { dossierId: "id", version: "version" },
  },
  [`${A}/dossiers/[dossierId]/review/actions.ts#returnAction`]: {
    actor: "reviewer",
    setup: async (c) => {
      const d = await c.dossier("UNDER_REVIEW");
      await t.prisma.criterionReview.create({ data: { dossierId: d.id, round: 1, criterionId: "CQDN-2", status: "FLAGGED", comment: "Bổ sung", reviewerId: c.reviewer.userId } });
      return { dossierId: d.id, version: String(d.version) };
    },
    fields: { dossierId: "id", version: "version" },
  },
  [`${A}/dossiers/[dossierId]/review/actions.ts#proposeAction`]: {
    actor: "reviewer",
    setup: async (c) => {
      const d = await c.dossier("UNDER_REVIEW");
      return { dossierId: d.id, version: String(d.version) };
    },
    fields: { dossierId: "id", version: "version" },
    baseline: false, // proposing needs every criterion reviewed and met (dossier-workflow.test.ts)
  },
  [`${A}/dossiers/[dossierId]/review/actions.ts#refuseAction`]: {
    actor: "reviewer",
    setup: async (c) => {
      const d = await c.dossier("UNDER_REVIEW");
      return { dossierId: d.id, version: String(d.version), reason: "Không đạt tiêu chí CQDN-1 về phổ biến nội quy." };
    },
    fields: { dossierId: "id", version: "version", reason: "text" },
  },
  [`${A}/dossiers/[dossierId]/self-assessment/actions.ts#saveAnswerAction`]: {
    actor: "officer",
    setup: async (c) => {
      const d = await c.dossier("SELF_ASSESSMENT");
      return { dossierId: d.id, version: String(d.version), criterionId: "CQDN-1", declarations: {}, explanation: "Đã phổ biến nội quy cho toàn thể cán bộ." };
    },
    fields: { dossierId: "id", version: "version", criterionId: "criterion", explanation: "text" },
  },
  [`${A}/dossiers/[dossierId]/self-assessment/actions.ts#saveExtraAnswerAction`]: {
    actor: "officer",
    setup: async (c) => {
      await t.prisma.provincialCriterion.create({ data: { code: "LCI-1", title: "Tiêu chí của tỉnh", unitKinds: ["CQ"], fromYear: 2026, legalBasis: "Quyết định số 1/2026/QĐ-UBND" } });
      const d = await c.dossier("SELF_ASSESSMENT");
      return { dossierId: d.id, version: String(d.version), code: "LCI-1", answer: "true" };
    },
    fields: { dossierId: "id", version: "version", code: "criterion", answer: "choice" },
  },
  [`${A}/dossiers/[dossierId]/self-assessment/actions.ts#removeEvidenceAction`]: {
    actor: "officer",
    setup: async (c) => {
      const d = await c.dossier("SELF_ASSESSMENT");
      const f = await t.prisma.evidenceFile.create({ data: { dossierId: d.id, criterionId: "CQDN-1", fileName: "ke-hoach.pdf", mimeType: "application/pdf", sizeBytes: PDF.length, sha256: "0".repeat(64), storageKey: randomUUID(), uploadedById: c.officer.userId } });
      return { evidenceId: f.id };
    },
    fields: { evidenceId: "id" },
  },
  [`${A}/dossiers/[dossierId]/self-assessment/actions.ts#submitAction`]: {
    actor: "officer",
    setup: async (c) => {
      const d = await c.dossier("SELF_ASSESSMENT");
      return { dossierId: d.id, version: String(d.version) };
    },
    fields: { dossierId: "id", version: "version" },
    baseline: false, // submitting needs every criterion answered (self-assessment.test.ts)
  },
  [`${A}/units/[unitId]/records/facts/actions.ts#saveYearFactsAction`]: {
    actor: "officer",
    setup: async (c) => ({ unitId: c.agencyA.id, year: "2026", version: "0", staffTotal: "40", staffBriefed: "40", staffCommitted: "38", staffLaoDongTienTien: "30", staffChienSiThiDua: "3" }),
    fields: { unitId: "id", year: "year", version: "version", staffTotal: "count", staffBriefed: "count", staffChienSiThiDua: "count" },
  },
  [`${A}/units/[unitId]/records/sub-units/actions.ts#createSubUnitAction`]: {
    actor: "officer",
    setup: async (c) => ({ unitId: c.agencyA.id, name: "Phòng Hành chính", kind: "PHONG", eligibleForRating: true, isSecurityForce: false }),
    fields: { unitId: "id", name: "text", kind: "choice", eligibleForRating: "choice" },
  },
  [`${A}/units/[unitId]/records/sub-units/actions.ts#updateSubUnitAction`]: {
    actor: "officer",
    setup: async (c) => ({ unitId: c.agencyA.id, subUnitId: (await subUnit(c)).id, name: "Phòng Tổng hợp - Hành chính", kind: "PHONG", eligibleForRating: true }),
    fields: { unitId: "id", subUnitId: "id", name: "text", kind: "choice" },
  },
  [`${A}/units/[unitId]/records/sub-units/actions.ts#setSubUnitResultAction`]: {
    actor: "officer",
    setup: async (c) => ({ unitId: c.agencyA.id, subUnitId: (await subUnit(c)).id, year: "2026", result: "TTLDTT", decisionRef: "45/QĐ-STP" }),
    fields: { unitId: "id", subUnitId: "id", year: "year", result: "choice", decisionRef: "text" },
  },
  [`${A}/units/[unitId]/records/sub-units/actions.ts#setSubUnitActiveAction`]: {
    actor: "officer",
    setup: async (c) => ({ unitId: c.agencyA.id, subUnitId: (await subUnit(c)).id, active: false }),
    fields: { unitId: "id", subUnitId: "id", active: "choice" },
  },
  [`${A}/units/[unitId]/records/sub-units/actions.ts#deleteSubUnitAction`]: {
    actor: "officer",
    setup: async (c) => ({ unitId: c.agencyA.id, subUnitId: (await subUnit(c)).id }),
    fields: { unitId: "id", subUnitId: "id" },
  },
  [`${A}/units/[unitId]/records/incidents/actions.ts#createIncidentAction`]: {
    actor: "officer",
    setup: async (c) => incidentInput(c),
    fields: { unitId: "id", code: "choice", occurredOn: "date", title: "text", description: "text", severity: "choice" },
  },
  [`${A}/units/[unitId]/records/incidents/actions.ts#updateIncidentAction`]: {
    actor: "officer",
    setup: async (c) => {
      const { createIncident } = await import("../../lib/records/incidents");
      const { createIncidentSchema } = await import("../../lib/records/incident-schemas");
      const { id } = await createIncident(t.prisma, c.officer, createIncidentSchema.parse(incidentInput(c)));
      return { ...incidentInput(c), incidentId: id, version: "1", title: "Mất trộm tài sản tại kho số 2" };
    },
    fields: { unitId: "id", incidentId: "id", version: "version", occurredOn: "date", title: "text", code: "choice" },
  },
  [`${A}/units/[unitId]/records/incidents/actions.ts#deleteIncidentAction`]: {
    actor: "officer",
    setup: async (c) => {
      const { createIncident } = await import("../../lib/records/incidents");
      const { createIncidentSchema } = await import("../../lib/records/incident-schemas");
      const { id } = await createIncident(t.prisma, c.officer, createIncidentSchema.parse(incidentInput(c)));
      return { unitId: c.agencyA.id, incidentId: id, version: "1" };
    },
    fields: { unitId: "id", incidentId: "id", version: "version" },
  },
  [`${A}/units/[unitId]/records/discipline/actions.ts#createDisciplineAction`]: {
    actor: "officer",
    setup: async (c) => disciplineInput(c),
    fields: { unitId: "id", personId: "id", fullName: "text", personnelType: "choice", position: "text", subUnitId: "id", level: "choice", decidedOn: "date", decisionRef: "text", reason: "text" },
  },
  [`${A}/units/[unitId]/records/discipline/actions.ts#updateDisciplineAction`]: {
    actor: "officer",
    setup: async (c) => {
      const { createDisciplineRecord } = await import("../../lib/records/discipline");
      const { createDisciplineSchema } = await import("../../lib/records/discipline-schemas");
      const { id } = await createDisciplineRecord(t.prisma, c.officer, createDisciplineSchema.parse(disciplineInput(c)));
      return { ...disciplineInput(c), recordId: id, reason: "Vi phạm nội quy cơ quan nhiều lần" };
    },
    fields: { unitId: "id", recordId: "id", fullName: "text", level: "choice", decidedOn: "date", reason: "text", subUnitId: "id" },
  },
  [`${A}/units/[unitId]/records/discipline/actions.ts#deleteDisciplineAction`]: {
    actor: "officer",
    setup: async (c) => {
      const { createDisciplineRecord } = await import("../../lib/records/discipline");
      const { createDisciplineSchema } = await import("../../lib/records/discipline-schemas");
      const { id } = await createDisciplineRecord(t.prisma, c.officer, createDisciplineSchema.parse(disciplineInput(c)));
      return { unitId: c.agencyA.id, recordId: id };
    },
    fields: { unitId: "id", recordId: "id" },
  },
  [`${A}/units/[unitId]/records/models/actions.ts#createModelAction`]: {
    actor: "officer",
    setup: async (c) => modelInput(c),
    fields: { unitId: "id", year: "year", name: "text", description: "text", startedOn: "date" },
  },
  [`${A}/units/[unitId]/records/models/actions.ts#updateModelAction`]: {
    actor: "officer",
    setup: async (c) => {
      const { createMovementModel } = await import("../../lib/records/movement-models");
      const { createModelSchema } = await import("../../lib/records/movement-model-schemas");
      const { id } = await createMovementModel(t.prisma, c.officer, createModelSchema.parse(modelInput(c)));
      return { ...modelInput(c), modelId: id, name: "Tổ tự quản an ninh trật tự khu tập thể" };
    },
    fields: { unitId: "id", modelId: "id", year: "year", name: "text", startedOn: "date" },
  },
  [`${A}/units/[unitId]/records/models/actions.ts#deleteModelAction`]: {
    actor: "officer",
    setup: async (c) => {
      const { createMovementModel } = await import("../../lib/records/movement-models");
      const { createModelSchema } = await import("../../lib/records/movement-model-schemas");
      const { id } = await createMovementModel(t.prisma, c.officer, createModelSchema.parse(modelInput(c)));
      return { unitId: c.agencyA.id, modelId: id };
    },
    fields: { unitId: "id", modelId: "id" },
  },
  [`${A}/units/[unitId]/dossier/actions.ts#registerAction`]: {
    actor: "officer",
    setup: async (c) => ({ ...REGISTRATION, unitId: c.agencyA.id, targetSubUnitsPercent: "90", targetSubUnitsComparator: ">=", noDisciplineFrom: "" }),
    fields: {
      unitId: "id",
      year: "year",
      partyResolutionRef: "text",
      partyResolutionOn: "date",
      planOn: "date",
      registeredOn: "date",
      targetSubUnitsPercent: "count",
      targetSubUnitsComparator: "choice",
      noDisciplineFrom: "choice",
    },
  },
  [`${A}/units/[unitId]/dossier/actions.ts#startSelfAssessmentAction`]: {
    actor: "officer",
    setup: async (c) => {
      const d = await c.dossier("REGISTERED");
      return { dossierId: d.id, version: String(d.version) };
    },
    fields: { dossierId: "id", version: "version" },
  },
  [`${A}/units/[unitId]/dossier/actions.ts#revokeAction`]: {
    actor: "admin",
    setup: async (c) => {
      const d = await c.dossier("RECOGNISED");
      return { dossierId: d.id, version: String(d.version), reason: "Đơn vị để xảy ra vụ việc nghiêm trọng sau khi công nhận.", reference: "15/QĐ-UBND" };
    },
    fields: { dossierId: "id", version: "version", reason: "text", reference: "text" },
    baseline: false, // a recognised dossier carries its decision (decisions tests cover revocation)
  },
  [`${A}/account/actions.ts#revokeAllSessionsAction`]: {
    actor: "officer",
    setup: async () => ({}),
    fields: {}, // takes no input: nothing to spoil
  },
  // Issue 13: the inbox and the person's notification settings.
  [`${A}/account/actions.ts#saveNotificationSettingsAction`]: {
    actor: "officer",
    setup: async () => ({ email: "canbo@laocai.gov.vn", emailKinds: ["DOSSIER_RETURNED"] }),
    fields: { email: "text", "emailKinds.0": "choice" },
  },
  [`${A}/inbox/actions.ts#markReadAction`]: {
    actor: "officer",
    setup: async (c) => {
      const n = await t.prisma.notification.create({ data: { userId: c.officer.userId, kind: "DOSSIER_RETURNED", title: "Hồ sơ bị trả lại", body: "Bổ sung", link: "/", dedupeKey: "bad-input:1" } });
      return { ids: [n.id] };
    },
    fields: { "ids.0": "id" },
  },
  [`${A}/inbox/actions.ts#markAllReadAction`]: {
    actor: "officer",
    setup: async () => ({}),
    fields: {}, // takes no input: nothing to spoil
  },
  [`${A}/decisions/actions.ts#issueDecisionAction`]: {
    actor: "admin",
    setup: async (c) => {
      const d = await c.dossier("PROPOSED");
      return { authorityId: c.authority.id, year: "2026", issuedOn: "2026-11-20", signerName: "Hoàng Quốc Khánh", signerTitle: "Chủ tịch", dossiers: [{ dossierId: d.id, version: String(d.version) }] };
    },
    fields: { authorityId: "id", year: "year", issuedOn: "date", signerName: "text", signerTitle: "text", "dossiers.0.dossierId": "id", "dossiers.0.version": "version" },
  },
  [`${A}/decisions/actions.ts#correctDecisionAction`]: {
    actor: "admin",
    setup: async (c) => {
      const { decision, dossierId } = await issuedDecision(c);
      return { decisionId: decision.id, textVersion: "1", year: "2026", issuedOn: "2026-11-21", signerName: "Hoàng Quốc Khánh", signerTitle: "Chủ tịch", units: [{ dossierId, unitName: "Sở Tư pháp tỉnh" }], note: "Sửa ngày ban hành ghi nhầm." };
    },
    fields: { decisionId: "id", textVersion: "version", year: "year", issuedOn: "date", signerName: "text", signerTitle: "text", "units.0.dossierId": "id", "units.0.unitName": "text", note: "text" },
  },
  [`${A}/decisions/actions.ts#cancelDecisionAction`]: {
    actor: "admin",
    setup: async (c) => {
      const { decision } = await issuedDecision(c);
      return { decisionId: decision.id, textVersion: "1", reason: "Ban hành nhầm danh sách đơn vị.", reference: "05/QĐ-UBND" };
    },
    fields: { decisionId: "id", textVersion: "version", reason: "text", reference: "text" },
  },
  [`${A}/decisions/actions.ts#revokeRecognitionsAction`]: {
    actor: "admin",
    setup: async (c) => {
      const { decision, dossierId } = await issuedDecision(c);
      return { decisionId: decision.id, dossiers: [{ dossierId, version: "2" }], reason: "Đơn vị để xảy ra vụ việc nghiêm trọng sau khi công nhận.", reference: "15/QĐ-UBND" };
    },
    fields: { decisionId: "id", "dossiers.0.dossierId": "id", "dossiers.0.version": "version", reason: "text", reference: "text" },
  },
  // Commendations (issue 14 §3).
  [`${A}/commendations/actions.ts#createProposalAction`]: {
    actor: "reviewer",
    setup: async () => ({ year: "2026", awardKind: "GIAY_KHEN", title: "" }),
    fields: { year: "year", awardKind: "choice", title: "text" },
  },
  [`${A}/commendations/actions.ts#addCollectiveNomineeAction`]: {
    actor: "reviewer",
    setup: async (c) => {
      const { classify } = await import("./awards-world");
      await classify(t.prisma, { unitId: c.agencyA.id }, 2026, 1);
      const p = await commendationProposal(c);
      return { proposalId: p.id, version: "1", unitId: c.agencyA.id, participantId: "", achievement: COMMENDATION_ACHIEVEMENT };
    },
    fields: { proposalId: "id", version: "version", unitId: "id", achievement: "text" },
  },
  [`${A}/commendations/actions.ts#addIndividualNomineeAction`]: {
    actor: "reviewer",
    setup: async (c) => ({ ...(await individualInput(c)), proposalId: (await commendationProposal(c)).id, version: "1" }),
    fields: { proposalId: "id", version: "version", fullName: "text", jobTitle: "text", workUnitId: "id", achievement: "text" },
  },
  [`${A}/commendations/actions.ts#removeNomineeAction`]: {
    actor: "reviewer",
    setup: async (c) => {
      const { p, nominee } = await commendationWithNominee(c);
      return { proposalId: p.id, version: "2", nomineeId: nominee.id };
    },
    fields: { proposalId: "id", version: "version", nomineeId: "id" },
  },
  [`${A}/commendations/actions.ts#submitProposalAction`]: {
    actor: "reviewer",
    setup: async (c) => ({ proposalId: (await commendationWithNominee(c)).p.id, version: "2", submissionNumber: "15/TTr-CAT", submittedOn: "2026-11-26" }),
    fields: { proposalId: "id", version: "version", submissionNumber: "text", submittedOn: "date" },
  },
  [`${A}/commendations/actions.ts#recordAwardDecisionAction`]: {
    actor: "reviewer",
    setup: async (c) => {
      const { submitProposal } = await import("../../lib/awards/proposals");
      const { p } = await commendationWithNominee(c);
      await submitProposal(t.prisma as never, c.reviewer, { proposalId: p.id, version: 2, submissionNumber: "15/TTr-CAT", submittedOn: "2026-11-26" });
      return { proposalId: p.id, version: "3", authorityId: c.authority.id, issuerName: "", number: "", issuedOn: "2026-11-28", signerName: "Hoàng Quốc Khánh", signerTitle: "Chủ tịch" };
    },
    fields: { proposalId: "id", version: "version", authorityId: "id", issuedOn: "date", signerName: "text", signerTitle: "text" },
  },
  [`${A}/commendations/actions.ts#withdrawProposalAction`]: {
    actor: "reviewer",
    setup: async (c) => ({ proposalId: (await commendationProposal(c)).id, version: "1", reason: "Đã gộp vào đề nghị khác." }),
    fields: { proposalId: "id", version: "version", reason: "text" },
  },
  // ── Reports of plan 195/KH-UBND (issue 14 §4) ──
  [`${A}/units/[unitId]/movement-report/actions.ts#saveUnitReportAction`]: {
    actor: "officer",
    setup: async (c) => ({ ...MOVEMENT_REPORT, unitId: c.agencyA.id }),
    fields: { unitId: "id", year: "year", version: "version", results: "text", difficulties: "text", propagandaSessions: "count", modelsCount: "count", intent: "choice" },
  },
  [`${A}/movement/reports/actions.ts#saveParticipantReportAction`]: {
    actor: "reviewer",
    setup: async () => ({ ...MOVEMENT_REPORT, participantId: (await participant()).id }),
    fields: { participantId: "id", year: "year", version: "version", results: "text", proposals: "text", tipsReceived: "count", intent: "choice" },
  },
  [`${A}/movement/reports/actions.ts#returnReportAction`]: {
    actor: "reviewer",
    setup: async (c) => {
      const { saveUnitReport } = await import("../../lib/movement/reports");
      const { unitReportSchema } = await import("../../lib/movement/report-schemas");
      const r = await saveUnitReport(t.prisma, c.officer, unitReportSchema.parse({ ...MOVEMENT_REPORT, unitId: c.agencyA.id, intent: "submit" }));
      return { reportId: r.id, version: String(r.version), reason: "Thiếu số liệu tuyên truyền." };
    },
    fields: { reportId: "id", version: "version", reason: "text" },
  },
  [`${A}/movement/reports/actions.ts#buildProvinceReportAction`]: {
    actor: "reviewer",
    setup: async () => ({ year: "2026" }),
    fields: { year: "year" },
  },
  [`${A}/movement/reports/actions.ts#markProvinceReportSentAction`]: {
    actor: "reviewer",
    setup: async (c) => {
      const { buildProvinceReport } = await import("../../lib/movement/province-report");
      const r = await buildProvinceReport(t.prisma, c.reviewer, 2026);
      return { reportId: r.id, version: String(r.version), number: "125/BC-CAT", sentOn: "19/11/2026" };
    },
    fields: { reportId: "id", version: "version", number: "text", sentOn: "date" },
  },

  // ── The movement's evaluation (issue 14 §2) ──
  [`${A}/movement/actions.ts#openUnitEvaluationAction`]: {
    actor: "officer",
    setup: async (c) => {
      await seedSheet(t.prisma, "AGENCY_ENTERPRISE");
      return { unitId: c.agencyA.id, year: "2026" };
    },
    fields: { unitId: "id", year: "year" },
  },
  [`${A}/movement/actions.ts#openParticipantEvaluationAction`]: {
    actor: "reviewer",
    setup: async () => {
      await seedSheet(t.prisma, "PROVINCIAL_DEPARTMENT");
      const p = await t.prisma.movementParticipant.create({ data: { code: "STP", name: "Sở Tư pháp", group: "PROVINCIAL_DEPARTMENT" } });
      return { participantId: p.id, year: "2026" };
    },
    fields: { participantId: "id", year: "year" },
  },
  [`${A}/movement/actions.ts#saveSelfScoresAction`]: {
    actor: "officer",
    setup: async (c) => {
      const { id, criteria } = await movementEvaluation(c, false);
      return { evaluationId: id, version: "1", lines: [{ criterionId: criteria["CQDN-6"], selfPoints: "25,5", explanation: "Đã phối hợp tuần tra" }] };
    },
    fields: { evaluationId: "id", version: "version", "lines.0.criterionId": "id", "lines.0.explanation": "text" },
  },
  [`${A}/movement/actions.ts#submitEvaluationAction`]: {
    actor: "officer",
    setup: async (c) => {
      const { id, version } = await movementEvaluation(c, false, true);
      return { evaluationId: id, version: String(version) };
    },
    fields: { evaluationId: "id", version: "version" },
  },
  [`${A}/movement/actions.ts#saveReviewAction`]: {
    actor: "reviewer",
    setup: async (c) => {
      const { id, version, criteria } = await movementEvaluation(c, true);
      return { evaluationId: id, version: String(version), lines: [{ criterionId: criteria["CQDN-6"], reviewedPoints: "20", comment: "Đạt", flagged: false }] };
    },
    fields: { evaluationId: "id", version: "version", "lines.0.criterionId": "id", "lines.0.comment": "text", "lines.0.flagged": "choice" },
  },
  [`${A}/movement/actions.ts#returnEvaluationAction`]: {
    actor: "reviewer",
    setup: async (c) => {
      const { id, version } = await movementEvaluation(c, true);
      return { evaluationId: id, version: String(version), reason: "Đề nghị bổ sung minh chứng" };
    },
    fields: { evaluationId: "id", version: "version", reason: "text" },
  },
  [`${A}/movement/actions.ts#removeMovementEvidenceAction`]: {
    actor: "officer",
    setup: async (c) => {
      const { id, criteria } = await movementEvaluation(c, false);
      const file = await t.prisma.movementEvidenceFile.create({
        data: { evaluationId: id, criterionId: criteria["CQDN-6"]!, fileName: "bao-cao.pdf", mimeType: "application/pdf", sizeBytes: PDF.length, sha256: "0".repeat(64), storageKey: randomUUID() },
      });
      return { evaluationId: id, fileId: file.id };
    },
    fields: { evaluationId: "id", fileId: "id" },
  },
  [`${A}/movement/actions.ts#classifyEvaluationAction`]: {
    actor: "reviewer",
    setup: async (c) => {
      const { id, version } = await movementEvaluation(c, true);
      return { evaluationId: id, version: String(version) };
    },
    fields: { evaluationId: "id", version: "version" },
  },
};

/** A draft movement sheet of the commune group (two lines, 100 points, the default classes), written directly. */
async function movementSheet(year = 2027) {
  const { defaultClasses } = await import("../../lib/movement/sheet-rules");
  const sheet = await t.prisma.scoringSheet.create({
    data: {
      year,
      group: "COMMUNE",
      title: `Bảng chấm điểm năm ${year}: xã, phường`,
      source: "Kế hoạch 195/KH-UBND ngày 17/12/2025",
      criteria: { create: [{ code: "PT-XA-1", position: 1, text: "Quý I, Đảng ủy có nghị quyết", maxPoints: "60" }, { code: "PT-XA-2", position: 2, text: "Có kế hoạch bảo đảm an ninh, trật tự", maxPoints: "40" }] },
      classes: { create: defaultClasses("COMMUNE").map((c, i) => ({ ...c, rank: i + 1, minPoints: c.minPoints.toFixed(2) })) },
    },
    include: { criteria: { orderBy: { position: "asc" } } },
  });
  return { id: sheet.id, lines: sheet.criteria.map((c) => c.id) };
}

// Commendations (issue 14 §3): a Giấy khen proposal, with one individual nominee where needed.
const COMMENDATION_ACHIEVEMENT = "Tích cực tham gia phong trào, phát hiện và báo tin kịp thời nhiều vụ việc.";
async function commendationProposal(c: Ctx) {
  const { createProposal } = await import("../../lib/awards/proposals");
  return createProposal(t.prisma as never, c.reviewer, { year: 2026, awardKind: "GIAY_KHEN", title: null });
}
async function individualInput(c: Ctx) {
  return { fullName: "Nguyễn Thị Hoa", jobTitle: "Công an viên", workUnitId: c.agencyA.id, workParticipantId: "", achievement: COMMENDATION_ACHIEVEMENT };
}
async function commendationWithNominee(c: Ctx) {
  const { addIndividualNominee } = await import("../../lib/awards/proposals");
  const p = await commendationProposal(c);
  const nominee = await addIndividualNominee(t.prisma as never, c.reviewer, { ...(await individualInput(c)), proposalId: p.id, version: 1, workParticipantId: null });
  return { p, nominee };
}

/** A plan 195 report as its form sends it (issue 14 §4). */
const MOVEMENT_REPORT = { year: "2026", version: "0", intent: "save", results: "Tổ chức 12 buổi tuyên truyền.", models: "", propaganda: "", difficulties: "", proposals: "", propagandaSessions: "12", propagandaAttendees: "", modelsCount: "2", tipsReceived: "" };
const participant = () => t.prisma.movementParticipant.create({ data: { code: `SO-${randomUUID().slice(0, 8)}`, name: "Sở Tư pháp", group: "PROVINCIAL_DEPARTMENT" } });

/** A decision issued by the real use-case, recognising one PROPOSED dossier of agency A. */
async function issuedDecision(c: Ctx) {
  const { issueDecision } = await import("../../lib/dossiers/decisions");
  const d = await c.dossier("PROPOSED");
  const decision = await issueDecision(t.prisma as never, c.admin, { authorityId: c.authority.id, year: 2026, issuedOn: "2026-11-20", signerName: "Hoàng Quốc Khánh", signerTitle: "Chủ tịch", dossiers: [{ dossierId: d.id, version: d.version }] });
  return { decision, dossierId: d.id };
}

// ───────────── Checks ─────────────

const VIETNAMESE = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;
const ENGLISH = /\b(invalid|expected|received|too (big|small)|required|must|string|number|nan|uuid|option|input)\b/i;

function messagesOf(result: unknown): string[] {
  const r = result as { message?: unknown; fieldErrors?: Record<string, unknown[]> };
  return [r.message, ...Object.values(r.fieldErrors ?? {}).flat()].map(String);
}

/** Every row of every table, hashed: any write shows. One statement, so it stays cheap. */
async function fingerprint(): Promise<string> {
  const tables = await t.prisma.$queryRawUnsafe<{ table_name: string }[]>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations' ORDER BY table_name`,
  );
  const parts = tables.map((x) => `SELECT '${x.table_name}' AS t, md5(coalesce(string_agg(r::text, '|' ORDER BY r::text), '')) AS h FROM "${x.table_name}" r`);
  const rows = await t.prisma.$queryRawUnsafe<{ t: string; h: string }[]>(parts.join(" UNION ALL "));
  return rows.map((r) => `${r.t}:${r.h}`).sort().join(",");
}

function withValue(input: Record<string, unknown>, field: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(input);
  const keys = field.split(".");
  let at: Record<string, unknown> = copy;
  for (const k of keys.slice(0, -1)) at = at[k] as Record<string, unknown>;
  at[keys.at(-1)!] = value;
  return copy;
}

async function serverActionExports(): Promise<string[]> {
  const found: string[] = [];
  async function walk(dir: string) {
    for (const entry of await readdir(path.join(ROOT, dir), { withFileTypes: true })) {
      const rel = path.posix.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "node_modules" && entry.name !== "generated") await walk(rel);
      } else if (/\.tsx?$/.test(entry.name) && /^\s*["']use server["']/.test(await readFile(path.join(ROOT, rel), "utf8"))) {
        const mod = (await import(path.join(ROOT, rel))) as Record<string, unknown>;
        for (const [name, value] of Object.entries(mod)) if (typeof value === "function") found.push(`${rel}#${name}`);
      }
    }
  }
  for (const dir of ["app", "lib", "components"]) await walk(dir);
  return found.sort();
}

describe("bad input to every server action", () => {
  it("the table covers every exported server action", async () => {
    expect(Object.keys(TABLE).sort()).toEqual(await serverActionExports());
  });

  for (const [key, entry] of Object.entries(TABLE)) {
    it(key.replace(`${A}/`, ""), async () => {
      const [file, name] = key.split("#") as [string, string];
      const action = ((await import(path.join(ROOT, file))) as Record<string, (input: unknown) => Promise<unknown>>)[name]!;
      const c = await world();
      const valid = await entry.setup(c);
      session.actor = c[entry.actor];
      const problems: string[] = [];
      const before = await fingerprint();
      cases: for (const [field, cls] of Object.entries(entry.fields)) {
        for (const [label, value] of Object.entries(CLASSES[cls])) {
          const what = `${field}=${cls}.${label}`;
          let result: unknown;
          try {
            result = await action(withValue(valid, field, value));
          } catch (error) {
            problems.push(`${what}: threw ${(error as Error).name}: ${String((error as Error).message).slice(0, 160)}`);
            if ((await fingerprint()) !== before) {
              problems.push(`${what}: wrote to the database`);
              break cases;
            }
            continue;
          }
          // BAD_INPUT_LOG=1 shows every answer, to see why a case was refused.
          if (process.env.BAD_INPUT_LOG) console.log(what, JSON.stringify(result).slice(0, 200));
          if ((result as { ok?: boolean }).ok !== false) problems.push(`${what}: accepted`);
          else {
            for (const m of messagesOf(result)) {
              if (!VIETNAMESE.test(m) || ENGLISH.test(m)) problems.push(`${what}: message not Vietnamese: ${m.slice(0, 160)}`);
            }
          }
          if ((await fingerprint()) !== before) {
            problems.push(`${what}: wrote to the database`);
            break cases; // the world has changed; later cases of this action would mislead
          }
        }
      }
      expect(problems).toEqual([]);
      if (entry.baseline !== false) expect(await action(valid)).toMatchObject({ ok: true });
    });
  }
});
