import { describe, expect, it } from "vitest";
import { calendarOrderProblems, defaultCycleCalendar, selfAssessmentEndOf } from "./cycle-calendar";
import { cycleCalendarSchema } from "./cycle-calendar-schema";

const form = {
  year: "2026",
  version: "0",
  registrationEnd: "31/03/2026",
  selfAssessmentEndKdc: "31/10/2026",
  selfAssessmentEndOthers: "15/11/2026",
  unitReportEnd: "15/11/2026",
  provinceReportEnd: "20/11/2026",
  reminderOffsets: "14, 3",
};
const errors = (input: Record<string, unknown>) => {
  const r = cycleCalendarSchema.safeParse(input);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
};

describe("the built-in calendar", () => {
  it("is the constants it replaces, with the KDC dossier due when its window closes", () => {
    const c = defaultCycleCalendar(2026);
    expect(c).toMatchObject({ registrationEnd: "2026-03-31", selfAssessmentEndKdc: "2026-10-31", selfAssessmentEndOthers: "2026-11-15", unitReportEnd: "2026-11-15", provinceReportEnd: "2026-11-20", reminderOffsets: [14, 3], version: null });
    expect(selfAssessmentEndOf(c, "KDC")).toBe("2026-10-31");
    expect(selfAssessmentEndOf(c, "CSGD")).toBe("2026-11-15");
    expect(calendarOrderProblems(c)).toEqual([]);
  });
});

describe("cycleCalendarSchema", () => {
  it("accepts dd/mm/yyyy dates and '14, 3', normalising offsets", () => {
    const r = cycleCalendarSchema.parse({ ...form, reminderOffsets: "3 14 3" });
    expect(r).toMatchObject({ year: 2026, version: 0, registrationEnd: "2026-03-31", reminderOffsets: [14, 3] });
  });

  it("refuses missing and invalid dates in Vietnamese", () => {
    expect(errors({ ...form, registrationEnd: "" })).toEqual({ registrationEnd: "Vui lòng nhập hạn đăng ký phấn đấu." });
    expect(errors({ ...form, unitReportEnd: "31/02/2026" })).toEqual({ unitReportEnd: "Ngày không hợp lệ (nhập theo dạng dd/mm/yyyy)." });
  });

  it("refuses dates outside the year and out of the cycle's order", () => {
    expect(errors({ ...form, provinceReportEnd: "20/11/2027" })).toEqual({ provinceReportEnd: "Ngày phải thuộc năm 2026." });
    expect(errors({ ...form, selfAssessmentEndKdc: "01/03/2026" })).toEqual({ selfAssessmentEndKdc: "Hạn nộp hồ sơ tự đánh giá phải sau hạn đăng ký phấn đấu." });
    expect(errors({ ...form, unitReportEnd: "21/11/2026" })).toEqual({ provinceReportEnd: "Hạn Công an tỉnh báo cáo UBND tỉnh không được trước hạn các đơn vị báo cáo Công an tỉnh." });
  });

  it("refuses bad offsets", () => {
    for (const bad of ["", "0", "61", "1, 2, 3, 4, 5", "abc", "-3", "1.5"]) {
      expect(errors({ ...form, reminderOffsets: bad }), bad).toEqual({ reminderOffsets: "Nhập từ 1 đến 4 số ngày, cách nhau bằng dấu phẩy, mỗi số từ 1 đến 60 (ví dụ: 14, 3)." });
    }
  });
});
