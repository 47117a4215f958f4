/**
 * The demo province as data: Lào Cai after the 2025 merger (two-level local government), a dozen
 * of its communes, residential areas, agencies, enterprises and schools. Names are plausible,
 * not an official register.
 */
import type { CommuneKind, EducationLevel, ExclusionReason, Sector, SubUnitKind } from "../../lib/generated/prisma/enums";

export const PROVINCE = { code: "LCI", name: "Tỉnh Lào Cai", placeName: "Lào Cai" };

export type CommuneSeed = { code: string; name: string; kind: CommuneKind; shortName: string };

export const COMMUNES: CommuneSeed[] = [
  { code: "LCI-P01", name: "Phường Lào Cai", kind: "PHUONG", shortName: "Lào Cai" },
  { code: "LCI-P02", name: "Phường Cam Đường", kind: "PHUONG", shortName: "Cam Đường" },
  { code: "LCI-P03", name: "Phường Sa Pa", kind: "PHUONG", shortName: "Sa Pa" },
  { code: "LCI-P04", name: "Phường Yên Bái", kind: "PHUONG", shortName: "Yên Bái" },
  { code: "LCI-P05", name: "Phường Nghĩa Lộ", kind: "PHUONG", shortName: "Nghĩa Lộ" },
  { code: "LCI-X01", name: "Xã Bát Xát", kind: "XA", shortName: "Bát Xát" },
  { code: "LCI-X02", name: "Xã Mường Khương", kind: "XA", shortName: "Mường Khương" },
  { code: "LCI-X03", name: "Xã Bắc Hà", kind: "XA", shortName: "Bắc Hà" },
  { code: "LCI-X04", name: "Xã Si Ma Cai", kind: "XA", shortName: "Si Ma Cai" },
  { code: "LCI-X05", name: "Xã Bảo Thắng", kind: "XA", shortName: "Bảo Thắng" },
  { code: "LCI-X06", name: "Xã Văn Bàn", kind: "XA", shortName: "Văn Bàn" },
  { code: "LCI-X07", name: "Xã Mù Cang Chải", kind: "XA", shortName: "Mù Cang Chải" },
];

/** Village names for rural communes; urban wards get numbered tổ dân phố. */
export const VILLAGE_NAMES = [
  "Thôn Làng Mới", "Thôn Phố Mới", "Bản Mường Hum", "Thôn An Thành", "Thôn Cốc San", "Bản Pa Cheo",
  "Thôn Tả Phời", "Thôn Na Lốc", "Bản Sín Chải", "Thôn Nậm Tang", "Thôn Trung Tâm", "Thôn Đồng Tâm",
  "Bản Phìn Hồ", "Thôn Khe Mạ", "Bản Lùng Phình", "Thôn Xuân Quang", "Thôn Cửa Cải", "Bản Nà Hẩu",
  "Thôn Tân Lập", "Bản Háng Đề Dê", "Thôn Làng Cù", "Bản Lao Chải", "Thôn Hòa Bình", "Bản Tà Chải",
  "Thôn Sơn Hà", "Bản Cán Cấu", "Thôn Phú Nhuận", "Bản Thào Chư Phìn", "Thôn Khe Sang", "Bản Nậm Xé",
  "Thôn Minh Lương", "Bản Púng Luông", "Thôn Kim Thành", "Bản La Pán Tẩn", "Thôn Bản Vền", "Bản Chế Cu Nha",
  "Thôn Xuân Giao", "Bản Dế Xu Phình", "Thôn Hợp Thành", "Bản Khao Mang", "Thôn Bản Qua", "Bản Mồ Dề",
];

export type OrganisationSeed = {
  code: string;
  name: string;
  kind: "CQ" | "DN" | "CSGD";
  sector: Sector;
  /** Commune code where it sits. */
  commune: string;
  /** "PROVINCE" for UBND tỉnh, "COMMUNE" for the commune's UBND, "SO_GDDT" for the education department. */
  managedBy: "PROVINCE" | "COMMUNE" | "SO_GDDT";
  educationLevel?: EducationLevel;
  exclusionReason?: ExclusionReason;
  hasSecurityForce?: boolean;
  hasPartyOrganisation?: boolean;
  /** How this unit's year goes in the demo: meets every criterion, fails one, or borderline 70 %. */
  profile: "pass" | "fail_subunits" | "fail_discipline" | "fail_incident" | "borderline" | "no_model";
};

export const ORGANISATIONS: OrganisationSeed[] = [
  { code: "CQ-VPUBND", name: "Văn phòng UBND tỉnh Lào Cai", kind: "CQ", sector: "STATE_ADMINISTRATION", commune: "LCI-P04", managedBy: "PROVINCE", hasSecurityForce: true, profile: "pass" },
  { code: "CQ-STP", name: "Sở Tư pháp tỉnh Lào Cai", kind: "CQ", sector: "STATE_ADMINISTRATION", commune: "LCI-P01", managedBy: "PROVINCE", profile: "pass" },
  { code: "CQ-STC", name: "Sở Tài chính tỉnh Lào Cai", kind: "CQ", sector: "STATE_ADMINISTRATION", commune: "LCI-P01", managedBy: "PROVINCE", profile: "borderline" },
  { code: "CQ-SNV", name: "Sở Nội vụ tỉnh Lào Cai", kind: "CQ", sector: "STATE_ADMINISTRATION", commune: "LCI-P04", managedBy: "PROVINCE", profile: "pass" },
  { code: "CQ-SXD", name: "Sở Xây dựng tỉnh Lào Cai", kind: "CQ", sector: "STATE_ADMINISTRATION", commune: "LCI-P01", managedBy: "PROVINCE", profile: "fail_subunits" },
  { code: "CQ-SYT", name: "Sở Y tế tỉnh Lào Cai", kind: "CQ", sector: "STATE_ADMINISTRATION", commune: "LCI-P04", managedBy: "PROVINCE", profile: "pass" },
  { code: "CQ-SCT", name: "Sở Công Thương tỉnh Lào Cai", kind: "CQ", sector: "STATE_ADMINISTRATION", commune: "LCI-P01", managedBy: "PROVINCE", profile: "fail_discipline" },
  { code: "CQ-SNNMT", name: "Sở Nông nghiệp và Môi trường tỉnh Lào Cai", kind: "CQ", sector: "STATE_ADMINISTRATION", commune: "LCI-P04", managedBy: "PROVINCE", profile: "pass" },
  { code: "CQ-SKHCN", name: "Sở Khoa học và Công nghệ tỉnh Lào Cai", kind: "CQ", sector: "STATE_ADMINISTRATION", commune: "LCI-P01", managedBy: "PROVINCE", profile: "no_model" },
  { code: "CQ-SVHTTDL", name: "Sở Văn hóa, Thể thao và Du lịch tỉnh Lào Cai", kind: "CQ", sector: "STATE_ADMINISTRATION", commune: "LCI-P04", managedBy: "PROVINCE", profile: "pass" },
  { code: "CQ-SGDDT", name: "Sở Giáo dục và Đào tạo tỉnh Lào Cai", kind: "CQ", sector: "STATE_ADMINISTRATION", commune: "LCI-P01", managedBy: "PROVINCE", profile: "pass" },
  { code: "CQ-TTT", name: "Thanh tra tỉnh Lào Cai", kind: "CQ", sector: "STATE_ADMINISTRATION", commune: "LCI-P04", managedBy: "PROVINCE", profile: "pass" },
  { code: "CQ-BVDK", name: "Bệnh viện Đa khoa tỉnh Lào Cai", kind: "CQ", sector: "PUBLIC_SERVICE_UNIT", commune: "LCI-P02", managedBy: "PROVINCE", hasSecurityForce: true, profile: "fail_incident" },
  { code: "CQ-BPTTH", name: "Báo và Phát thanh, Truyền hình Lào Cai", kind: "CQ", sector: "PUBLIC_SERVICE_UNIT", commune: "LCI-P01", managedBy: "PROVINCE", hasSecurityForce: true, profile: "pass" },
  { code: "CQ-BCHQS", name: "Bộ Chỉ huy Quân sự tỉnh Lào Cai", kind: "CQ", sector: "STATE_ADMINISTRATION", commune: "LCI-P01", managedBy: "PROVINCE", exclusionReason: "ARMED_FORCES", profile: "pass" },

  { code: "DN-CNLC", name: "Công ty Cổ phần Cấp nước Lào Cai", kind: "DN", sector: "STATE_OWNED_ENTERPRISE", commune: "LCI-P01", managedBy: "PROVINCE", hasSecurityForce: true, profile: "pass" },
  { code: "DN-DLLC", name: "Công ty Điện lực Lào Cai", kind: "DN", sector: "STATE_OWNED_ENTERPRISE", commune: "LCI-P02", managedBy: "PROVINCE", hasSecurityForce: true, profile: "pass" },
  { code: "DN-XSKT", name: "Công ty TNHH MTV Xổ số kiến thiết Lào Cai", kind: "DN", sector: "STATE_OWNED_ENTERPRISE", commune: "LCI-P01", managedBy: "PROVINCE", profile: "borderline" },
  { code: "DN-KSCD", name: "Công ty Cổ phần Khoáng sản Cam Đường", kind: "DN", sector: "PRIVATE_ENTERPRISE", commune: "LCI-P02", managedBy: "PROVINCE", hasSecurityForce: true, profile: "fail_incident" },
  { code: "DN-MTDT", name: "Công ty Cổ phần Môi trường đô thị Lào Cai", kind: "DN", sector: "PRIVATE_ENTERPRISE", commune: "LCI-P01", managedBy: "PROVINCE", profile: "pass" },
  { code: "DN-VTHL", name: "Công ty Cổ phần Vận tải Hoàng Liên", kind: "DN", sector: "PRIVATE_ENTERPRISE", commune: "LCI-P03", managedBy: "PROVINCE", hasSecurityForce: true, profile: "fail_subunits" },
  { code: "DN-CBH", name: "Công ty TNHH Chè Bắc Hà", kind: "DN", sector: "PRIVATE_ENTERPRISE", commune: "LCI-X03", managedBy: "PROVINCE", profile: "pass" },
  { code: "DN-XMYB", name: "Công ty Cổ phần Xi măng Yên Bái", kind: "DN", sector: "PRIVATE_ENTERPRISE", commune: "LCI-P04", managedBy: "PROVINCE", hasSecurityForce: true, profile: "pass" },
  { code: "DN-DMNL", name: "Công ty TNHH Dệt may Nghĩa Lộ", kind: "DN", sector: "FOREIGN_INVESTED_ENTERPRISE", commune: "LCI-P05", managedBy: "PROVINCE", hasSecurityForce: true, hasPartyOrganisation: false, profile: "fail_discipline" },
  { code: "DN-TMMP", name: "Công ty TNHH Thương mại Minh Phát", kind: "DN", sector: "PRIVATE_ENTERPRISE", commune: "LCI-P01", managedBy: "PROVINCE", exclusionReason: "SMALL_MICRO_ENTERPRISE", hasPartyOrganisation: false, profile: "pass" },

  { code: "GD-THPTCHUYEN", name: "Trường THPT chuyên Lào Cai", kind: "CSGD", sector: "EDUCATION", commune: "LCI-P01", managedBy: "SO_GDDT", educationLevel: "THPT", hasSecurityForce: true, profile: "pass" },
  { code: "GD-THPTSO1", name: "Trường THPT số 1 Lào Cai", kind: "CSGD", sector: "EDUCATION", commune: "LCI-P01", managedBy: "SO_GDDT", educationLevel: "THPT", profile: "pass" },
  { code: "GD-THPTSAPA", name: "Trường THPT Sa Pa", kind: "CSGD", sector: "EDUCATION", commune: "LCI-P03", managedBy: "SO_GDDT", educationLevel: "THPT", profile: "borderline" },
  { code: "GD-THPTBACHA", name: "Trường THPT Bắc Hà", kind: "CSGD", sector: "EDUCATION", commune: "LCI-X03", managedBy: "SO_GDDT", educationLevel: "THPT", profile: "fail_incident" },
  { code: "GD-THPTNTT", name: "Trường THPT Nguyễn Tất Thành", kind: "CSGD", sector: "EDUCATION", commune: "LCI-P04", managedBy: "SO_GDDT", educationLevel: "THPT", profile: "pass" },
  { code: "GD-PTDTNTBX", name: "Trường Phổ thông Dân tộc nội trú THCS và THPT Bát Xát", kind: "CSGD", sector: "EDUCATION", commune: "LCI-X01", managedBy: "SO_GDDT", educationLevel: "LIEN_CAP", hasSecurityForce: true, profile: "pass" },
  { code: "GD-THCSKT", name: "Trường THCS Kim Tân", kind: "CSGD", sector: "EDUCATION", commune: "LCI-P01", managedBy: "COMMUNE", educationLevel: "THCS", profile: "fail_subunits" },
  { code: "GD-THCSCD", name: "Trường THCS Cam Đường", kind: "CSGD", sector: "EDUCATION", commune: "LCI-P02", managedBy: "COMMUNE", educationLevel: "THCS", profile: "pass" },
  { code: "GD-CDLC", name: "Trường Cao đẳng Lào Cai", kind: "CSGD", sector: "EDUCATION", commune: "LCI-P01", managedBy: "PROVINCE", educationLevel: "GDNN", hasSecurityForce: true, profile: "pass" },
  { code: "GD-CDYB", name: "Trường Cao đẳng Yên Bái", kind: "CSGD", sector: "EDUCATION", commune: "LCI-P04", managedBy: "PROVINCE", educationLevel: "GDNN", hasSecurityForce: true, profile: "no_model" },
  { code: "GD-MNHH", name: "Trường Mầm non Hoa Hồng", kind: "CSGD", sector: "EDUCATION", commune: "LCI-P01", managedBy: "COMMUNE", educationLevel: "NHA_TRE_MAM_NON", exclusionReason: "PRIMARY_OR_PRESCHOOL", profile: "pass" },
  { code: "GD-THKT", name: "Trường Tiểu học Kim Tân", kind: "CSGD", sector: "EDUCATION", commune: "LCI-P01", managedBy: "COMMUNE", educationLevel: "TIEU_HOC", exclusionReason: "PRIMARY_OR_PRESCHOOL", profile: "pass" },
];

export const SUB_UNIT_NAMES: Record<"CQ" | "DN" | "CSGD" | "COLLEGE", { name: string; kind: SubUnitKind }[]> = {
  CQ: [
    { name: "Văn phòng", kind: "PHONG" },
    { name: "Phòng Kế hoạch - Tài chính", kind: "PHONG" },
    { name: "Phòng Tổ chức cán bộ", kind: "PHONG" },
    { name: "Phòng Nghiệp vụ 1", kind: "PHONG" },
    { name: "Phòng Nghiệp vụ 2", kind: "PHONG" },
    { name: "Thanh tra", kind: "BAN" },
    { name: "Trung tâm Dịch vụ công", kind: "TRUNG_TAM" },
    { name: "Phòng Hành chính - Quản trị", kind: "PHONG" },
    { name: "Phòng Pháp chế", kind: "PHONG" },
    { name: "Phòng Quản lý chuyên ngành", kind: "PHONG" },
  ],
  DN: [
    { name: "Phòng Hành chính - Nhân sự", kind: "PHONG" },
    { name: "Phòng Tài chính - Kế toán", kind: "PHONG" },
    { name: "Phòng Kỹ thuật", kind: "PHONG" },
    { name: "Phân xưởng Sản xuất số 1", kind: "PHAN_XUONG" },
    { name: "Phân xưởng Sản xuất số 2", kind: "PHAN_XUONG" },
    { name: "Đội Vận hành", kind: "DOI" },
    { name: "Phòng Kinh doanh", kind: "PHONG" },
    { name: "Chi nhánh Sa Pa", kind: "CHI_NHANH" },
    { name: "Tổ Kiểm tra chất lượng", kind: "TO" },
    { name: "Phòng An toàn lao động", kind: "PHONG" },
  ],
  CSGD: [
    { name: "Tổ Toán - Tin", kind: "TO" },
    { name: "Tổ Ngữ văn", kind: "TO" },
    { name: "Tổ Ngoại ngữ", kind: "TO" },
    { name: "Tổ Khoa học tự nhiên", kind: "TO" },
    { name: "Tổ Khoa học xã hội", kind: "TO" },
    { name: "Tổ Văn phòng", kind: "TO" },
    { name: "Tổ Giáo dục thể chất - Quốc phòng", kind: "TO" },
    { name: "Tổ Công nghệ - Nghệ thuật", kind: "TO" },
    { name: "Tổ Tư vấn học đường", kind: "TO" },
    { name: "Tổ Thư viện - Thiết bị", kind: "TO" },
  ],
  COLLEGE: [
    { name: "Khoa Kinh tế - Du lịch", kind: "KHOA" },
    { name: "Khoa Kỹ thuật - Công nghệ", kind: "KHOA" },
    { name: "Khoa Nông lâm", kind: "KHOA" },
    { name: "Khoa Y - Dược", kind: "KHOA" },
    { name: "Phòng Đào tạo", kind: "PHONG" },
    { name: "Phòng Công tác học sinh, sinh viên", kind: "PHONG" },
    { name: "Phòng Hành chính - Tổng hợp", kind: "PHONG" },
    { name: "Trung tâm Tuyển sinh và Việc làm", kind: "TRUNG_TAM" },
    { name: "Khoa Cơ bản", kind: "KHOA" },
    { name: "Phòng Khảo thí", kind: "PHONG" },
  ],
};

export const PEOPLE_NAMES = [
  "Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Đức", "Vũ Thị Hà",
  "Đặng Văn Hải", "Bùi Thị Hạnh", "Đỗ Văn Hùng", "Hồ Thị Lan", "Ngô Văn Long", "Dương Thị Mai",
  "Lý Văn Minh", "Giàng A Pão", "Sùng Thị Mỷ", "Lò Văn Thắng", "Vàng Seo Sử", "Hà Thị Thu",
];

export const MODEL_NAMES = [
  "Camera an ninh", "Tổ tự quản an ninh, trật tự", "Khu dân cư không có tội phạm và tệ nạn xã hội",
  "Cơ quan an toàn, không có ma túy", "Trường học an toàn, thân thiện", "Doanh nghiệp an toàn về an ninh, trật tự",
  "Dòng họ tự quản về an ninh, trật tự", "Tuyến đường tự quản", "Zalo an ninh, trật tự",
];

/** Demo accounts; every one signs in with DEMO_PASSWORD (printed in README). */
export const DEMO_PASSWORD = "Antt@2026";

export const DEMO_YEAR = 2026;
