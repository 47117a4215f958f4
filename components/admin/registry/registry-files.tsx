import { Link } from "@/components/ui/link";
import { IMPORT_LISTS, type ImportListKey } from "@/lib/registry/import/import-rules";

const link = "text-brand-700 hover:underline";

/** A registry list's files for administrators: its template, its export and its import page. */
export function RegistryFiles({ list }: { list: ImportListKey }) {
  const info = IMPORT_LISTS[list];
  return (
    <p className="mb-4 flex flex-wrap gap-4 text-sm" aria-label="Tệp Excel">
      <a className={link} href={info.templatePath} download>
        Tải mẫu
      </a>
      <a className={link} href={info.exportPath} download>
        Xuất danh sách
      </a>
      <Link className={link} href={list === "units" ? "/admin/registry/import" : `/admin/registry/import?list=${list}`}>
        Nhập từ tệp
      </Link>
    </p>
  );
}
