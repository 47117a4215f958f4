import { describe, expect, it } from "vitest";
import { UNIT_KINDS, type UnitKind } from "@/lib/domain/vocabulary";
import { defaultCycleCalendar, type CycleCalendar } from "@/lib/workflow/cycle-calendar";
import { digestDue, dueReminders, isoWeek, isoWeekday, stageLabel } from "./due";

const decisions = (year: number): Record<UnitKind, string> =>
  Object.fromEntries(UNIT_KINDS.map((k) => [k, k === "KDC" ? `${year}-11-15` : `${year}-11-20`])) as Record<UnitKind, string>;
const cal = defaultCycleCalendar(2026);
const ids = (today: string, c: CycleCalendar = cal) => dueReminders(c, decisions(c.year), today).map((d) => d.id);

/** Every day of a year, yyyy-mm-dd. */
function daysOf(year: number): string[] {
  const out: string[] = [];
  for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

describe("dueReminders", () => {
  it("is due 14 and 3 days before a deadline and the day after it, with stable ids", () => {
    expect(ids("2026-03-17")).toEqual(["2026:registration:14"]);
    expect(ids("2026-03-28")).toEqual(["2026:registration:3"]);
    expect(ids("2026-04-01")).toEqual(["2026:registration:overdue"]);
    // 31/10 (KDC self-assessment) and 15/11 (KDC decision) fall 14 days before the 1/11 and 15/11 reminders.
    expect(ids("2026-11-01")).toEqual(["2026:self-assessment-kdc:overdue", "2026:self-assessment:14", "2026:unit-report:14", "2026:decision-11-15:14"]);
    const nov17 = dueReminders(cal, decisions(2026), "2026-11-17");
    expect(nov17.map((d) => d.id)).toEqual(["2026:province-report:3", "2026:decision-11-20:3"]);
    expect(nov17[1]).toMatchObject({ deadline: "decision", date: "2026-11-20", kinds: ["XA", "CQ", "DN", "CSGD"], stage: "3", daysLeft: 3, label: "còn 3 ngày" });
  });

  it("says nothing on any other day of the year", () => {
    const dates = ["2026-03-31", "2026-10-31", "2026-11-15", "2026-11-20"];
    const dueDays = new Set(dates.flatMap((d) => [-14, -3, 1].map((n) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10))));
    for (const day of daysOf(2026)) {
      expect(ids(day).length > 0, day).toBe(dueDays.has(day));
    }
  });

  it("follows the calendar's own dates and offsets", () => {
    const c: CycleCalendar = { ...cal, registrationEnd: "2026-04-15", reminderOffsets: [7] };
    expect(ids("2026-04-08", c)).toEqual(["2026:registration:7"]);
    expect(ids("2026-04-01", c)).toEqual([]);
    expect(ids("2026-03-17", c)).toEqual([]);
  });

  it("groups decision deadlines by date", () => {
    const d = { ...decisions(2026), XA: "2026-11-30" };
    expect(dueReminders(cal, d, "2026-11-27").map((x) => [x.id, x.kinds])).toEqual([["2026:decision-11-30:3", ["XA"]]]);
    expect(dueReminders(cal, d, "2026-11-17").map((x) => [x.id, x.kinds])).toEqual([["2026:province-report:3", []], ["2026:decision-11-20:3", ["CQ", "DN", "CSGD"]]]);
  });

  it("labels", () => {
    expect(stageLabel(14)).toBe("còn 14 ngày");
    expect(stageLabel(-1)).toBe("đã quá hạn");
  });
});

describe("weekly digest", () => {
  it("is due on Mondays, keyed by ISO week", () => {
    expect(isoWeekday("2026-11-30")).toBe(1);
    expect(digestDue("2026-11-30")).toBe(true);
    expect(digestDue("2026-11-29")).toBe(false);
    expect(isoWeek("2026-11-30")).toBe("2026-W49");
    expect(isoWeek("2027-01-01")).toBe("2026-W53");
    expect(isoWeek("2026-01-01")).toBe("2026-W01");
  });
});
