/**
 * The domain's closed vocabularies, as plain data (no I/O, no framework imports).
 *
 * One place for the codes that the database enums (prisma/schema.prisma), the criteria engine
 * (lib/criteria), forms and reports all use. `tests/unit/vocabulary-matches-schema.test.ts`
 * fails when the Prisma enums drift from these lists.
 */

/** Unit kinds of Đ1 k2 / Đ2 TT124. CQ and DN share criteria article Đ6 (see lib/criteria). */
export const UNIT_KINDS = ["KDC", "XA", "CQ", "DN", "CSGD"] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  KDC: "Khu dân cư",
  XA: "Xã, phường, đặc khu",
  CQ: "Cơ quan",
  DN: "Doanh nghiệp",
  CSGD: "Cơ sở giáo dục",
};

/** Đ1 k2 điểm b: units outside the scope of the standard. */
export const EXCLUSION_REASONS = ["ARMED_FORCES", "SMALL_MICRO_ENTERPRISE", "PRIMARY_OR_PRESCHOOL"] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

export const EXCLUSION_REASON_LABELS: Record<ExclusionReason, string> = {
  ARMED_FORCES: "Cơ quan, đơn vị lực lượng vũ trang",
  SMALL_MICRO_ENTERPRISE: "Doanh nghiệp nhỏ, siêu nhỏ",
  PRIMARY_OR_PRESCHOOL: "Cơ sở giáo dục tiểu học, mầm non, nhà trẻ",
};

/** Commune-level administrative kinds after 1/7/2025 (no more thị trấn, no district level). */
export const COMMUNE_KINDS = ["XA", "PHUONG", "DAC_KHU"] as const;
export type CommuneKind = (typeof COMMUNE_KINDS)[number];

export const COMMUNE_KIND_LABELS: Record<CommuneKind, string> = {
  XA: "Xã",
  PHUONG: "Phường",
  DAC_KHU: "Đặc khu",
};

/**
 * Yearly emulation result of a collective (sub-unit, security force). TTLDTT is an emulation
 * title; the four others are the quality rating, best first.
 */
export const EMULATION_RESULTS = ["TTLDTT", "HTXSNV", "HTTNV", "HTNV", "KHTNV"] as const;
export type EmulationResult = (typeof EMULATION_RESULTS)[number];

export const EMULATION_RESULT_LABELS: Record<EmulationResult, string> = {
  TTLDTT: "Tập thể lao động tiên tiến",
  HTXSNV: "Hoàn thành xuất sắc nhiệm vụ",
  HTTNV: "Hoàn thành tốt nhiệm vụ",
  HTNV: "Hoàn thành nhiệm vụ",
  KHTNV: "Không hoàn thành nhiệm vụ",
};

/** Who a person is, for the discipline ladder that applies to them. */
export const PERSONNEL_TYPES = [
  "CAN_BO",
  "CONG_CHUC",
  "VIEN_CHUC",
  "NGUOI_LAO_DONG",
  "NGUOI_HOC",
  "CONG_AN",
  "LUC_LUONG_CO_SO",
] as const;
export type PersonnelType = (typeof PERSONNEL_TYPES)[number];

export const PERSONNEL_TYPE_LABELS: Record<PersonnelType, string> = {
  CAN_BO: "Cán bộ",
  CONG_CHUC: "Công chức",
  VIEN_CHUC: "Viên chức",
  NGUOI_LAO_DONG: "Người lao động",
  NGUOI_HOC: "Người học",
  CONG_AN: "Cán bộ, chiến sĩ Công an",
  LUC_LUONG_CO_SO: "Thành viên lực lượng tham gia bảo vệ ANTT ở cơ sở",
};

/** Every discipline form the ladders use. Order between ladders is given by DISCIPLINE_RANK. */
export const DISCIPLINE_LEVELS = [
  "KHIEN_TRACH",
  "CANH_CAO",
  "KEO_DAI_NANG_LUONG",
  "HA_BAC_LUONG",
  "GIANG_CHUC",
  "CACH_CHUC",
  "BAI_NHIEM",
  "BUOC_THOI_VIEC",
  "SA_THAI",
] as const;
export type DisciplineLevel = (typeof DISCIPLINE_LEVELS)[number];

export const DISCIPLINE_LEVEL_LABELS: Record<DisciplineLevel, string> = {
  KHIEN_TRACH: "Khiển trách",
  CANH_CAO: "Cảnh cáo",
  KEO_DAI_NANG_LUONG: "Kéo dài thời hạn nâng lương",
  HA_BAC_LUONG: "Hạ bậc lương",
  GIANG_CHUC: "Giáng chức",
  CACH_CHUC: "Cách chức",
  BAI_NHIEM: "Bãi nhiệm",
  BUOC_THOI_VIEC: "Buộc thôi việc",
  SA_THAI: "Sa thải",
};

/**
 * Severity rank on one common scale: khiển trách (1) < cảnh cáo (2) < … TT124 only says
 * "từ cảnh cáo trở lên" / "từ khiển trách trở lên", so what matters is the comparison with those
 * two anchors. Kéo dài thời hạn nâng lương is the labour-code form one step above khiển trách,
 * i.e. the workers' equivalent of cảnh cáo (Bộ luật Lao động 2019 Đ124).
 */
export const DISCIPLINE_RANK: Record<DisciplineLevel, number> = {
  KHIEN_TRACH: 1,
  CANH_CAO: 2,
  KEO_DAI_NANG_LUONG: 2,
  HA_BAC_LUONG: 3,
  GIANG_CHUC: 4,
  CACH_CHUC: 5,
  BAI_NHIEM: 6,
  BUOC_THOI_VIEC: 6,
  SA_THAI: 6,
};

/** Which forms exist for which personnel type (Luật CBCC, Luật Viên chức, BLLĐ 2019, NĐ 112/2020). */
export const DISCIPLINE_LADDERS: Record<PersonnelType, readonly DisciplineLevel[]> = {
  CAN_BO: ["KHIEN_TRACH", "CANH_CAO", "CACH_CHUC", "BAI_NHIEM"],
  CONG_CHUC: ["KHIEN_TRACH", "CANH_CAO", "HA_BAC_LUONG", "GIANG_CHUC", "CACH_CHUC", "BUOC_THOI_VIEC"],
  VIEN_CHUC: ["KHIEN_TRACH", "CANH_CAO", "CACH_CHUC", "BUOC_THOI_VIEC"],
  NGUOI_LAO_DONG: ["KHIEN_TRACH", "KEO_DAI_NANG_LUONG", "CACH_CHUC", "SA_THAI"],
  NGUOI_HOC: ["KHIEN_TRACH", "CANH_CAO", "BUOC_THOI_VIEC"],
  CONG_AN: ["KHIEN_TRACH", "CANH_CAO", "GIANG_CHUC", "CACH_CHUC", "BUOC_THOI_VIEC"],
  LUC_LUONG_CO_SO: ["KHIEN_TRACH", "CANH_CAO", "BUOC_THOI_VIEC"],
};

/** Đ4, Đ6, Đ7 must-not-happen catalogue, codes as in the domain spec §3. */
export const INCIDENT_CODES = [
  "ANTI_PARTY_GOV",
  "SABOTAGE_KEY_TARGET",
  "ILLEGAL_RELIGION",
  "EXPLOIT_RELIGION_ETHNIC_DISPUTE",
  "SEPARATISM",
  "PROLONGED_DISPUTE",
  "INCITE_MASS_COMPLAINT",
  "ILLEGAL_STRIKE",
  "SERIOUS_CRIME",
  "STATE_SECRET_BREACH",
  "SERIOUS_FIRE_EXPLOSION",
  "FATAL_LABOUR_ACCIDENT",
  "SERIOUS_INCIDENT",
  "ENV_FOODSAFETY_SERIOUS",
  "STAFF_ANTT_SANCTION_OR_EVIL",
  "NEW_HOTSPOT",
  "NEW_SOCIAL_EVIL_PERSON",
  "SCHOOL_VIOLENCE",
  "MEMBER_CRIME_OR_EVIL_DISCIPLINED",
] as const;
export type IncidentCode = (typeof INCIDENT_CODES)[number];

export const INCIDENT_CODE_LABELS: Record<IncidentCode, string> = {
  ANTI_PARTY_GOV: "Hoạt động chống Đảng, chính quyền, phá hoại khối đại đoàn kết toàn dân tộc",
  SABOTAGE_KEY_TARGET: "Phá hoại mục tiêu, công trình trọng điểm",
  ILLEGAL_RELIGION: "Truyền đạo, phát triển đạo trái pháp luật",
  EXPLOIT_RELIGION_ETHNIC_DISPUTE: "Lợi dụng tín ngưỡng, tôn giáo, dân tộc, tranh chấp, khiếu kiện làm phức tạp ANTT",
  SEPARATISM: "Hoạt động ly khai, đòi tự trị",
  PROLONGED_DISPUTE: "Mâu thuẫn, tranh chấp phức tạp, kéo dài trong Nhân dân",
  INCITE_MASS_COMPLAINT: "Kích động, lôi kéo tụ tập khiếu kiện đông người, gây rối trật tự công cộng",
  ILLEGAL_STRIKE: "Đình công, lãn công trái pháp luật",
  SERIOUS_CRIME: "Tội phạm từ nghiêm trọng trở lên",
  STATE_SECRET_BREACH: "Vi phạm quy định về bảo vệ bí mật nhà nước",
  SERIOUS_FIRE_EXPLOSION: "Cháy, nổ nghiêm trọng",
  FATAL_LABOUR_ACCIDENT: "Tai nạn lao động làm chết người",
  SERIOUS_INCIDENT: "Sự cố nghiêm trọng theo quy định của pháp luật",
  ENV_FOODSAFETY_SERIOUS: "Vi phạm về môi trường, an toàn thực phẩm gây hậu quả nghiêm trọng",
  STAFF_ANTT_SANCTION_OR_EVIL: "Cán bộ, người lao động bị xử phạt hành chính về ANTT hoặc mắc tệ nạn xã hội bị kỷ luật từ cảnh cáo",
  NEW_HOTSPOT: "Phát sinh tụ điểm phức tạp về trật tự xã hội",
  NEW_SOCIAL_EVIL_PERSON: "Phát sinh người mắc tệ nạn xã hội mới",
  SCHOOL_VIOLENCE: "Bạo lực học đường",
  MEMBER_CRIME_OR_EVIL_DISCIPLINED: "Cán bộ, giáo viên, người học phạm tội hoặc mắc tệ nạn xã hội bị kỷ luật từ cảnh cáo",
};

/** BLHS 2015 Đ9 crime classes; "nghiêm trọng trở lên" means rank ≥ NGHIEM_TRONG. */
export const CRIME_SEVERITIES = ["IT_NGHIEM_TRONG", "NGHIEM_TRONG", "RAT_NGHIEM_TRONG", "DAC_BIET_NGHIEM_TRONG"] as const;
export type CrimeSeverity = (typeof CRIME_SEVERITIES)[number];

export const CRIME_SEVERITY_LABELS: Record<CrimeSeverity, string> = {
  IT_NGHIEM_TRONG: "Ít nghiêm trọng",
  NGHIEM_TRONG: "Nghiêm trọng",
  RAT_NGHIEM_TRONG: "Rất nghiêm trọng",
  DAC_BIET_NGHIEM_TRONG: "Đặc biệt nghiêm trọng",
};

/**
 * Who was involved in an incident, in the words the criteria use: Đ6 k3 h "cán bộ, công chức,
 * viên chức, người lao động"; Đ7 k4 adds "giáo viên, người học"; KDC and XA incidents involve
 * residents, grassroots security-force members or the commune police.
 */
export const INCIDENT_PERSON_ROLES = ["STAFF", "WORKER", "TEACHER", "LEARNER", "SECURITY_FORCE_MEMBER", "COMMUNE_POLICE", "RESIDENT"] as const;
export type IncidentPersonRole = (typeof INCIDENT_PERSON_ROLES)[number];

export const INCIDENT_PERSON_ROLE_LABELS: Record<IncidentPersonRole, string> = {
  STAFF: "Cán bộ, công chức, viên chức",
  WORKER: "Người lao động",
  TEACHER: "Giáo viên",
  LEARNER: "Người học",
  SECURITY_FORCE_MEMBER: "Thành viên lực lượng bảo vệ",
  COMMUNE_POLICE: "Công an xã, phường",
  RESIDENT: "Người dân",
};

/** Why a person's incident counts (Đ6 k3 h; Đ7 k4); a crime's class is the incident's severity. */
export const PERSON_BASES = ["ANTT_ADMIN_SANCTION", "SOCIAL_EVIL", "CRIME"] as const;
export type PersonBasis = (typeof PERSON_BASES)[number];

export const PERSON_BASIS_LABELS: Record<PersonBasis, string> = {
  ANTT_ADMIN_SANCTION: "Bị xử phạt vi phạm hành chính trong lĩnh vực ANTT",
  SOCIAL_EVIL: "Mắc tệ nạn xã hội",
  CRIME: "Phạm tội",
};

/** Who put an incident on record: the police (read-only to the unit) or the unit itself. */
export const INCIDENT_SOURCES = ["POLICE_RECORDED", "UNIT_DECLARED"] as const;
export type IncidentSource = (typeof INCIDENT_SOURCES)[number];

/** Education levels of a CSGD; primary and preschool levels are excluded (Đ1 k2 b). */
export const EDUCATION_LEVELS = ["NHA_TRE_MAM_NON", "TIEU_HOC", "THCS", "THPT", "LIEN_CAP", "GDNN", "DAI_HOC", "GDTX"] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

export const EDUCATION_LEVEL_LABELS: Record<EducationLevel, string> = {
  NHA_TRE_MAM_NON: "Nhà trẻ, mầm non",
  TIEU_HOC: "Tiểu học",
  THCS: "Trung học cơ sở",
  THPT: "Trung học phổ thông",
  LIEN_CAP: "Liên cấp phổ thông",
  GDNN: "Giáo dục nghề nghiệp",
  DAI_HOC: "Đại học, cao đẳng",
  GDTX: "Giáo dục thường xuyên",
};

/** General-education (phổ thông) levels: CSGD-2's parents'-board coordination applies to these. */
export const PHO_THONG_LEVELS: readonly EducationLevel[] = ["THCS", "THPT", "LIEN_CAP"];

/** Kinds of khu dân cư (thôn, bản, tổ dân phố…). */
export const RESIDENTIAL_AREA_TYPES = ["THON", "BAN", "TO_DAN_PHO", "KHU_PHO", "LANG"] as const;
export type ResidentialAreaType = (typeof RESIDENTIAL_AREA_TYPES)[number];

export const RESIDENTIAL_AREA_TYPE_LABELS: Record<ResidentialAreaType, string> = {
  THON: "Thôn",
  BAN: "Bản",
  TO_DAN_PHO: "Tổ dân phố",
  KHU_PHO: "Khu phố",
  LANG: "Làng",
};

/** Which unit kinds an exclusion reason (Đ1 k2 b) can apply to. */
export const EXCLUSION_REASON_KINDS: Record<ExclusionReason, readonly UnitKind[]> = {
  ARMED_FORCES: ["CQ", "DN"],
  SMALL_MICRO_ENTERPRISE: ["DN"],
  PRIMARY_OR_PRESCHOOL: ["CSGD"],
};

/** Kinds of authority (cơ quan): who manages, reviews or recognises units. */
export const AUTHORITY_KINDS = ["BO_CONG_AN", "UBND_TINH", "CONG_AN_TINH", "UBND_XA", "CONG_AN_XA", "SO_NGANH"] as const;
export type AuthorityKind = (typeof AUTHORITY_KINDS)[number];

export const AUTHORITY_KIND_LABELS: Record<AuthorityKind, string> = {
  BO_CONG_AN: "Bộ Công an",
  UBND_TINH: "Ủy ban nhân dân tỉnh",
  CONG_AN_TINH: "Công an tỉnh",
  UBND_XA: "Ủy ban nhân dân xã, phường, đặc khu",
  CONG_AN_XA: "Công an xã, phường, đặc khu",
  SO_NGANH: "Sở, ban, ngành",
};
