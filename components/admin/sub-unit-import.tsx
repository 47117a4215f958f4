"use client";

/**
 * Import of the sub-units list with the year's emulation results, as the units import does it
 * (components/admin/unit-import.tsx, kept apart while the units import is generalised on another
 * branch): choose a file → preview (counts, changes, every problem by row and column) → commit.
 * The file is the request body, sent with XMLHttpRequest for the upload's progress. Nothing is
 * written before "Ghi dữ liệu", which re-sends the same file with the preview's token.
 */
import { useState } from "react";
import type { SubUnitImportPreview as UnitImportPreview, SubUnitImportResult as UnitImportResult } from "@/lib/registry/import-sub-units";
import type { ImportProblem } from "@/lib/registry/import/sheet";
import { IMPORT_ACCEPT, importFileProblem, type ImportMode } from "@/lib/registry/import/import-rules";
import { SUB_UNITS_IMPORT_PATH } from "@/lib/registry/import/sub-unit-columns";
import { Button } from "@/components/ui/button";
import { Badge, Stat } from "@/components/ui/card";

type Outcome<T> = { ok: true; data: T } | { ok: false; message: string; preview?: UnitImportPreview };
type Stage = { label: string; percent: number | null } | null;

const PAGE = 50;
const NETWORK_MESSAGE = "Không gửi được tệp (mất kết nối hoặc tệp quá lớn); vui lòng thử lại.";

/** Sends the file; reports the upload's progress, then waits for the answer. */
function send(mode: ImportMode, file: File, sha256: string | undefined, onProgress: (percent: number | null) => void, asBlob = false): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    const query = new URLSearchParams({ mode, fileName: file.name, ...(sha256 ? { sha256 } : {}) });
    xhr.open("POST", `${SUB_UNITS_IMPORT_PATH}?${query.toString()}`);
    xhr.setRequestHeader("Content-Type", "application/octet-stream");
    if (asBlob) xhr.responseType = "blob";
    xhr.upload.onprogress = (e) => onProgress(e.lengthComputable ? Math.round((e.loaded / e.total) * 100) : null);
    xhr.upload.onload = () => onProgress(null);
    xhr.onload = async () => {
      if (asBlob && xhr.status === 200) return resolve({ status: 200, body: xhr.response as Blob });
      try {
        const text = asBlob ? await (xhr.response as Blob).text() : xhr.responseText;
        resolve({ status: xhr.status, body: JSON.parse(text) });
      } catch {
        resolve({ status: xhr.status, body: { ok: false, message: xhr.status === 413 ? "Tệp quá lớn." : NETWORK_MESSAGE } });
      }
    };
    xhr.onerror = () => resolve({ status: 0, body: { ok: false, message: NETWORK_MESSAGE } });
    xhr.send(file);
  });
}

export function SubUnitImport({ templateUrl, exportUrl, years, defaultYear }: { templateUrl: string; exportUrl: string; years: readonly number[]; defaultYear: number }) {
  const [exportYear, setExportYear] = useState(defaultYear);
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [stage, setStage] = useState<Stage>(null);
  const [preview, setPreview] = useState<UnitImportPreview | null>(null);
  const [result, setResult] = useState<UnitImportResult | null>(null);
  const busy = stage !== null;

  const choose = (chosen: File | null) => {
    setPreview(null);
    setResult(null);
    setFile(chosen);
    setError(chosen ? importFileProblem(chosen) : null);
  };

  const run = async <T,>(mode: ImportMode, label: string, sha256?: string): Promise<Outcome<T> | null> => {
    if (!file) return null;
    const problem = importFileProblem(file);
    if (problem) {
      setError(problem);
      return null;
    }
    setError(null);
    setStage({ label: `${label}: đang tải tệp lên…`, percent: 0 });
    const { body } = await send(mode, file, sha256, (percent) => setStage({ label: percent === null ? `${label}: đang xử lý trên máy chủ…` : `${label}: đang tải tệp lên…`, percent }));
    setStage(null);
    return body as Outcome<T>;
  };

  const doPreview = async () => {
    setResult(null);
    const outcome = await run<UnitImportPreview>("preview", "Xem trước");
    if (!outcome) return;
    if (outcome.ok) setPreview(outcome.data);
    else {
      setPreview(null);
      setError(outcome.message);
    }
  };

  const doCommit = async () => {
    if (!preview) return;
    const outcome = await run<UnitImportResult>("commit", "Ghi dữ liệu", preview.sha256);
    if (!outcome) return;
    if (outcome.ok) {
      setResult(outcome.data);
      setPreview(null);
    } else {
      setError(outcome.message);
      if (outcome.preview) setPreview(outcome.preview);
    }
  };

  const downloadProblems = async () => {
    if (!file) return;
    setStage({ label: "Đang tạo tệp lỗi…", percent: null });
    const { status, body } = await send("problems", file, undefined, () => {}, true);
    setStage(null);
    if (status !== 200) return setError((body as { message?: string }).message ?? NETWORK_MESSAGE);
    const url = URL.createObjectURL(body as Blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = "Lỗi nhập đơn vị trực thuộc.xlsx";
    a.click();
    URL.revokeObjectURL(url);
  };

  const canCommit = preview !== null && preview.counts.problems === 0 && preview.counts.add + preview.counts.update > 0;

  return (
    <div className="space-y-6">
      <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <h2 className="text-base font-semibold text-slate-900">1. Chuẩn bị tệp</h2>
        <p className="mt-1 text-sm text-slate-600">Dùng tệp mẫu (có danh sách chọn và trang hướng dẫn), hoặc tải danh sách hiện có kèm kết quả thi đua của một năm về, sửa rồi nhập lại.</p>
        <div className="mt-3 flex flex-wrap items-end gap-2">
          <a className="inline-flex items-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100" href={templateUrl} download>
            Tải tệp mẫu
          </a>
          <label className="text-sm">
            <span className="mb-1 block font-medium text-slate-800">Năm kết quả thi đua</span>
            <select className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm" value={exportYear} onChange={(e) => setExportYear(Number(e.target.value))}>
              {years.map((y) => (
                <option key={y} value={y}>{y}</option>
              ))}
            </select>
          </label>
          <a className="inline-flex items-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100" href={`${exportUrl}?year=${exportYear}`} download>
            Tải danh sách đơn vị trực thuộc hiện có
          </a>
        </div>
      </section>

      <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <h2 className="text-base font-semibold text-slate-900">2. Tải tệp lên và xem trước</h2>
        <label className="mt-3 block text-sm font-medium text-slate-800" htmlFor="import-file">
          Tệp danh sách đơn vị trực thuộc (.xlsx hoặc .csv, tối đa 50 MB)
        </label>
        <input id="import-file" type="file" accept={IMPORT_ACCEPT} disabled={busy} className="mt-1 block text-sm" onChange={(e) => choose(e.target.files?.[0] ?? null)} />
        <div className="mt-3 flex flex-wrap gap-2">
          <Button type="button" onClick={doPreview} disabled={!file || busy || !!(file && importFileProblem(file))}>
            Xem trước
          </Button>
        </div>
        {stage && (
          <div role="status" aria-live="polite" className="mt-3 flex items-center gap-3 text-sm text-slate-700">
            <span className="h-4 w-4 animate-spin rounded-full border-2 border-slate-300 border-t-brand-700" aria-hidden />
            {stage.label}
            {stage.percent !== null && <progress className="h-2 w-40" max={100} value={stage.percent} aria-label="Tiến độ tải lên" />}
          </div>
        )}
        {error && (
          <p role="alert" className="mt-3 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
            {error}
          </p>
        )}
        {result && (
          <p role="status" className="mt-3 rounded-md border border-green-200 bg-green-50 p-3 text-sm text-green-800" data-testid="import-result">
            Đã ghi dữ liệu: thêm mới {result.added}, cập nhật {result.updated}, giữ nguyên {result.unchanged} đơn vị trực thuộc; ghi {result.results} kết quả thi đua.
          </p>
        )}
      </section>

      {preview && (
        <section className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-label="Kết quả xem trước">
          <h2 className="text-base font-semibold text-slate-900">3. Kết quả xem trước: {preview.fileName}</h2>
          <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
            <Stat label="Thêm mới" value={preview.counts.add} />
            <Stat label="Cập nhật" value={preview.counts.update} />
            <Stat label="Giữ nguyên" value={preview.counts.unchanged} />
            <Stat label="Lỗi" value={preview.counts.problems} />
          </dl>
          {preview.counts.problems > 0 ? (
            <>
              <p className="text-sm text-red-800">Tệp còn lỗi nên chưa thể ghi. Sửa các lỗi dưới đây (hoặc trong tệp lỗi, các ô sai được tô đỏ kèm ghi chú) rồi tải lên lại.</p>
              <Button type="button" variant="secondary" onClick={downloadProblems} disabled={busy}>
                Tải tệp lỗi
              </Button>
              <ProblemTable problems={preview.problems} total={preview.counts.problems} />
            </>
          ) : (
            <>
              <ChangeTable preview={preview} />
              <Button type="button" onClick={doCommit} disabled={!canCommit || busy}>
                Ghi dữ liệu
              </Button>
              {!canCommit && <p className="text-sm text-slate-600">Tệp không có thay đổi nào so với danh sách hiện có.</p>}
            </>
          )}
        </section>
      )}
    </div>
  );
}

function Pager({ page, pages, setPage }: { page: number; pages: number; setPage: (p: number) => void }) {
  if (pages <= 1) return null;
  return (
    <div className="flex items-center gap-2 text-sm">
      <Button type="button" variant="ghost" onClick={() => setPage(page - 1)} disabled={page === 0}>
        Trang trước
      </Button>
      <span>
        Trang {page + 1}/{pages}
      </span>
      <Button type="button" variant="ghost" onClick={() => setPage(page + 1)} disabled={page >= pages - 1}>
        Trang sau
      </Button>
    </div>
  );
}

function ProblemTable({ problems, total }: { problems: ImportProblem[]; total: number }) {
  const [page, setPage] = useState(0);
  const pages = Math.ceil(problems.length / PAGE);
  return (
    <div className="space-y-2">
      {total > problems.length && <p className="text-sm text-slate-600">Hiển thị {problems.length} lỗi đầu tiên trong tổng số {total}; tệp lỗi có đủ tất cả.</p>}
      <div className="overflow-x-auto rounded-lg border border-slate-200">
        <table className="min-w-full text-sm" data-testid="import-problems">
          <thead className="bg-slate-50 text-left text-slate-600">
            <tr>
              <th className="px-3 py-2 font-medium">Dòng</th>
              <th className="px-3 py-2 font-medium">Cột</th>
              <th className="px-3 py-2 font-medium">Lỗi</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {problems.slice(page * PAGE, (page + 1) * PAGE).map((p, i) => (
              <tr key={`${page}-${i}`}>
                <td className="px-3 py-2">{p.row ?? "—"}</td>
                <td className="px-3 py-2">{p.column ?? "—"}</td>
                <td className="px-3 py-2">{p.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager page={page} pages={pages} setPage={setPage} />
    </div>
  );
}

function ChangeTable({ preview }: { preview: UnitImportPreview }) {
  const [page, setPage] = useState(0);
  const changes = preview.changes;
  const pages = Math.ceil(changes.length / PAGE);
  if (changes.length === 0) return null;
  return (
    <div className="space-y-2">
      {preview.counts.add + preview.counts.update > changes.length && <p className="text-sm text-slate-600">Hiển thị {changes.length} thay đổi đầu tiên.</p>}
      <div className="overflow-x-auto rounded-lg border border-slate-200">
        <table className="min-w-full text-sm" data-testid="import-changes">
          <thead className="bg-slate-50 text-left text-slate-600">
            <tr>
              <th className="px-3 py-2 font-medium">Dòng</th>
              <th className="px-3 py-2 font-medium">Mã đơn vị</th>
              <th className="px-3 py-2 font-medium">Tên đơn vị trực thuộc</th>
              <th className="px-3 py-2 font-medium">Thay đổi</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {changes.slice(page * PAGE, (page + 1) * PAGE).map((c) => (
              <tr key={c.rowNumber}>
                <td className="px-3 py-2">{c.rowNumber}</td>
                <td className="px-3 py-2 font-mono text-xs">{c.unitCode}</td>
                <td className="px-3 py-2">{c.name}</td>
                <td className="px-3 py-2">{c.action === "add" ? <Badge tone="green">Thêm mới</Badge> : <span><Badge tone="blue">Cập nhật</Badge> {c.changed.join(", ")}</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager page={page} pages={pages} setPage={setPage} />
    </div>
  );
}
