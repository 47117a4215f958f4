/**
 * What a reminder intent says, in Vietnamese: a title and a body for the inbox and the e-mail.
 * PURE. The link to act on is the intent's own `link`.
 */
import { formatIsoDate } from "@/lib/domain/date-text";
import { UNIT_KIND_LABELS } from "@/lib/domain/vocabulary";
import { REMINDER_DEADLINE_LABELS } from "./due";
import type { ReminderIntent } from "./scan";

const WHAT: Record<"registration" | "selfAssessmentKdc" | "selfAssessment" | "unitReport", string> = {
  registration: "chưa đăng ký phấn đấu",
  selfAssessmentKdc: "chưa nộp hồ sơ tự đánh giá",
  selfAssessment: "chưa nộp hồ sơ tự đánh giá",
  // Plan 195/KH-UBND §VI.6 (issue 14 §4).
  unitReport: "chưa gửi báo cáo kết quả phong trào cho Công an tỉnh",
};

export function reminderMessage(intent: ReminderIntent): { title: string; body: string } {
  switch (intent.kind) {
    case "reminder.unitDeadline": {
      const p = intent.params;
      return {
        title: `${REMINDER_DEADLINE_LABELS[p.deadline]} năm ${p.year}: ${p.label}`,
        body: `${p.unitName} ${WHAT[p.deadline]} năm ${p.year}. ${REMINDER_DEADLINE_LABELS[p.deadline]} là ngày ${formatIsoDate(p.date)} (${p.label}).`,
      };
    }
    case "reminder.communePending": {
      const p = intent.params;
      const names = p.units.map((u) => u.name).join(", ");
      const more = p.count > p.units.length ? ` và ${p.count - p.units.length} đơn vị khác` : "";
      return {
        title: `${p.communeName}: ${p.count} đơn vị ${WHAT[p.deadline]} (${p.label})`,
        body: `${REMINDER_DEADLINE_LABELS[p.deadline]} năm ${p.year} là ngày ${formatIsoDate(p.date)} (${p.label}). Các đơn vị ${WHAT[p.deadline]}: ${names}${more}.`,
      };
    }
    case "reminder.decisionDeadline": {
      const p = intent.params;
      return {
        title: `Hạn quyết định công nhận năm ${p.year}: ${p.label}`,
        body: `Còn ${p.count} hồ sơ (${p.kinds.map((k) => UNIT_KIND_LABELS[k].toLowerCase()).join(", ")}) chưa có quyết định công nhận. Hạn quyết định là ngày ${formatIsoDate(p.date)} (${p.label}).`,
      };
    }
    case "digest.reviewerWeekly": {
      const p = intent.params;
      return {
        title: `Tổng hợp tuần: ${p.queue} hồ sơ chờ thẩm định`,
        body: `Năm đánh giá ${p.year}: ${p.queue} hồ sơ đang chờ thẩm định${p.overdue > 0 ? `, trong đó ${p.overdue} hồ sơ đã quá hạn quyết định` : ""}.`,
      };
    }
  }
}
