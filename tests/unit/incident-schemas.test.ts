/** The incident form's person rules (issue 9 §4): who, on what basis, with which discipline. */
import { describe, expect, it } from "vitest";
import { createIncidentSchema, DISCIPLINE_LEVELS_FOR_ROLE, updateIncidentSchema } from "@/lib/records/incident-schemas";

const UNIT = "00000000-0000-4000-8000-000000000001";
const base = (extra: object) => ({ unitId: UNIT, occurredOn: "2026-03-02", title: "Vụ việc thử", ...extra });

function issues(input: object): Record<string, string> {
  const parsed = createIncidentSchema.safeParse(base(input));
  if (parsed.success) return {};
  return Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), i.message]));
}

describe("person codes need who, the basis and (for a social evil) the discipline", () => {
  it("STAFF_ANTT_SANCTION_OR_EVIL without person or basis is refused in Vietnamese", () => {
    const e = issues({ code: "STAFF_ANTT_SANCTION_OR_EVIL" });
    expect(e.personRole).toMatch(/Vui lòng chọn người vi phạm/);
    expect(e.personBasis).toMatch(/Vui lòng chọn căn cứ/);
  });

  it("a social evil needs the discipline level; one not on the role's ladder is refused", () => {
    expect(issues({ code: "STAFF_ANTT_SANCTION_OR_EVIL", personRole: "STAFF", personBasis: "SOCIAL_EVIL" }).disciplineLevel).toMatch(/hình thức kỷ luật/);
    expect(issues({ code: "MEMBER_CRIME_OR_EVIL_DISCIPLINED", personRole: "LEARNER", personBasis: "SOCIAL_EVIL", disciplineLevel: "CACH_CHUC" }).disciplineLevel).toBe(
      "Hình thức “Cách chức” không áp dụng với người học.",
    );
    expect(DISCIPLINE_LEVELS_FOR_ROLE.WORKER).toContain("KEO_DAI_NANG_LUONG");
  });

  it("who and the basis must fit the code", () => {
    expect(issues({ code: "STAFF_ANTT_SANCTION_OR_EVIL", personRole: "LEARNER", personBasis: "ANTT_ADMIN_SANCTION" }).personRole).toMatch(/không áp dụng với người học/);
    expect(issues({ code: "STAFF_ANTT_SANCTION_OR_EVIL", personRole: "STAFF", personBasis: "CRIME" }).personBasis).toMatch(/Tội phạm từ nghiêm trọng trở lên/);
    expect(issues({ code: "MEMBER_CRIME_OR_EVIL_DISCIPLINED", personRole: "TEACHER", personBasis: "ANTT_ADMIN_SANCTION" }).personBasis).toMatch(/không thuộc Điều 7 khoản 4/);
  });

  it("a crime under the Đ7 k4 code needs its class; a serious one belongs to SERIOUS_CRIME", () => {
    expect(issues({ code: "MEMBER_CRIME_OR_EVIL_DISCIPLINED", personRole: "LEARNER", personBasis: "CRIME" }).severity).toBe("Vui lòng chọn loại tội phạm.");
    expect(issues({ code: "MEMBER_CRIME_OR_EVIL_DISCIPLINED", personRole: "LEARNER", personBasis: "CRIME", severity: "NGHIEM_TRONG" }).severity).toMatch(/Tội phạm từ nghiêm trọng trở lên/);
    const ok = createIncidentSchema.parse(base({ code: "MEMBER_CRIME_OR_EVIL_DISCIPLINED", personRole: "LEARNER", personBasis: "CRIME", severity: "IT_NGHIEM_TRONG", disciplineLevel: "CANH_CAO" }));
    expect(ok).toMatchObject({ personRole: "LEARNER", personBasis: "CRIME", severity: "IT_NGHIEM_TRONG", disciplineLevel: null });
  });

  it("a complete record passes; the update schema applies the same rules", () => {
    const ok = createIncidentSchema.parse(base({ code: "STAFF_ANTT_SANCTION_OR_EVIL", personRole: "WORKER", personBasis: "SOCIAL_EVIL", disciplineLevel: "KEO_DAI_NANG_LUONG" }));
    expect(ok).toMatchObject({ personRole: "WORKER", personBasis: "SOCIAL_EVIL", disciplineLevel: "KEO_DAI_NANG_LUONG", severity: null });
    const stale = updateIncidentSchema.safeParse({ ...base({ code: "STAFF_ANTT_SANCTION_OR_EVIL" }), incidentId: UNIT, version: 1 });
    expect(stale.success).toBe(false);
  });

  it("an invalid choice gets its field's message, not a crash", () => {
    expect(issues({ code: "STAFF_ANTT_SANCTION_OR_EVIL", personRole: "ALIEN", personBasis: "SOCIAL_EVIL", disciplineLevel: "CANH_CAO" }).personRole).toBe("Người liên quan không hợp lệ.");
  });
});

describe("facts that do not apply are cleared", () => {
  it("a fire keeps no person; a serious crime keeps who but no basis or discipline", () => {
    const fire = createIncidentSchema.parse(base({ code: "SERIOUS_FIRE_EXPLOSION", personRole: "STAFF", personBasis: "SOCIAL_EVIL", disciplineLevel: "CANH_CAO" }));
    expect(fire).toMatchObject({ personRole: null, personBasis: null, disciplineLevel: null });
    const crime = createIncidentSchema.parse(base({ code: "SERIOUS_CRIME", severity: "NGHIEM_TRONG", personRole: "LEARNER", personBasis: "SOCIAL_EVIL", disciplineLevel: "CANH_CAO" }));
    expect(crime).toMatchObject({ personRole: "LEARNER", personBasis: null, disciplineLevel: null, severity: "NGHIEM_TRONG" });
  });

  it("the person is optional on a serious crime, and an administrative fine keeps no discipline", () => {
    expect(createIncidentSchema.parse(base({ code: "SERIOUS_CRIME", severity: "NGHIEM_TRONG" }))).toMatchObject({ personRole: null });
    const fine = createIncidentSchema.parse(base({ code: "STAFF_ANTT_SANCTION_OR_EVIL", personRole: "STAFF", personBasis: "ANTT_ADMIN_SANCTION", disciplineLevel: "CANH_CAO" }));
    expect(fine).toMatchObject({ personBasis: "ANTT_ADMIN_SANCTION", disciplineLevel: null });
  });
});
