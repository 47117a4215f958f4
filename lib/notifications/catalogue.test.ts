import { describe, expect, it } from "vitest";
import { INBOX_KINDS, kindsForAudience, NOTIFICATION_CATALOGUE, NOTIFICATION_KINDS, notificationKindLabel, renderNotification, SCHEDULED_KINDS, unreadBadge, type NotificationEvent } from "./catalogue";
import { REMINDER_KINDS } from "@/lib/reminders/scan";

const base = { dossierId: "d-1", unitId: "u-1", unitName: "Sở Tư pháp", year: 2026 };

describe("notification catalogue", () => {
  it("a return lists each flagged criterion with the reviewer's reason and links to the dossier page", () => {
    const r = renderNotification({
      kind: "DOSSIER_RETURNED",
      ...base,
      round: 2,
      flagged: [
        { code: "CQDN-5", title: "Xếp loại tổ chức đảng", comment: "Thiếu quyết định xếp loại" },
        { code: "CQDN-7", comment: null },
      ],
    });
    expect(r.title).toBe("Hồ sơ năm 2026 của Sở Tư pháp bị trả lại để bổ sung");
    expect(r.body).toContain("lần nộp thứ 2");
    expect(r.body).toContain("- CQDN-5 (Xếp loại tổ chức đảng): Thiếu quyết định xếp loại");
    expect(r.body).toContain("- CQDN-7: cần bổ sung");
    expect(r.link).toBe("/units/u-1/dossier?year=2026");
    expect(r.audience).toBe("officers");
    expect(r.dedupeScope).toBe("DOSSIER_RETURNED:d-1:2");
  });

  it("a decision names its number and date; a cancellation its reference and reason", () => {
    const rec = renderNotification({ kind: "DOSSIER_RECOGNISED", ...base, decisionId: "q-1", decisionNumber: "15/QĐ-UBND", issuedOn: "2026-11-20" });
    expect(rec.body).toBe('Quyết định số 15/QĐ-UBND ngày 20/11/2026 công nhận Sở Tư pháp đạt tiêu chuẩn "An toàn về an ninh, trật tự" năm 2026.');
    expect(rec.decisionId).toBe("q-1");
    const cancel = renderNotification({ kind: "DECISION_CANCELLED", ...base, decisionId: "q-1", decisionNumber: "15/QĐ-UBND", reason: "Ban hành nhầm danh sách", reference: "05/QĐ-UBND" });
    expect(cancel.title).toBe("Hủy Quyết định số 15/QĐ-UBND");
    expect(cancel.body).toContain("theo văn bản số 05/QĐ-UBND. Lý do: Ban hành nhầm danh sách.");
  });

  it("a dossier in the queue goes to the reviewers and links to the review page; a resubmission says so", () => {
    const first = renderNotification({ kind: "REVIEW_QUEUED", ...base, round: 1 });
    expect(first).toMatchObject({ audience: "reviewers", link: "/dossiers/d-1/review", title: "Hồ sơ mới chờ thẩm định: Sở Tư pháp" });
    const again = renderNotification({ kind: "REVIEW_QUEUED", ...base, round: 3 });
    expect(again.title).toBe("Sở Tư pháp nộp lại hồ sơ năm 2026");
    expect(again.dedupeScope).not.toBe(first.dedupeScope);
  });

  it("every kind has a Vietnamese label, a distinct dedupe scope per event and an app-relative link", () => {
    const events: NotificationEvent[] = [
      { kind: "DOSSIER_RETURNED", ...base, round: 1, flagged: [] },
      { kind: "DOSSIER_PROPOSED", ...base, round: 1 },
      { kind: "DOSSIER_REFUSED", ...base, round: 1, reason: "Không đạt tiêu chí 3." },
      { kind: "DOSSIER_RECOGNISED", ...base, decisionId: "q", decisionNumber: "01/QĐ-UBND", issuedOn: "2026-11-20" },
      { kind: "DOSSIER_REVOKED", ...base, reason: "Xảy ra vụ việc", reference: "02/QĐ-UBND" },
      { kind: "DECISION_CORRECTED", ...base, decisionId: "q", decisionNumber: "01/QĐ-UBND", textVersion: 2, note: "Sửa ngày" },
      { kind: "DECISION_CANCELLED", ...base, decisionId: "q", decisionNumber: "01/QĐ-UBND", reason: "Nhầm", reference: "03/QĐ-UBND" },
      { kind: "REVIEW_QUEUED", ...base, round: 1 },
      { kind: "UNIT_AWARDED", unitId: "u-1", unitName: "Sở Tư pháp", year: 2026, awardId: "a-1", awardLabel: "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", recipient: "Sở Tư pháp", decisionNumber: "20/QĐ-UBND", issuedOn: "2026-12-05" },
      // The movement's evaluation (issue 14 §2).
      { kind: "MOVEMENT_SUBMITTED", evaluationId: "e", unitId: "u-1", unitName: "Sở Tư pháp", year: 2026, round: 1 },
      { kind: "MOVEMENT_RETURNED", evaluationId: "e", unitId: "u-1", unitName: "Sở Tư pháp", year: 2026, round: 1, reason: null, flagged: [] },
      { kind: "MOVEMENT_CLASSIFIED", evaluationId: "e", unitId: "u-1", unitName: "Sở Tư pháp", year: 2026, className: "Khá", total: "80" },
    ];
    expect(events.map((e) => e.kind).sort()).toEqual([...NOTIFICATION_KINDS].sort());
    const rendered = events.map(renderNotification);
    expect(new Set(rendered.map((r) => r.dedupeScope)).size).toBe(events.length);
    for (const r of rendered) {
      expect(r.link.startsWith("/") && !r.link.startsWith("//")).toBe(true);
      expect(r.title.length).toBeGreaterThan(10);
      expect(NOTIFICATION_CATALOGUE[r.kind].label).toMatch(/[ăâđêôơưáàảãạ]/i);
    }
    expect(notificationKindLabel("DEADLINE_SOON")).toBe("Thông báo");
  });

  it("officers and reviewers are offered their own kinds", () => {
    expect(kindsForAudience(["reviewers"])).toEqual(["REVIEW_QUEUED", "MOVEMENT_SUBMITTED", "reminder.communePending", "reminder.decisionDeadline", "digest.reviewerWeekly"]);
    expect(kindsForAudience(["officers"])).not.toContain("REVIEW_QUEUED");
    expect(kindsForAudience(["officers"])).toContain("reminder.unitDeadline");
    expect(kindsForAudience(["officers"])).not.toContain("digest.reviewerWeekly");
    expect(kindsForAudience([])).toEqual([]);
  });

  it("knows every kind the reminder scan raises, with a Vietnamese label", () => {
    expect(Object.keys(SCHEDULED_KINDS).sort()).toEqual([...REMINDER_KINDS].sort());
    for (const kind of REMINDER_KINDS) expect(notificationKindLabel(kind)).toMatch(/[ăâđêôơưáàảãạ]/i);
    expect(INBOX_KINDS).toHaveLength(NOTIFICATION_KINDS.length + REMINDER_KINDS.length);
  });

  it("the bell caps its count at 99+", () => {
    expect(unreadBadge(0)).toBeNull();
    expect(unreadBadge(7)).toBe("7");
    expect(unreadBadge(99)).toBe("99");
    expect(unreadBadge(100)).toBe("99+");
  });
});

// ── The movement's evaluation (issue 14 §2) ──
describe("movement notifications", () => {
  const m = { evaluationId: "e-1", unitId: "u-1", unitName: "Phường Lào Cai", year: 2026 };
  it("a return goes to the unit's officers with the reason and the flagged lines, once per round", () => {
    const r = renderNotification({ kind: "MOVEMENT_RETURNED", ...m, round: 2, reason: "Thiếu minh chứng", flagged: [{ code: "XA-8", comment: "Chưa có báo cáo" }] });
    expect(r).toMatchObject({ audience: "officers", link: "/units/u-1/movement?year=2026", dedupeScope: "MOVEMENT_RETURNED:e-1:2", dossierId: null });
    expect(r.body).toBe("Cán bộ thẩm định đã trả lại kết quả tự chấm điểm phong trào (lần gửi thứ 2).\nLý do: Thiếu minh chứng.\nCác tiêu chí cần chấm lại:\n- XA-8: Chưa có báo cáo\nVui lòng chấm lại và gửi lại kết quả.");
  });
  it("a classification names the total and the class; a submission goes to the reviewers' review page", () => {
    expect(renderNotification({ kind: "MOVEMENT_CLASSIFIED", ...m, className: "Khá", total: "78,5" }).body).toBe(
      "Phường Lào Cai đạt 78,5 điểm sau thẩm định, xếp loại “Khá” trong phong trào “Toàn dân bảo vệ an ninh Tổ quốc” năm 2026.",
    );
    expect(renderNotification({ kind: "MOVEMENT_CLASSIFIED", ...m, className: null, total: "40" }).body).toContain("chưa đạt mức xếp loại nào");
    expect(renderNotification({ kind: "MOVEMENT_SUBMITTED", ...m, round: 1 })).toMatchObject({ audience: "reviewers", link: "/movement/evaluations/e-1/review" });
  });
});
