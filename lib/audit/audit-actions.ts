/**
 * The catalogue of audit actions: every event the application writes is one of these, and each
 * has the Vietnamese label people read in histories and the administrators' log. recordAudit()
 * accepts only these keys, so no raw key can reach a screen.
 */
export const AUDIT_ACTION_LABELS = {
  "auth.login.succeeded": "Đăng nhập",
  "auth.login.failed": "Đăng nhập không thành công",
  "auth.login.refused_locked": "Từ chối đăng nhập (tài khoản đang bị khóa)",
  "auth.account.locked": "Tạm khóa tài khoản do đăng nhập sai nhiều lần",
  "auth.logout": "Đăng xuất",
  "auth.sessions.revoked": "Đăng xuất trên mọi thiết bị",
  "auth.password_change.failed": "Đổi mật khẩu không thành công (sai mật khẩu hiện tại)",
  "auth.password_change.refused_locked": "Từ chối đổi mật khẩu (tài khoản đang bị khóa)",

  "user.created": "Tạo người dùng",
  "user.access_changed": "Thay đổi vai trò, phạm vi hoặc trạng thái người dùng",
  "user.unlocked": "Mở khóa tài khoản",
  "user.password.changed": "Đổi mật khẩu",
  "user.password.reset": "Đặt lại mật khẩu (cấp mật khẩu dùng một lần)",
  "user.accounts.imported": "Nhập danh sách tài khoản từ tệp",
  "user.notifications.updated": "Cập nhật địa chỉ thư điện tử và lựa chọn nhận thông báo qua thư",

  "rules.competence.created": "Thêm dòng bảng thẩm quyền công nhận",
  "rules.competence.deleted": "Xóa dòng bảng thẩm quyền chưa áp dụng",
  "rules.criterion.created": "Thêm tiêu chí bổ sung của tỉnh",
  "rules.criterion.updated": "Sửa tiêu chí bổ sung của tỉnh",
  "rules.criterion.retired": "Ngừng áp dụng tiêu chí bổ sung của tỉnh",
  "rules.deadlines.updated": "Sửa mốc thời hạn của năm đánh giá",
  // The movement's scoring sheets (issue 14 §1): rules as data.
  "rules.sheet.created": "Tạo bảng chấm điểm phong trào",
  "rules.sheet.copied": "Sao chép bảng chấm điểm phong trào từ năm trước",
  "rules.sheet.updated": "Sửa thông tin bảng chấm điểm phong trào",
  "rules.sheet.line_added": "Thêm tiêu chí vào bảng chấm điểm phong trào",
  "rules.sheet.line_updated": "Sửa tiêu chí của bảng chấm điểm phong trào",
  "rules.sheet.line_removed": "Xóa tiêu chí khỏi bảng chấm điểm phong trào",
  "rules.sheet.line_moved": "Đổi thứ tự tiêu chí của bảng chấm điểm phong trào",
  "rules.sheet.classes_updated": "Sửa các mức xếp loại của bảng chấm điểm phong trào",
  "rules.sheet.published": "Công bố bảng chấm điểm phong trào",

  "registry.unit.created": "Thêm đơn vị vào danh mục",
  "registry.unit.updated": "Sửa thông tin đơn vị trong danh mục",
  "registry.unit.deactivated": "Ngừng hoạt động đơn vị",
  "registry.unit.reactivated": "Hoạt động trở lại đơn vị",
  "registry.unit.moved": "Chuyển đơn vị sang xã, phường, đặc khu khác (có ngày hiệu lực)",
  "registry.unit.merged": "Sáp nhập đơn vị vào đơn vị khác (có ngày hiệu lực)",
  "registry.commune.merged": "Sáp nhập xã, phường vào xã, phường khác (có ngày hiệu lực)",
  "registry.unit.split": "Chia, tách đơn vị (có ngày hiệu lực)",
  "registry.unit.authority_changed": "Đổi cơ quan quản lý của đơn vị (có ngày hiệu lực)",
  "registry.area.created": "Thêm xã, phường, đặc khu",
  "registry.area.updated": "Sửa xã, phường, đặc khu",
  "registry.area.deactivated": "Ngừng hoạt động xã, phường, đặc khu",
  "registry.area.reactivated": "Hoạt động trở lại xã, phường, đặc khu",
  "registry.authority.created": "Thêm cơ quan quản lý",
  "registry.authority.updated": "Sửa cơ quan quản lý",
  "registry.authority.deactivated": "Ngừng hoạt động cơ quan quản lý",
  "registry.authority.reactivated": "Hoạt động trở lại cơ quan quản lý",
  // The movement's participants (issue 14 §1).
  "registry.participant.created": "Thêm thành phần tham gia phong trào",
  "registry.participant.updated": "Sửa thành phần tham gia phong trào",
  "registry.participant.deactivated": "Ngừng hoạt động thành phần tham gia phong trào",
  "registry.participant.reactivated": "Hoạt động trở lại thành phần tham gia phong trào",

  "records.subunit.created": "Thêm đơn vị trực thuộc",
  "records.subunit.updated": "Sửa đơn vị trực thuộc",
  "records.subunit.deleted": "Xóa đơn vị trực thuộc",
  "records.subunit.deactivated": "Ngừng theo dõi đơn vị trực thuộc",
  "records.subunit.reactivated": "Theo dõi lại đơn vị trực thuộc",
  "records.subunit_result.set": "Ghi kết quả thi đua của đơn vị trực thuộc",
  "records.subunit_result.cleared": "Xóa kết quả thi đua của đơn vị trực thuộc",
  "records.year_facts.created": "Nhập số liệu năm",
  "records.year_facts.updated": "Cập nhật số liệu năm",
  "records.discipline.created": "Thêm quyết định kỷ luật",
  "records.discipline.updated": "Sửa quyết định kỷ luật",
  "records.discipline.deleted": "Xóa quyết định kỷ luật",
  "records.incident.declared": "Đơn vị khai báo vụ việc",
  "records.incident.police_recorded": "Công an ghi nhận vụ việc",
  "records.incident.updated": "Sửa vụ việc",
  "records.incident.deleted": "Xóa vụ việc",
  "records.model.created": "Thêm mô hình",
  "records.model.updated": "Sửa mô hình",
  "records.model.deleted": "Xóa mô hình",

  "dossier.register": "Đăng ký phấn đấu",
  "dossier.start_self_assessment": "Bắt đầu tự đánh giá",
  "dossier.answers_saved": "Cập nhật nội dung tự đánh giá",
  "dossier.submit": "Nộp hồ sơ đề nghị",
  "dossier.start_review": "Nhận thẩm định",
  "dossier.criterion_reviewed": "Thẩm định tiêu chí",
  "dossier.criteria_agreed": "Thống nhất các tiêu chí còn lại",
  "dossier.return": "Trả lại để bổ sung",
  "dossier.propose": "Đề nghị công nhận",
  "dossier.refuse": "Không công nhận",
  "dossier.recognise": "Công nhận (ban hành quyết định)",
  "dossier.revoke": "Thu hồi công nhận",
  "dossier.cancel_decision": "Hủy quyết định công nhận (hồ sơ trở lại chờ quyết định)",
  "dossier.decision_corrected": "Đính chính quyết định công nhận",
  "evidence.uploaded": "Tải lên minh chứng",
  "evidence.removed": "Gỡ minh chứng",
  "evidence.orphans_removed": "Dọn tệp minh chứng không thuộc hồ sơ nào",
  "decision.issued": "Ban hành quyết định",
  "decision.corrected": "Đính chính quyết định",
  "decision.cancelled": "Hủy quyết định",

  "registry.units.imported": "Nhập danh sách đơn vị từ tệp",
  "registry.communes.imported": "Nhập danh sách xã, phường, đặc khu từ tệp",
  "registry.authorities.imported": "Nhập danh sách cơ quan quản lý từ tệp",
  "registry.subunits.imported": "Nhập danh sách đơn vị trực thuộc và kết quả thi đua từ tệp",

  "email.resent": "Gửi lại thư điện tử",

  // Commendations (issue 14 §3).
  "commendation.proposal_created": "Lập đề nghị khen thưởng",
  "commendation.nominee_added": "Thêm vào danh sách đề nghị khen thưởng",
  "commendation.nominee_removed": "Bỏ khỏi danh sách đề nghị khen thưởng",
  "commendation.submitted": "Ban hành tờ trình đề nghị khen thưởng",
  "commendation.decided": "Ghi nhận quyết định khen thưởng",
  "commendation.withdrawn": "Rút đề nghị khen thưởng",
  // Reports of plan 195/KH-UBND (issue 14 §4)
  "movementReport.saved": "Lưu báo cáo phong trào",
  "movementReport.submitted": "Gửi báo cáo phong trào",
  "movementReport.returned": "Trả lại báo cáo phong trào",
  "movementReport.provinceBuilt": "Lập báo cáo phong trào của tỉnh",
  "movementReport.provinceSent": "Ghi số, ngày báo cáo phong trào của tỉnh",
  // The movement's yearly evaluation (issue 14 §2; a prefix of its own so that other movement parts group apart).
  "movementEvaluation.opened": "Mở phiếu chấm điểm phong trào",
  "movementEvaluation.scores_saved": "Lưu điểm tự chấm phong trào",
  "movementEvaluation.evidence_uploaded": "Tải lên minh chứng chấm điểm phong trào",
  "movementEvaluation.evidence_removed": "Gỡ minh chứng chấm điểm phong trào",
  "movementEvaluation.submit": "Gửi kết quả tự chấm phong trào",
  "movementEvaluation.resubmit": "Gửi lại kết quả tự chấm phong trào",
  "movementEvaluation.reviewed": "Thẩm định điểm phong trào",
  "movementEvaluation.return": "Trả lại kết quả chấm điểm phong trào",
  "movementEvaluation.classify": "Xếp loại phong trào",
} as const satisfies Record<string, string>;

export type AuditAction = keyof typeof AUDIT_ACTION_LABELS;

/** What an event concerns, in Vietnamese (the record types the use-cases write). */
export const AUDIT_ENTITY_LABELS = {
  User: "Người dùng",
  CompetenceRule: "Bảng thẩm quyền công nhận",
  CycleCalendar: "Mốc thời hạn của năm đánh giá",
  ProvincialCriterion: "Tiêu chí bổ sung của tỉnh",
  Unit: "Đơn vị",
  AdministrativeArea: "Xã, phường, đặc khu",
  Authority: "Cơ quan quản lý",
  Dossier: "Hồ sơ",
  CriterionAnswer: "Nội dung tự đánh giá",
  CriterionReview: "Nhận xét thẩm định",
  EvidenceFile: "Tệp minh chứng",
  RecognitionDecision: "Quyết định công nhận",
  SubUnit: "Đơn vị trực thuộc",
  SubUnitYearResult: "Kết quả thi đua",
  UnitYearFacts: "Số liệu năm",
  DisciplineRecord: "Quyết định kỷ luật",
  Incident: "Vụ việc",
  MovementModel: "Mô hình",
  MovementEvaluation: "Phiếu chấm điểm phong trào",
  EmailDelivery: "Thư điện tử",
  // The movement (issue 14 §1).
  ScoringSheet: "Bảng chấm điểm phong trào",
  MovementParticipant: "Thành phần tham gia phong trào",
  // Commendations (issue 14 §3).
  CommendationProposal: "Đề nghị khen thưởng",
  AwardDecision: "Quyết định khen thưởng",
  // Reports of plan 195/KH-UBND (issue 14 §4)
  MovementReport: "Báo cáo phong trào",
  ProvinceMovementReport: "Báo cáo phong trào của tỉnh",
} as const satisfies Record<string, string>;

export type AuditEntityType = keyof typeof AUDIT_ENTITY_LABELS;

export function auditEntityLabel(entityType: string): string {
  return Object.hasOwn(AUDIT_ENTITY_LABELS, entityType) ? AUDIT_ENTITY_LABELS[entityType as AuditEntityType] : "Đối tượng khác";
}

/** The groups of the administrators' filter: each a prefix of the actions it holds. */
export const AUDIT_ACTION_GROUPS = [
  { prefix: "auth.", label: "Đăng nhập, đăng xuất" },
  { prefix: "user.", label: "Quản lý người dùng" },
  { prefix: "registry.", label: "Danh mục đơn vị, địa bàn, cơ quan" },
  { prefix: "rules.", label: "Quy định: thẩm quyền, tiêu chí của tỉnh, bảng chấm điểm phong trào" },
  { prefix: "records.", label: "Số liệu theo dõi" },
  { prefix: "dossier.", label: "Hồ sơ" },
  { prefix: "evidence.", label: "Minh chứng" },
  { prefix: "decision.", label: "Quyết định" },
  { prefix: "email.", label: "Thư điện tử" },
  { prefix: "commendation.", label: "Khen thưởng" },
  { prefix: "movementReport.", label: "Báo cáo phong trào (KH 195)" },
  { prefix: "movementEvaluation.", label: "Chấm điểm, xếp loại phong trào" },
] as const;

export const AUDIT_ACTIONS = Object.keys(AUDIT_ACTION_LABELS) as AuditAction[];

export function isAuditAction(value: string): value is AuditAction {
  return Object.hasOwn(AUDIT_ACTION_LABELS, value);
}

/** The label of an action; an event from an older version whose action left the catalogue reads as such, never as its key. */
export function auditActionLabel(action: string): string {
  return isAuditAction(action) ? AUDIT_ACTION_LABELS[action] : "Hoạt động khác (phiên bản trước)";
}
