import { describe, expect, it } from "vitest";
import { decisionFormSchema } from "@/components/decisions/decision-form-schema";
import { refusalSchema, registrationFormSchema, revocationSchema } from "@/lib/dossiers/dossier-schemas";
import { createUserSchema } from "@/lib/users/user-schemas";
import { z } from "zod";
import { parseDashboardParams } from "@/components/dashboard/dashboard-params";
import { bigintParam, CONTROL_CHARACTER_MESSAGE, MAX_SEARCH_PARAM_LENGTH, optionalText, parseSearchParams, requiredText, searchParam, todayInVietnam, toIsoDate } from "@/lib/validation/input-rules";

const UNIT = "5b7f4c1e-8d2a-4e6b-9c3d-1a2b3c4d5e6f";
const DOSSIER = { dossierId: "6c8e5d2f-9e3b-4f7c-8d4e-2b3c4d5e6f70", version: 1 };
const messagesOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));

describe("calendar dates", () => {
  it.each(["2026-02-30", "30/02/2026", "2026-04-31", "31/04/2026", "0000-01-01", "2026-13-01", "2101-01-01", "1899-12-31", "2026-2-3x"])("%s is not a date anyone means", (value) => {
    expect(toIsoDate(value)).toBeNull();
  });
  it("accepts real days in either form", () => {
    expect(toIsoDate("29/02/2024")).toBe("2024-02-29");
    expect(toIsoDate("2026-03-31")).toBe("2026-03-31");
  });

  it("registration refuses 30/02 and 31/04 instead of storing 2/3 and 1/5", () => {
    const base = { unitId: UNIT, year: 2026, planRef: "12/KH-STP", commitmentRef: "01/ĐK", commitmentOn: "2026-03-01" };
    const result = registrationFormSchema.safeParse({ ...base, planOn: "2026-02-30", registeredOn: "2026-04-31" });
    expect(messagesOf(result)).toEqual({ planOn: "Ngày kế hoạch không hợp lệ (dd/mm/yyyy).", registeredOn: "Ngày đăng ký không hợp lệ (dd/mm/yyyy)." });
    expect(registrationFormSchema.safeParse({ ...base, planOn: "0000-02-20" }).success).toBe(false);
    expect(registrationFormSchema.safeParse({ ...base, planOn: "2026-02-20" }).success).toBe(true);
  });
});

describe("decision dates", () => {
  const decision = (issuedOn: string, year = 2026) => ({ authorityId: UNIT, year, issuedOn, signerName: "Nguyễn Văn A", signerTitle: "Chủ tịch", dossiers: [DOSSIER] });
  const tomorrow = new Date(Date.parse(`${todayInVietnam()}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

  it("refuses a date in the future, a date outside the year's window and a day that does not exist", () => {
    expect(messagesOf(decisionFormSchema.safeParse(decision(tomorrow, Number(tomorrow.slice(0, 4)))))).toEqual({ issuedOn: "Ngày ban hành không được sau ngày hôm nay." });
    expect(messagesOf(decisionFormSchema.safeParse(decision("2025-12-31")))).toEqual({ issuedOn: "Ngày ban hành phải thuộc năm 2026 hoặc đầu năm 2027." });
    expect(messagesOf(decisionFormSchema.safeParse(decision("2026-02-30")))).toEqual({ issuedOn: "Ngày ban hành không hợp lệ (dd/mm/yyyy)." });
  });

  it("accepts a decision signed in its year or the next, up to today", () => {
    expect(decisionFormSchema.safeParse(decision("2026-11-20")).success).toBe(true);
    expect(decisionFormSchema.safeParse(decision("2025-01-15", 2024)).success).toBe(true);
  });
});

describe("text without control characters", () => {
  it.each(["\u0000", "\u0007", "\u001b[31m", "\u007f"])("refuses %j in every kind of text field", (bad) => {
    expect(requiredText("Thiếu", 100, "Dài").safeParse(`Tên${bad}`).error?.issues[0]?.message).toBe(CONTROL_CHARACTER_MESSAGE);
    expect(optionalText(100, "Dài").safeParse(`Ghi chú${bad}`).error?.issues[0]?.message).toBe(CONTROL_CHARACTER_MESSAGE);
    expect(messagesOf(refusalSchema.safeParse({ ...DOSSIER, reason: `Hồ sơ thiếu minh chứng${bad} tiêu chí 2` }))).toEqual({ reason: CONTROL_CHARACTER_MESSAGE });
    expect(messagesOf(revocationSchema.safeParse({ ...DOSSIER, reason: "Có quyết định thu hồi của UBND", reference: `12/QĐ${bad}` }))).toEqual({ reference: CONTROL_CHARACTER_MESSAGE });
    const user = createUserSchema.safeParse({ username: "canbo.moi", fullName: `Bùi Thị${bad} Hạnh`, password: "SoTaiChinh2026", role: "LEADER" });
    expect(messagesOf(user).fullName).toBe(CONTROL_CHARACTER_MESSAGE);
    const registration = registrationFormSchema.safeParse({ unitId: UNIT, year: 2026, planRef: `12/KH${bad}`, planOn: "2026-02-20" });
    expect(messagesOf(registration)).toEqual({ planRef: CONTROL_CHARACTER_MESSAGE });
  });

  it("keeps line breaks and tabs in long texts", () => {
    expect(optionalText(100, "Dài").parse("Dòng 1\n\tDòng 2")).toBe("Dòng 1\n\tDòng 2");
  });
});

describe("URL filters", () => {
  const schema = z.object({
    q: z.string().max(100).optional().catch(undefined),
    year: z.coerce.number().int().min(2022).max(2100).optional().catch(undefined),
    before: bigintParam.optional().catch(undefined),
  });

  it("drops a value with NUL or another control character, an over-long one, and keeps the first of repeats", () => {
    expect(searchParam({ q: "Xã\u0000An" }, "q")).toBeUndefined();
    expect(searchParam({ q: "\u001b[31m" }, "q")).toBeUndefined();
    expect(searchParam({ q: "a".repeat(MAX_SEARCH_PARAM_LENGTH + 1) }, "q")).toBeUndefined();
    expect(searchParam({ q: ["  Phường Bình ", "khác"] }, "q")).toBe("Phường Bình");
    expect(searchParam(new URLSearchParams("q=%00&year=2026"), "q")).toBeUndefined();
    expect(searchParam(new URLSearchParams("q=%00&year=2026"), "year")).toBe("2026");
    expect(searchParam({}, "q")).toBeUndefined();
  });

  it("parses a page's filters, one bad value dropping only itself", () => {
    expect(parseSearchParams(schema, { q: "An\u0000", year: "2026", before: "99999999999999999999" })).toEqual({ q: undefined, year: 2026, before: undefined });
    expect(parseSearchParams(schema, { q: "An", year: "0000", before: "42" })).toEqual({ q: "An", year: undefined, before: 42n });
    expect(parseSearchParams(schema, { before: "-1", year: "2026.5" })).toEqual({ q: undefined, year: undefined, before: undefined });
    expect(parseSearchParams(schema, new URLSearchParams("before=1e5&year=%00"))).toEqual({ q: undefined, year: undefined, before: undefined });
  });

  it("dashboard filters go through the same parser", () => {
    expect(parseDashboardParams(new URLSearchParams("year=2026%00&kind=KDC%00&sort=%00name"), 2025)).toEqual({ filters: { year: 2025 } });
  });
});
