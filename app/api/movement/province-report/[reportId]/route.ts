import { z } from "zod";
import { getActor } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { provinceReportFile } from "@/lib/movement/province-report";
import { reportDownload } from "@/app/api/reports/report-files";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** A built province report (issue 14 §4) as .docx (?format=docx, the default) or .xlsx; `province.read`. */
export async function GET(request: Request, { params }: { params: Promise<{ reportId: string }> }) {
  const { reportId } = await params;
  const format = new URL(request.url).searchParams.get("format") === "xlsx" ? "xlsx" : "docx";
  const actor = await getActor();
  if (!z.uuid().safeParse(reportId).success) return actor ? new Response("Không tìm thấy báo cáo.", { status: 404 }) : new Response("Vui lòng đăng nhập.", { status: 401 });
  // 404 for an unknown build: reportDownload answers "not found" for a null file.
  return reportDownload(actor, (a) => provinceReportFile(getPrisma(), a, reportId, format));
}
