"use client";

/** The import of a registry list matched by code (units, communes, authorities), on the one import workbench. */
import { Link } from "@/components/ui/link";
import { IMPORT_LISTS, type ImportListKey } from "@/lib/registry/import/import-rules";
import { DOWNLOAD_LINK_CLASS, ImportWorkbench } from "./import-workbench";

export function ListImport({ list }: { list: ImportListKey }) {
  const info = IMPORT_LISTS[list];
  return (
    <ImportWorkbench
      texts={info}
      prepare={
        <>
          <p className="mt-1 text-sm text-slate-600">Dùng tệp mẫu (có danh sách chọn và trang hướng dẫn), hoặc tải danh sách hiện có về, sửa rồi nhập lại.</p>
          <div className="mt-3 flex flex-wrap gap-2">
            <a className={DOWNLOAD_LINK_CLASS} href={info.templatePath} download>
              Tải tệp mẫu
            </a>
            <a className={DOWNLOAD_LINK_CLASS} href={info.exportPath} download>
              {info.exportLabel}
            </a>
          </div>
        </>
      }
      // Accounts come from the unit import (issue 10 §4): the bulk page offers every unit that has none.
      afterResult={(result) =>
        result.added > 0 && list !== "authorities" ? (
          <p className="text-sm">
            <Link href="/admin/users/bulk" className="font-medium text-brand-700 underline">
              {list === "communes" ? "Tạo tài khoản cho các xã, phường vừa nhập" : "Tạo tài khoản cho các đơn vị vừa nhập"}
            </Link>
          </p>
        ) : null
      }
    />
  );
}
