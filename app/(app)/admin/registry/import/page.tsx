import { Link } from "@/components/ui/link";
import { z } from "zod";
import { requirePermission } from "@/lib/auth/session";
import { PageHeader } from "@/components/ui/card";
import { ListImport } from "@/components/admin/list-import";
import { IMPORT_LIST_KEYS, IMPORT_LISTS, type ImportListKey } from "@/lib/registry/import/import-rules";
import { parseSearchParams } from "@/lib/validation/input-rules";

export const metadata = { title: "Nhập danh sách" };

const PAGE = "/admin/registry/import";
/** Which list is imported (`?list=`); an unknown value is the units list. */
const paramsSchema = z.object({ list: z.enum(IMPORT_LIST_KEYS).default("units").catch("units") });

const hrefOf = (list: ImportListKey) => (list === "units" ? PAGE : `${PAGE}?list=${list}`);

export default async function ListImportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission({ action: "registry.import" });
  const { list } = parseSearchParams(paramsSchema, await searchParams);
  const info = IMPORT_LISTS[list];
  return (
    <>
      <PageHeader
        title={info.title}
        description={`Nhập từ tệp Excel (.xlsx) hoặc CSV. Các dòng được đối chiếu theo mã; chưa có gì được ghi cho đến khi xem trước không còn lỗi và bấm “Ghi dữ liệu”. Thứ tự nên nhập: xã, phường → cơ quan → đơn vị.`}
      />
      <nav aria-label="Danh sách cần nhập" className="mb-4 flex gap-4 border-b border-slate-200 text-sm">
        {IMPORT_LIST_KEYS.map((key) => (
          <Link
            key={key}
            href={hrefOf(key)}
            aria-current={key === list ? "page" : undefined}
            className={`-mb-px border-b-2 px-1 pb-2 ${key === list ? "border-brand-700 font-medium text-brand-800" : "border-transparent text-slate-600 hover:text-slate-900"}`}
          >
            {IMPORT_LISTS[key].label}
          </Link>
        ))}
      </nav>
      {/* Keyed by list: choosing another list starts from an empty form. */}
      <ListImport key={list} list={list} />
      <p className="mt-6 text-sm">
        <Link className="text-brand-700 hover:underline" href="/admin/registry/import/sub-units">Nhập đơn vị trực thuộc (phòng, ban, tổ, đội…) và kết quả thi đua →</Link>
      </p>
    </>
  );
}
