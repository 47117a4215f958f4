/**
 * The sub-units list (ADR 0012) on the generic import route (../receive-list-import.ts): preview,
 * commit and the problems workbook, and the template and the export of a chosen year.
 */
import { z } from "zod";
import { currentEvaluationYear } from "@/lib/domain/evaluation-year";
import { commitSubUnitImport, maxSubUnitYear, previewSubUnitImport, subUnitImportProblemsWorkbook, subUnitWorkbook } from "@/lib/registry/import-sub-units";
import { MIN_YEAR } from "@/lib/validation/input-rules";
import { listWorkbookDownload, receiveListImport, textResponse, type ImportDeps } from "../receive-list-import";

export type SubUnitImportDeps = ImportDeps;

export function receiveSubUnitImport(request: Request, deps: ImportDeps): Promise<Response> {
  return receiveListImport(request, deps, {
    preview: previewSubUnitImport,
    commit: commitSubUnitImport,
    problems: subUnitImportProblemsWorkbook,
    problemsName: { ascii: "loi-nhap-don-vi-truc-thuoc.xlsx", utf8: "Lỗi nhập đơn vị trực thuộc.xlsx" },
  });
}

/**
 * GET the template (`withRows` false) or the export of ?year= (default: the current evaluation
 * year): 401 without a session, 403 unless `registry.import`, 400 for a year out of range.
 */
export function subUnitWorkbookDownload(request: Request, deps: ImportDeps, withRows: boolean): Promise<Response> {
  if (!withRows) return listWorkbookDownload(deps, { ascii: "mau-nhap-don-vi-truc-thuoc.xlsx", utf8: "Mẫu nhập đơn vị trực thuộc.xlsx" }, (prisma, actor) => subUnitWorkbook(prisma, actor, null));
  const param = new URL(request.url).searchParams.get("year");
  const year = z.coerce.number().int().min(MIN_YEAR).max(maxSubUnitYear()).safeParse(param ?? currentEvaluationYear());
  const name = year.success ? { ascii: `don-vi-truc-thuoc-${year.data}.xlsx`, utf8: `Đơn vị trực thuộc năm ${year.data}.xlsx` } : { ascii: "", utf8: "" };
  return listWorkbookDownload(deps, name, async (prisma, actor) =>
    year.success ? subUnitWorkbook(prisma, actor, year.data) : textResponse(`Năm không hợp lệ; vui lòng chọn năm từ ${MIN_YEAR} đến ${maxSubUnitYear()}.`, 400),
  );
}
