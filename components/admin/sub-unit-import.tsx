"use client";

/** The import of the sub-units list with the year's emulation results (ADR 0012), on the one import workbench. */
import { useState } from "react";
import type { SubUnitImportResult } from "@/lib/registry/import-sub-units";
import { SUB_UNITS_IMPORT_PATH } from "@/lib/registry/import/sub-unit-columns";
import { DOWNLOAD_LINK_CLASS, ImportWorkbench, type ImportTexts } from "./import-workbench";

const TEXTS: ImportTexts = {
  fileLabel: "Tệp danh sách đơn vị trực thuộc (.xlsx hoặc .csv, tối đa 50 MB)",
  noun: "đơn vị trực thuộc",
  codeHeader: "Mã đơn vị",
  nameHeader: "Tên đơn vị trực thuộc",
  importPath: SUB_UNITS_IMPORT_PATH,
  problemsFileName: "Lỗi nhập đơn vị trực thuộc.xlsx",
};

export function SubUnitImport({ templateUrl, exportUrl, years, defaultYear }: { templateUrl: string; exportUrl: string; years: readonly number[]; defaultYear: number }) {
  const [exportYear, setExportYear] = useState(defaultYear);
  return (
    <ImportWorkbench<SubUnitImportResult>
      texts={TEXTS}
      prepare={
        <>
          <p className="mt-1 text-sm text-slate-600">Dùng tệp mẫu (có danh sách chọn và trang hướng dẫn), hoặc tải danh sách hiện có kèm kết quả thi đua của một năm về, sửa rồi nhập lại.</p>
          <div className="mt-3 flex flex-wrap items-end gap-2">
            <a className={DOWNLOAD_LINK_CLASS} href={templateUrl} download>
              Tải tệp mẫu
            </a>
            <label className="text-sm">
              <span className="mb-1 block font-medium text-slate-800">Năm kết quả thi đua</span>
              <select className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm" value={exportYear} onChange={(e) => setExportYear(Number(e.target.value))}>
                {years.map((y) => (
                  <option key={y} value={y}>
                    {y}
                  </option>
                ))}
              </select>
            </label>
            <a className={DOWNLOAD_LINK_CLASS} href={`${exportUrl}?year=${exportYear}`} download>
              Tải danh sách đơn vị trực thuộc hiện có
            </a>
          </div>
        </>
      }
      resultLine={(r) => `Đã ghi dữ liệu: thêm mới ${r.added}, cập nhật ${r.updated}, giữ nguyên ${r.unchanged} đơn vị trực thuộc; ghi ${r.results} kết quả thi đua.`}
    />
  );
}
