/**
 * The written reason of a refusal or a revocation, and the reference of the revoking document:
 * one definition read by the form (before it asks for confirmation) and by the server action.
 * Client-safe: zod and the input rules only.
 */
import { requiredText } from "@/lib/validation/input-rules";

export const reasonField = requiredText("Vui lòng nêu rõ lý do.", 2000, "Lý do tối đa 2000 ký tự.", 10, "Lý do cần cụ thể (ít nhất 10 ký tự).");
export const referenceField = requiredText("Vui lòng ghi số, ký hiệu văn bản thu hồi.", 200, "Số, ký hiệu văn bản tối đa 200 ký tự.", 3);
