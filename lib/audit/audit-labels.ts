/** Vietnamese names of audit actions, for histories shown to users. */
const LABELS: Record<string, string> = {
  "dossier.register": "Đăng ký phấn đấu",
  "dossier.start_self_assessment": "Bắt đầu tự đánh giá",
  "dossier.submit": "Nộp hồ sơ đề nghị",
  "dossier.start_review": "Nhận thẩm định",
  "dossier.criterion_reviewed": "Thẩm định tiêu chí",
  "dossier.return": "Trả lại để bổ sung",
  "dossier.propose": "Đề nghị công nhận",
  "dossier.refuse": "Không công nhận",
  "dossier.recognise": "Công nhận (ban hành quyết định)",
  "dossier.revoke": "Thu hồi công nhận",
  "dossier.answers_saved": "Cập nhật nội dung tự đánh giá",
  "evidence.uploaded": "Tải lên minh chứng",
  "evidence.removed": "Gỡ minh chứng",
  "decision.issued": "Ban hành quyết định",
};

export function auditActionLabel(action: string): string {
  return LABELS[action] ?? action;
}
