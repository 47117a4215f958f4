import { describe, expect, it } from "vitest";
import { describeHistoryEvent, shortTitle } from "./history-rows";

const titles = new Map([
  ["CQDN-2", "Chấp hành tốt chủ trương của Đảng, chính sách, pháp luật của Nhà nước; phối hợp với Công an trong công tác bảo đảm an ninh, trật tự"],
  ["CQDN-1", "Ngắn"],
]);
const names = new Map([["u-1", "Nguyễn Văn Thẩm"]]);
const at = new Date("2026-11-10T03:00:00Z");

describe("dossier history rows", () => {
  it("name the criterion (code and a short title), the verdict and the person's full name", () => {
    const row = describeHistoryEvent(
      { id: 7n, at, actorId: "u-1", actorUsername: "thamdinh.tinh", action: "dossier.criterion_reviewed", before: null, after: { criterionId: "CQDN-2", round: 1, status: "FLAGGED", comment: "Bổ sung báo cáo" } },
      titles,
      names,
    );
    expect(row).toMatchObject({ id: "7", label: "Thẩm định tiêu chí", actor: "Nguyễn Văn Thẩm", detail: "Yêu cầu bổ sung: Bổ sung báo cáo" });
    expect(row.criteria).toEqual([{ id: "CQDN-2", title: "Chấp hành tốt chủ trương của Đảng, chính sách, pháp luật…" }]);
  });

  it("fall back to the login name when the person is unknown, and to 'Hệ thống' without one", () => {
    expect(describeHistoryEvent({ id: 1, at, actorId: "gone", actorUsername: "cu", action: "dossier.submit", before: null, after: null }, titles, names).actor).toBe("cu");
    expect(describeHistoryEvent({ id: 1, at, actorUsername: null, action: "dossier.submit", before: null, after: null }, titles, names).actor).toBe("Hệ thống");
  });

  it("an agreement with the remaining criteria lists them by code", () => {
    const row = describeHistoryEvent({ id: 2, at, actorId: "u-1", actorUsername: "x", action: "dossier.criteria_agreed", before: null, after: { criterionIds: ["CQDN-1", "CQDN-3", "CQDN-4", "CQDN-5"] } }, titles, names);
    expect(row.label).toBe("Thống nhất các tiêu chí còn lại");
    expect(row.criteria.map((c) => c.id)).toEqual(["CQDN-1", "CQDN-3", "CQDN-4", "CQDN-5"]);
  });

  it("evidence rows name the file", () => {
    expect(describeHistoryEvent({ id: 3, at, actorUsername: "a", action: "evidence.removed", before: { fileName: "KH.pdf" }, after: { criterionId: "CQDN-1" } }, titles, names)).toMatchObject({ detail: "KH.pdf", criteria: [{ id: "CQDN-1", title: "Ngắn" }] });
  });

  it("short titles cut at a word", () => {
    expect(shortTitle("Ngắn")).toBe("Ngắn");
    expect(shortTitle("một hai ba bốn năm sáu bảy", 12)).toBe("một hai ba…");
  });
});
