/**
 * The movement's 2026 scoring sheets (issue 14 §1, ADR 0030) and the demo province's participants.
 *
 * The lines are the targets of the 2026 launch letter (seed 004 §1 a)–e)) per group; the points per
 * line and the classes' cut-offs (lib/movement/sheet-rules.ts defaultClasses) are OURS (the national QĐ 510 figures are unknown, domain spec
 * §5.1): every sheet is flagged provisional and says so in its source. Idempotent: a sheet of
 * (2026, group) that exists is left as it is (an administrator may have edited it), and a
 * participant is only added when its code is free.
 */
import type { Prisma, PrismaClient } from "../../lib/generated/prisma/client";
import type { PrefillKey } from "../../lib/movement/prefill-keys";
import { MOVEMENT_GROUP_LABEL, type ScoredGroup } from "../../lib/movement/groups";
import { defaultClasses } from "../../lib/movement/sheet-rules";

type Db = PrismaClient | Prisma.TransactionClient;

export const MOVEMENT_SHEET_YEAR = 2026;

export const MOVEMENT_SHEET_SOURCE =
  "Công văn phát động Phong trào thi đua toàn dân bảo vệ ANTQ năm 2026 của BCĐ tỉnh (tháng 02/2026), mục 1; Kế hoạch 195/KH-UBND ngày 17/12/2025 của UBND tỉnh. " +
  "Điểm từng tiêu chí và điểm sàn xếp loại do hệ thống đề xuất tạm thời, chờ văn bản hướng dẫn.";

type Line = { code: string; section?: string; text: string; maxPoints: number; evidenceHint: string; prefillKey?: PrefillKey };

const LEAD = "Lãnh đạo, chỉ đạo";
const RESULTS = "Kết quả thực hiện";
const PROPAGANDA = "Tuyên truyền, vận động";

/** seed 004 §1 a)–e), one line per target, 100 points per sheet. */
export const SHEET_LINES_2026: Readonly<Record<ScoredGroup, readonly Line[]>> = {
  PROVINCIAL_DEPARTMENT: [
    { code: "PT-SN-1", section: LEAD, text: "Kịp thời ban hành chương trình, kế hoạch triển khai thực hiện Phong trào thi đua năm 2026, phù hợp với đặc điểm, tình hình của cơ quan, đơn vị", maxPoints: 15, evidenceHint: "Chương trình, kế hoạch (số, ngày ban hành)" },
    { code: "PT-SN-2", section: LEAD, text: "Quý I, tổ chức Đảng có nghị quyết chuyên đề riêng hoặc lồng ghép công tác bảo đảm an ninh, trật tự trong nghị quyết lãnh đạo, chỉ đạo (đối với nơi có tổ chức Đảng)", maxPoints: 15, evidenceHint: "Nghị quyết (số, ngày) của tổ chức Đảng" },
    { code: "PT-SN-3", section: RESULTS, text: "Tổ chức phong trào thi đua thiết thực, hiệu quả, nội dung, hình thức phong phú", maxPoints: 15, evidenceHint: "Báo cáo kết quả tổ chức phong trào thi đua" },
    { code: "PT-SN-4", section: RESULTS, text: "Xây dựng, nhân rộng các mô hình bảo đảm an ninh, trật tự phù hợp với đặc điểm của các cơ quan, đơn vị, doanh nghiệp, cơ sở giáo dục đạt tiêu chuẩn “An toàn về an ninh, trật tự”", maxPoints: 20, evidenceHint: "Danh sách mô hình, quyết định thành lập, báo cáo hoạt động" },
    { code: "PT-SN-5", section: RESULTS, text: "Ứng dụng công nghệ thông tin, chuyển đổi số, mạng xã hội trong công tác bảo đảm an ninh, trật tự; bảo đảm an ninh mạng, an toàn hệ thống thông tin, cơ sở dữ liệu, không để xảy ra lộ, lọt thông tin", maxPoints: 20, evidenceHint: "Báo cáo ứng dụng công nghệ thông tin, kết quả kiểm tra an ninh mạng" },
    { code: "PT-SN-6", section: PROPAGANDA, text: "Tuyên truyền, vận động cán bộ, công chức, viên chức, người lao động và người dân hưởng ứng Phong trào thi đua; tuyên truyền những tấm gương hy sinh, bị thương trong phòng, chống tội phạm, tệ nạn xã hội", maxPoints: 15, evidenceHint: "Số tin, bài, buổi tuyên truyền; đường dẫn bài đăng" },
  ],
  COMMUNE: [
    { code: "PT-XA-1", section: LEAD, text: "Quý I, Đảng ủy xã, phường có nghị quyết về bảo đảm an ninh, trật tự", maxPoints: 8, evidenceHint: "Nghị quyết (số, ngày) của Đảng ủy", prefillKey: "partyResolutionInQuarterI" },
    { code: "PT-XA-2", section: LEAD, text: "Quý I, Ủy ban nhân dân xã, phường có kế hoạch về bảo đảm an ninh, trật tự; ban hành chương trình, kế hoạch phòng, chống tội phạm, tệ nạn xã hội và xây dựng Phong trào", maxPoints: 8, evidenceHint: "Kế hoạch (số, ngày) của UBND xã, phường", prefillKey: "unitPlan" },
    { code: "PT-XA-3", section: LEAD, text: "Quý I, đăng ký phấn đấu đạt tiêu chuẩn “An toàn về an ninh, trật tự”", maxPoints: 8, evidenceHint: "Bản đăng ký (số, ngày)", prefillKey: "registeredInQuarterI" },
    { code: "PT-XA-4", section: LEAD, text: "Kiện toàn, nâng cao chất lượng, hiệu quả hoạt động của Ban Chỉ đạo phòng, chống tội phạm, tệ nạn xã hội và xây dựng Phong trào toàn dân bảo vệ an ninh Tổ quốc cấp xã", maxPoints: 6, evidenceHint: "Quyết định kiện toàn Ban Chỉ đạo, quy chế hoạt động" },
    { code: "PT-XA-5", section: RESULTS, text: "100% khu dân cư, cơ quan, doanh nghiệp, cơ sở giáo dục thuộc thẩm quyền hoặc được ủy quyền quản lý trên địa bàn đăng ký, trong đó từ 70% trở lên được công nhận đạt tiêu chuẩn “An toàn về an ninh, trật tự”", maxPoints: 15, evidenceHint: "Danh sách đăng ký và quyết định công nhận trong năm", prefillKey: "communeUnitsSeventyPercent" },
    { code: "PT-XA-6", section: RESULTS, text: "Xã, phường được công nhận đạt tiêu chuẩn “An toàn về an ninh, trật tự” trong năm", maxPoints: 15, evidenceHint: "Quyết định công nhận (số, ngày)", prefillKey: "recognisedUnderTt124" },
    { code: "PT-XA-7", section: RESULTS, text: "Công an xã, phường chủ động nắm chắc tình hình, kịp thời tham mưu cấp ủy, chính quyền các chủ trương, biện pháp bảo đảm an ninh, trật tự và xây dựng Phong trào", maxPoints: 6, evidenceHint: "Văn bản tham mưu, báo cáo của Công an xã, phường" },
    { code: "PT-XA-8", section: RESULTS, text: "Không có cá nhân vi phạm bị xử lý kỷ luật", maxPoints: 8, evidenceHint: "Báo cáo tình hình kỷ luật trong năm", prefillKey: "noDiscipline" },
    { code: "PT-XA-9", section: RESULTS, text: "Tổ chức các hoạt động kỷ niệm “Ngày hội toàn dân bảo vệ an ninh Tổ quốc”", maxPoints: 6, evidenceHint: "Kế hoạch, báo cáo tổ chức Ngày hội, hình ảnh" },
    { code: "PT-XA-10", section: RESULTS, text: "Tổ chức diễn đàn “Công an lắng nghe ý kiến nhân dân”", maxPoints: 5, evidenceHint: "Kế hoạch, biên bản diễn đàn" },
    { code: "PT-XA-11", section: RESULTS, text: "Xây dựng, củng cố hoặc duy trì ít nhất 01 mô hình Phong trào toàn dân bảo vệ an ninh Tổ quốc ở cơ sở hoạt động có hiệu quả", maxPoints: 8, evidenceHint: "Quyết định thành lập, báo cáo hoạt động của mô hình", prefillKey: "effectiveModel" },
    { code: "PT-XA-12", section: PROPAGANDA, text: "Tuyên truyền, vận động người dân hưởng ứng Phong trào thi đua trên phương tiện thông tin đại chúng, mạng xã hội; tuyên truyền gương hy sinh, bị thương, hành động dũng cảm cứu người, cứu tài sản", maxPoints: 7, evidenceHint: "Số tin, bài, buổi tuyên truyền; đường dẫn bài đăng" },
  ],
  FRONT_ORGANISATION: [
    { code: "PT-MT-1", section: RESULTS, text: "Trao đổi, phối hợp trong thực hiện nhiệm vụ bảo vệ an ninh quốc gia, giữ gìn trật tự, an toàn xã hội, đấu tranh phòng, chống tội phạm, tệ nạn xã hội và xây dựng Phong trào", maxPoints: 25, evidenceHint: "Quy chế, văn bản phối hợp với Công an; báo cáo kết quả" },
    { code: "PT-MT-2", section: RESULTS, text: "Triển khai thực hiện hiệu quả các chương trình phối hợp về xây dựng Phong trào toàn dân bảo vệ an ninh Tổ quốc", maxPoints: 25, evidenceHint: "Chương trình phối hợp (số, ngày), báo cáo sơ kết, tổng kết" },
    { code: "PT-MT-3", section: PROPAGANDA, text: "Phổ biến, tuyên truyền, vận động thành viên, hội viên, đoàn viên hiểu rõ vai trò, mục đích, ý nghĩa và tích cực tham gia Phong trào thi đua", maxPoints: 30, evidenceHint: "Số buổi, số lượt hội viên, đoàn viên được tuyên truyền" },
    { code: "PT-MT-4", section: RESULTS, text: "Phát huy vai trò giám sát, phản biện xã hội, tham gia xây dựng pháp luật, cơ chế, chính sách về xây dựng phong trào thi đua", maxPoints: 20, evidenceHint: "Văn bản giám sát, góp ý, phản biện" },
  ],
  AGENCY_ENTERPRISE: [
    { code: "PT-CQDN-1", section: LEAD, text: "Quý I, tổ chức Đảng có nghị quyết chuyên đề riêng hoặc lồng ghép công tác bảo đảm an ninh, trật tự (đối với nơi có tổ chức Đảng)", maxPoints: 8, evidenceHint: "Nghị quyết (số, ngày) của tổ chức Đảng", prefillKey: "partyResolutionInQuarterI" },
    { code: "PT-CQDN-2", section: LEAD, text: "Có kế hoạch về bảo đảm an ninh, trật tự", maxPoints: 8, evidenceHint: "Kế hoạch (số, ngày)", prefillKey: "unitPlan" },
    { code: "PT-CQDN-3", section: LEAD, text: "Đăng ký phấn đấu đạt tiêu chuẩn “An toàn về an ninh, trật tự”", maxPoints: 8, evidenceHint: "Bản đăng ký (số, ngày)", prefillKey: "registeredInQuarterI" },
    { code: "PT-CQDN-4", section: LEAD, text: "Có nội quy, quy định về bảo vệ cơ quan, doanh nghiệp, cơ sở giáo dục, bảo vệ bí mật nhà nước, bảo vệ chính trị nội bộ, an toàn lao động, phòng, chống cháy, nổ, bảo vệ môi trường", maxPoints: 8, evidenceHint: "Nội quy, quy định (số, ngày ban hành)" },
    { code: "PT-CQDN-5", section: RESULTS, text: "100% cán bộ, công chức, viên chức, người lao động được phổ biến, quán triệt nội quy, quy định và tiêu chí “An toàn về an ninh, trật tự”", maxPoints: 8, evidenceHint: "Biên bản hội nghị phổ biến, danh sách ký nhận", prefillKey: "staffBriefed" },
    { code: "PT-CQDN-6", section: RESULTS, text: "Có 70% trở lên số đầu mối trực thuộc đạt danh hiệu “Tập thể lao động tiên tiến” hoặc được đánh giá “Hoàn thành tốt nhiệm vụ” trở lên (nơi đủ điều kiện bình xét)", maxPoints: 10, evidenceHint: "Quyết định công nhận danh hiệu, kết quả đánh giá", prefillKey: "subUnitsSeventyPercent" },
    { code: "PT-CQDN-7", section: RESULTS, text: "Không có cá nhân bị kỷ luật từ hình thức cảnh cáo trở lên", maxPoints: 10, evidenceHint: "Báo cáo tình hình kỷ luật trong năm", prefillKey: "noDisciplineFromWarning" },
    { code: "PT-CQDN-8", section: RESULTS, text: "Có ít nhất 01 mô hình Phong trào toàn dân bảo vệ an ninh Tổ quốc hoạt động hiệu quả", maxPoints: 10, evidenceHint: "Quyết định thành lập, báo cáo hoạt động của mô hình", prefillKey: "effectiveModel" },
    { code: "PT-CQDN-9", section: RESULTS, text: "Được công nhận đạt tiêu chuẩn “An toàn về an ninh, trật tự” trong năm", maxPoints: 15, evidenceHint: "Quyết định công nhận (số, ngày)", prefillKey: "recognisedUnderTt124" },
    { code: "PT-CQDN-10", section: RESULTS, text: "Bảo đảm chế độ, chính sách cho lực lượng bảo vệ cơ quan, doanh nghiệp, cơ sở giáo dục đủ về số lượng, có chuyên môn, nghiệp vụ", maxPoints: 8, evidenceHint: "Danh sách lực lượng bảo vệ, chế độ được hưởng" },
    { code: "PT-CQDN-11", section: PROPAGANDA, text: "Tích cực tham gia, hưởng ứng Phong trào thi đua; tuyên truyền, vận động cán bộ, người lao động tham gia", maxPoints: 7, evidenceHint: "Báo cáo hoạt động hưởng ứng, tin bài tuyên truyền" },
  ],
  RESIDENTIAL_AREA: [
    { code: "PT-KDC-1", section: LEAD, text: "Quý I, chi bộ có nghị quyết về bảo đảm an ninh, trật tự", maxPoints: 10, evidenceHint: "Nghị quyết (số, ngày) của chi bộ", prefillKey: "partyResolutionInQuarterI" },
    { code: "PT-KDC-2", section: LEAD, text: "Quý I, khu dân cư đăng ký phấn đấu đạt tiêu chuẩn “An toàn về an ninh, trật tự”", maxPoints: 10, evidenceHint: "Bản đăng ký (số, ngày)", prefillKey: "registeredInQuarterI" },
    { code: "PT-KDC-3", section: RESULTS, text: "100% hộ gia đình đang cư trú trên địa bàn đăng ký tham gia xây dựng khu dân cư “An toàn về an ninh, trật tự”", maxPoints: 15, evidenceHint: "Danh sách hộ gia đình đăng ký", prefillKey: "householdsRegistered" },
    { code: "PT-KDC-4", section: RESULTS, text: "Duy trì hoạt động của tổ hòa giải, tổ tự quản, tổ an ninh nhân dân, tổ an ninh xung kích; kịp thời giải quyết các vụ việc về an ninh, trật tự ngay tại cơ sở", maxPoints: 10, evidenceHint: "Danh sách tổ, sổ theo dõi vụ việc đã giải quyết" },
    { code: "PT-KDC-5", section: RESULTS, text: "Thi đua xây dựng “Gia đình văn hóa”, “Tổ dân phố văn hóa” phù hợp với điều kiện của địa phương", maxPoints: 5, evidenceHint: "Kết quả bình xét gia đình văn hóa, tổ dân phố văn hóa" },
    { code: "PT-KDC-6", section: RESULTS, text: "Thực hiện đầy đủ chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước, quy định của địa phương về bảo đảm an ninh, trật tự", maxPoints: 10, evidenceHint: "Báo cáo của trưởng thôn, tổ trưởng tổ dân phố" },
    { code: "PT-KDC-7", section: RESULTS, text: "Tham gia, phối hợp thực hiện có hiệu quả công tác phòng ngừa tội phạm, tệ nạn xã hội và các vi phạm pháp luật khác ở khu dân cư, hộ gia đình", maxPoints: 10, evidenceHint: "Tin báo, kết quả phối hợp với Công an" },
    { code: "PT-KDC-8", section: RESULTS, text: "Lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở được đánh giá hoàn thành nhiệm vụ trở lên", maxPoints: 10, evidenceHint: "Kết quả đánh giá, phân loại lực lượng", prefillKey: "securityForceRated" },
    { code: "PT-KDC-9", section: RESULTS, text: "Không có cá nhân vi phạm bị xử lý kỷ luật", maxPoints: 5, evidenceHint: "Báo cáo tình hình kỷ luật trong năm", prefillKey: "noDiscipline" },
    { code: "PT-KDC-10", section: RESULTS, text: "Khu dân cư được công nhận đạt tiêu chuẩn “An toàn về an ninh, trật tự” trong năm", maxPoints: 15, evidenceHint: "Quyết định công nhận (số, ngày)", prefillKey: "recognisedUnderTt124" },
  ],
};

/** Participants of the demo province (Lào Cai): a department with its authority, the Front, mass organisations. */
const DEMO_PARTICIPANTS = [
  { code: "PT-SGDDT", name: "Sở Giáo dục và Đào tạo tỉnh Lào Cai", group: "PROVINCIAL_DEPARTMENT", authorityCode: "SO-GDDT" },
  { code: "PT-MTTQ", name: "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Lào Cai", group: "FRONT_ORGANISATION" },
  { code: "PT-TINHDOAN", name: "Tỉnh đoàn Lào Cai", group: "FRONT_ORGANISATION" },
  { code: "PT-HLHPN", name: "Hội Liên hiệp Phụ nữ tỉnh Lào Cai", group: "FRONT_ORGANISATION" },
  { code: "PT-HCCB", name: "Hội Cựu chiến binh tỉnh Lào Cai", group: "FRONT_ORGANISATION" },
  { code: "PT-HND", name: "Hội Nông dân tỉnh Lào Cai", group: "FRONT_ORGANISATION" },
] as const;

/** The 2026 sheets, published; a sheet already there is left untouched. Returns how many were added. */
export async function seedMovementSheets2026(db: Db): Promise<number> {
  const existing = new Set((await db.scoringSheet.findMany({ where: { year: MOVEMENT_SHEET_YEAR }, select: { group: true } })).map((s) => s.group));
  let added = 0;
  for (const [group, lines] of Object.entries(SHEET_LINES_2026) as [ScoredGroup, readonly Line[]][]) {
    if (existing.has(group)) continue;
    await db.scoringSheet.create({
      data: {
        year: MOVEMENT_SHEET_YEAR,
        group,
        title: `Bảng chấm điểm Phong trào toàn dân bảo vệ an ninh Tổ quốc năm ${MOVEMENT_SHEET_YEAR}: ${MOVEMENT_GROUP_LABEL[group]}`,
        source: MOVEMENT_SHEET_SOURCE,
        provisional: true,
        status: "PUBLISHED",
        publishedAt: new Date(`${MOVEMENT_SHEET_YEAR}-02-28T00:00:00.000Z`),
        criteria: {
          create: lines.map((l, i) => ({ code: l.code, position: i + 1, section: l.section ?? null, text: l.text, maxPoints: l.maxPoints.toFixed(2), evidenceHint: l.evidenceHint, prefillKey: l.prefillKey ?? null })),
        },
        classes: { create: defaultClasses(group).map((c, i) => ({ ...c, rank: i + 1, minPoints: c.minPoints.toFixed(2) })) },
      },
    });
    added++;
  }
  return added;
}

/** The demo province's participants (codes free only); the department is linked to its authority when there. */
export async function seedDemoParticipants(db: Db): Promise<number> {
  const authorities = new Map((await db.authority.findMany({ where: { kind: "SO_NGANH" }, select: { id: true, code: true } })).map((a) => [a.code, a.id]));
  const { count } = await db.movementParticipant.createMany({
    data: DEMO_PARTICIPANTS.map((p) => ({ code: p.code, name: p.name, group: p.group, authorityId: "authorityCode" in p ? (authorities.get(p.authorityCode) ?? null) : null })),
    skipDuplicates: true,
  });
  return count;
}

/** The demo seed's one call: the 2026 sheets and the demo participants. */
export async function seedMovement(db: Db): Promise<{ sheets: number; participants: number }> {
  return { sheets: await seedMovementSheets2026(db), participants: await seedDemoParticipants(db) };
}
