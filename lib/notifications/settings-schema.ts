/**
 * The person's own notification settings (issue 13 §3): an e-mail address and, per kind, whether
 * it also goes out by e-mail. Shared by the account form (client) and its server action.
 */
import { z } from "zod";
import { hasControlCharacters } from "@/lib/validation/input-rules";
import { INBOX_KINDS } from "./catalogue";

export const EMAIL_MAX = 254;
const EMAIL_MESSAGE = "Địa chỉ thư điện tử không hợp lệ (ví dụ: canbo@laocai.gov.vn).";

/** Empty: no address (notifications stay in the inbox). */
export const emailField = z.preprocess(
  (v) => (typeof v === "string" && v.trim() === "" ? null : typeof v === "string" ? v.trim() : v),
  z
    .string({ error: EMAIL_MESSAGE })
    .max(EMAIL_MAX, `Địa chỉ thư điện tử tối đa ${EMAIL_MAX} ký tự.`)
    .refine((v) => !hasControlCharacters(v), EMAIL_MESSAGE)
    .pipe(z.email(EMAIL_MESSAGE))
    .nullable(),
);

export const notificationSettingsSchema = z.object({
  email: emailField,
  /** The kinds wanted by e-mail, among those the person can receive (others are ignored). */
  emailKinds: z.array(z.enum(INBOX_KINDS as [string, ...string[]], { error: "Loại thông báo không hợp lệ." })).max(INBOX_KINDS.length),
});
export type NotificationSettingsInput = z.output<typeof notificationSettingsSchema>;
