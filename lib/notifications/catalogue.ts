/**
 * The catalogue of notifications raised by the use-cases (issue 13 §1): for each kind, its
 * Vietnamese label (the inbox filter, the e-mail choices on the account page), who it is for, the
 * title and body built from the event's facts, the page where the person acts, and whether it
 * goes out by e-mail unless the person says otherwise. Pure: no I/O.
 *
 * The deadline reminders and digests (another part of issue 13) add their own kinds; a kind is a
 * string in the database so adding one needs no migration.
 */
import { isoToDateText } from "@/lib/domain/date-text";

/** Who an event is for, resolved by lib/notifications/recipients.ts against the permission rules. */
export type Audience =
  /** The unit's officers: UNIT_OFFICER of the unit, and the commune's officers for its XA unit and KDC ("unit.update"). */
  | "officers"
  /** The reviewers competent for the unit's dossier ("dossier.review"). */
  | "reviewers";

type DossierFacts = { dossierId: string; unitId: string; unitName: string; year: number };

/** A criterion the reviewer flagged, with the reason they wrote. */
export type FlaggedCriterion = { code: string; title?: string; comment: string | null };

/** The movement's yearly evaluation of a unit (issue 14 §2). */
type MovementFacts = { evaluationId: string; unitId: string; unitName: string; year: number };

export type NotificationEvent =
  | (DossierFacts & { kind: "DOSSIER_RETURNED"; round: number; flagged: readonly FlaggedCriterion[] })
  | (DossierFacts & { kind: "DOSSIER_PROPOSED"; round: number })
  | (DossierFacts & { kind: "DOSSIER_REFUSED"; round: number; reason: string })
  | (DossierFacts & { kind: "DOSSIER_RECOGNISED"; decisionId: string; decisionNumber: string; issuedOn: string })
  | (DossierFacts & { kind: "DOSSIER_REVOKED"; reason: string; reference: string })
  | (DossierFacts & { kind: "DECISION_CORRECTED"; decisionId: string; decisionNumber: string; textVersion: number; note: string })
  | (DossierFacts & { kind: "DECISION_CANCELLED"; decisionId: string; decisionNumber: string; reason: string; reference: string })
  /** A dossier submitted (round 1) or resubmitted (round > 1): now in the competent reviewers' queue. */
  | (DossierFacts & { kind: "REVIEW_QUEUED"; round: number })
  // Commendations (issue 14 §3): the unit (or an individual working there) received an award.
  | { kind: "UNIT_AWARDED"; unitId: string; unitName: string; year: number; awardId: string; awardLabel: string; recipient: string; decisionNumber: string; issuedOn: string }
  // The movement's evaluation (issue 14 §2).
  | (MovementFacts & { kind: "MOVEMENT_SUBMITTED"; round: number })
  | (MovementFacts & { kind: "MOVEMENT_RETURNED"; round: number; reason: string | null; flagged: readonly FlaggedCriterion[] })
  | (MovementFacts & { kind: "MOVEMENT_CLASSIFIED"; className: string | null; total: string });

export type NotificationKind = NotificationEvent["kind"];

/** What one event becomes for each of its recipients (the dedupe key gets the recipient's id appended). */
export type RenderedNotification = {
  kind: NotificationKind;
  audience: Audience;
  title: string;
  body: string;
  link: string;
  unitId: string;
  dossierId: string | null;
  decisionId: string | null;
  /** The event's identity; `${dedupeScope}:${userId}` is the notification's dedupeKey. */
  dedupeScope: string;
};

type Entry<E extends NotificationEvent> = {
  label: string;
  audience: Audience;
  emailByDefault: boolean;
  render: (event: E) => { title: string; body: string; link: string; dedupeScope: string };
};

const movementPage = (e: MovementFacts) => `/units/${e.unitId}/movement?year=${e.year}`;
const dossierPage = (e: DossierFacts) => `/units/${e.unitId}/dossier?year=${e.year}`;
const reviewPage = (e: DossierFacts) => `/dossiers/${e.dossierId}/review`;
const sentence = (text: string) => (/[.!?…]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);

function flaggedLines(flagged: readonly FlaggedCriterion[]): string {
  return flagged.map((f) => `- ${f.code}${f.title ? ` (${f.title})` : ""}: ${f.comment?.trim() || "cần bổ sung"}`).join("\n");
}

export const NOTIFICATION_CATALOGUE: { [K in NotificationKind]: Entry<Extract<NotificationEvent, { kind: K }>> } = {
  DOSSIER_RETURNED: {
    label: "Hồ sơ bị trả lại để bổ sung",
    audience: "officers",
    emailByDefault: true,
    render: (e) => ({
      title: `Hồ sơ năm ${e.year} của ${e.unitName} bị trả lại để bổ sung`,
      body:
        e.flagged.length > 0
          ? `Cán bộ thẩm định đã trả lại hồ sơ (lần nộp thứ ${e.round}). Các tiêu chí cần bổ sung:\n${flaggedLines(e.flagged)}\nVui lòng bổ sung và nộp lại hồ sơ.`
          : `Cán bộ thẩm định đã trả lại hồ sơ (lần nộp thứ ${e.round}). Vui lòng bổ sung và nộp lại hồ sơ.`,
      link: dossierPage(e),
      dedupeScope: `DOSSIER_RETURNED:${e.dossierId}:${e.round}`,
    }),
  },
  DOSSIER_PROPOSED: {
    label: "Hồ sơ được đề nghị công nhận",
    audience: "officers",
    emailByDefault: false,
    render: (e) => ({
      title: `Hồ sơ năm ${e.year} của ${e.unitName} được đề nghị công nhận`,
      body: `Cán bộ thẩm định đã thống nhất các tiêu chí và đề nghị công nhận ${e.unitName} đạt tiêu chuẩn "An toàn về an ninh, trật tự" năm ${e.year}. Hồ sơ chờ quyết định công nhận.`,
      link: dossierPage(e),
      dedupeScope: `DOSSIER_PROPOSED:${e.dossierId}:${e.round}`,
    }),
  },
  DOSSIER_REFUSED: {
    label: "Hồ sơ không được công nhận",
    audience: "officers",
    emailByDefault: true,
    render: (e) => ({
      title: `${e.unitName} không được công nhận năm ${e.year}`,
      body: `Hồ sơ năm ${e.year} của ${e.unitName} không được đề nghị công nhận. Lý do: ${sentence(e.reason)}`,
      link: dossierPage(e),
      dedupeScope: `DOSSIER_REFUSED:${e.dossierId}:${e.round}`,
    }),
  },
  DOSSIER_RECOGNISED: {
    label: "Quyết định công nhận được ban hành",
    audience: "officers",
    emailByDefault: true,
    render: (e) => ({
      title: `${e.unitName} được công nhận đạt tiêu chuẩn năm ${e.year}`,
      body: `Quyết định số ${e.decisionNumber} ngày ${isoToDateText(e.issuedOn)} công nhận ${e.unitName} đạt tiêu chuẩn "An toàn về an ninh, trật tự" năm ${e.year}.`,
      link: dossierPage(e),
      dedupeScope: `DOSSIER_RECOGNISED:${e.dossierId}:${e.decisionId}`,
    }),
  },
  DOSSIER_REVOKED: {
    label: "Công nhận bị thu hồi",
    audience: "officers",
    emailByDefault: true,
    render: (e) => ({
      title: `Thu hồi công nhận năm ${e.year} của ${e.unitName}`,
      body: `Công nhận ${e.unitName} đạt tiêu chuẩn năm ${e.year} đã bị thu hồi theo văn bản số ${e.reference}. Lý do: ${sentence(e.reason)}`,
      link: dossierPage(e),
      // A revoked recognition is final (no transition leaves REVOKED): once per dossier.
      dedupeScope: `DOSSIER_REVOKED:${e.dossierId}`,
    }),
  },
  DECISION_CORRECTED: {
    label: "Quyết định công nhận được đính chính",
    audience: "officers",
    emailByDefault: false,
    render: (e) => ({
      title: `Đính chính Quyết định số ${e.decisionNumber}`,
      body: `Quyết định số ${e.decisionNumber} công nhận ${e.unitName} năm ${e.year} đã được đính chính (bản thứ ${e.textVersion}). Nội dung: ${sentence(e.note)}`,
      link: dossierPage(e),
      dedupeScope: `DECISION_CORRECTED:${e.decisionId}:${e.textVersion}:${e.dossierId}`,
    }),
  },
  DECISION_CANCELLED: {
    label: "Quyết định công nhận bị hủy",
    audience: "officers",
    emailByDefault: true,
    render: (e) => ({
      title: `Hủy Quyết định số ${e.decisionNumber}`,
      body: `Quyết định số ${e.decisionNumber} công nhận ${e.unitName} năm ${e.year} đã bị hủy theo văn bản số ${e.reference}. Lý do: ${sentence(e.reason)} Hồ sơ trở lại trạng thái chờ quyết định công nhận.`,
      link: dossierPage(e),
      dedupeScope: `DECISION_CANCELLED:${e.decisionId}:${e.dossierId}`,
    }),
  },
  REVIEW_QUEUED: {
    label: "Hồ sơ mới chờ thẩm định",
    audience: "reviewers",
    emailByDefault: false,
    render: (e) => ({
      title: e.round > 1 ? `${e.unitName} nộp lại hồ sơ năm ${e.year}` : `Hồ sơ mới chờ thẩm định: ${e.unitName}`,
      body:
        e.round > 1
          ? `${e.unitName} đã bổ sung và nộp lại hồ sơ năm ${e.year} (lần nộp thứ ${e.round}). Hồ sơ đang chờ thẩm định.`
          : `${e.unitName} đã nộp hồ sơ năm ${e.year}. Hồ sơ đang chờ thẩm định.`,
      link: reviewPage(e),
      dedupeScope: `REVIEW_QUEUED:${e.dossierId}:${e.round}`,
    }),
  },
  // Commendations (issue 14 §3).
  UNIT_AWARDED: {
    label: "Đơn vị được khen thưởng",
    audience: "officers",
    emailByDefault: true,
    render: (e) => ({
      title: `${e.recipient} được tặng ${e.awardLabel}`,
      body: `Quyết định số ${e.decisionNumber} ngày ${isoToDateText(e.issuedOn)} tặng ${e.awardLabel} năm ${e.year} cho ${e.recipient}${e.recipient === e.unitName ? "" : ` (${e.unitName})`}.`,
      link: `/units/${e.unitId}#khen-thuong`,
      dedupeScope: `UNIT_AWARDED:${e.awardId}`,
    }),
  },
  // The movement's evaluation (issue 14 §2).
  MOVEMENT_SUBMITTED: {
    label: "Kết quả tự chấm phong trào chờ thẩm định",
    audience: "reviewers",
    emailByDefault: false,
    render: (e) => ({
      title: e.round > 1 ? `${e.unitName} gửi lại kết quả tự chấm phong trào năm ${e.year}` : `Kết quả tự chấm phong trào chờ thẩm định: ${e.unitName}`,
      body: `${e.unitName} đã gửi kết quả tự chấm điểm phong trào “Toàn dân bảo vệ an ninh Tổ quốc” năm ${e.year} (lần gửi thứ ${e.round}).`,
      link: `/movement/evaluations/${e.evaluationId}/review`,
      dedupeScope: `MOVEMENT_SUBMITTED:${e.evaluationId}:${e.round}`,
    }),
  },
  MOVEMENT_RETURNED: {
    label: "Kết quả chấm điểm phong trào bị trả lại",
    audience: "officers",
    emailByDefault: true,
    render: (e) => ({
      title: `Kết quả chấm điểm phong trào năm ${e.year} của ${e.unitName} bị trả lại`,
      body: [
        `Cán bộ thẩm định đã trả lại kết quả tự chấm điểm phong trào (lần gửi thứ ${e.round}).`,
        e.reason?.trim() ? `Lý do: ${sentence(e.reason)}` : null,
        e.flagged.length > 0 ? `Các tiêu chí cần chấm lại:\n${flaggedLines(e.flagged)}` : null,
        "Vui lòng chấm lại và gửi lại kết quả.",
      ]
        .filter(Boolean)
        .join("\n"),
      link: movementPage(e),
      dedupeScope: `MOVEMENT_RETURNED:${e.evaluationId}:${e.round}`,
    }),
  },
  MOVEMENT_CLASSIFIED: {
    label: "Kết quả xếp loại phong trào",
    audience: "officers",
    emailByDefault: true,
    render: (e) => ({
      title: `${e.unitName}: kết quả xếp loại phong trào năm ${e.year}`,
      body: e.className
        ? `${e.unitName} đạt ${e.total} điểm sau thẩm định, xếp loại “${e.className}” trong phong trào “Toàn dân bảo vệ an ninh Tổ quốc” năm ${e.year}.`
        : `${e.unitName} đạt ${e.total} điểm sau thẩm định, chưa đạt mức xếp loại nào trong phong trào “Toàn dân bảo vệ an ninh Tổ quốc” năm ${e.year}.`,
      link: movementPage(e),
      dedupeScope: `MOVEMENT_CLASSIFIED:${e.evaluationId}`,
    }),
  },
};

export const NOTIFICATION_KINDS = Object.keys(NOTIFICATION_CATALOGUE) as NotificationKind[];

export function isNotificationKind(value: string): value is NotificationKind {
  return Object.hasOwn(NOTIFICATION_CATALOGUE, value);
}

/**
 * Kinds the daily reminder scan raises (lib/reminders/scan.ts: REMINDER_KINDS, texts in
 * lib/reminders/messages.ts), not a use-case: their label, who can receive them, and whether they
 * go by e-mail unless the person says otherwise. A unit test keeps the keys equal to REMINDER_KINDS.
 */
export const SCHEDULED_KINDS = {
  "reminder.unitDeadline": { label: "Nhắc hạn đăng ký, nộp hồ sơ của đơn vị", audiences: ["officers"], emailByDefault: true },
  "reminder.communePending": { label: "Khu dân cư của xã chưa đăng ký, chưa nộp hồ sơ", audiences: ["officers", "reviewers"], emailByDefault: true },
  "reminder.decisionDeadline": { label: "Nhắc hạn quyết định công nhận", audiences: ["reviewers"], emailByDefault: true },
  "digest.reviewerWeekly": { label: "Tổng hợp hằng tuần hồ sơ chờ thẩm định", audiences: ["reviewers"], emailByDefault: true },
} as const satisfies Record<string, { label: string; audiences: readonly Audience[]; emailByDefault: boolean }>;
export type ScheduledKind = keyof typeof SCHEDULED_KINDS;

/** Every kind an inbox can hold: the use-cases' and the reminder scan's. */
export type InboxKind = NotificationKind | ScheduledKind;
export const INBOX_KINDS: readonly InboxKind[] = [...NOTIFICATION_KINDS, ...(Object.keys(SCHEDULED_KINDS) as ScheduledKind[])];

export function isInboxKind(value: string): value is InboxKind {
  return isNotificationKind(value) || Object.hasOwn(SCHEDULED_KINDS, value);
}

/** The label, and whether it goes by e-mail by default, of any kind an inbox can hold. */
export function inboxKindInfo(kind: InboxKind): { label: string; emailByDefault: boolean } {
  return isNotificationKind(kind) ? NOTIFICATION_CATALOGUE[kind] : SCHEDULED_KINDS[kind];
}

/** The Vietnamese label of a stored kind; a kind this build does not know shows as a generic label. */
export function notificationKindLabel(kind: string): string {
  return isInboxKind(kind) ? inboxKindInfo(kind).label : "Thông báo";
}

/** The kinds a person of this role can receive: the inbox filter, the e-mail choices the account page offers. */
export function kindsForAudience(audiences: readonly Audience[]): InboxKind[] {
  return INBOX_KINDS.filter((k) =>
    isNotificationKind(k) ? audiences.includes(NOTIFICATION_CATALOGUE[k].audience) : SCHEDULED_KINDS[k].audiences.some((a) => audiences.includes(a)),
  );
}

export function renderNotification(event: NotificationEvent): RenderedNotification {
  const entry = NOTIFICATION_CATALOGUE[event.kind] as Entry<NotificationEvent>;
  const text = entry.render(event);
  return {
    kind: event.kind,
    audience: entry.audience,
    ...text,
    unitId: event.unitId,
    dossierId: "dossierId" in event ? event.dossierId : null,
    // Notification.decisionId names a recognition decision; an award decision is reached by its link.
    decisionId: "decisionId" in event ? event.decisionId : null,
  };
}

/** The inbox's count in the header: "99+" beyond 99. */
export function unreadBadge(count: number): string | null {
  if (count <= 0) return null;
  return count > 99 ? "99+" : String(count);
}
