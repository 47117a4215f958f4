"use client";

/**
 * The import of any list (units, communes, authorities, sub-units, accounts): prepare a file →
 * choose it → preview (counts, changes, every problem by row and column) → commit. The file is
 * sent as the request body (ADR 0006/0007) with XMLHttpRequest, for the upload's progress; the
 * browser refuses an empty, too large or wrongly named file first. Nothing is written before
 * "Ghi dữ liệu", which re-sends the same file with the preview's token. A list brings its texts,
 * its first step (templates, exports) and what it shows after a commit.
 */
import { useState, type ReactNode } from "react";
import type { ImportPreview, ImportResult } from "@/lib/registry/import-list";
import type { ImportProblem } from "@/lib/registry/import/sheet";
import { IMPORT_ACCEPT, importFileProblem, importUrl, type ImportMode } from "@/lib/registry/import/import-rules";
import { Button } from "@/components/ui/button";
import { Badge, Stat } from "@/components/ui/card";

type Preview = ImportPreview<string>;
type Outcome<T> = { ok: true; data: T } | { ok: false; message: string; preview?: Preview };
type Stage = { label: string; percent: number | null } | null;

const PAGE = 50;
const NETWORK_MESSAGE = "Không gửi được tệp (mất kết nối hoặc tệp quá lớn); vui lòng thử lại.";

/** Sends the file; reports the upload's progress, then waits for the answer. */
function send(path: string, mode: ImportMode, file: File, sha256: string | undefined, onProgress: (percent: number | null) => void, asBlob = false): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", importUrl(path, { mode, fileName: file.name, sha256 }));
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

export function saveBlob(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}

export type ImportTexts = {
  /** The file input's label, e.g. "Tệp danh sách đơn vị (.xlsx hoặc .csv, tối đa 50 MB)". */
  fileLabel: string;
  /** One record in words ("đơn vị"), as in "giữ nguyên 3 đơn vị". */
  noun: string;
  codeHeader: string;
  nameHeader: string;
  importPath: string;
  problemsFileName: string;
};

export const DOWNLOAD_LINK_CLASS = "inline-flex items-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100";

export function ImportWorkbench<R extends ImportResult>({
  texts,
  prepare,
  resultLine,
  afterResult,
}: {
  texts: ImportTexts;
  /** Step 1's body: what to start from (the template, the export). */
  prepare: ReactNode;
  /** The commit's outcome in one line (default: added, updated, unchanged). */
  resultLine?: (result: R) => string;
  /** Shown under the steps after a commit (a link onwards, the accounts created…). */
  afterResult?: (result: R) => ReactNode;
}) {
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [stage, setStage] = useState<Stage>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [result, setResult] = useState<R | null>(null);
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
    const { body } = await send(texts.importPath, mode, file, sha256, (percent) => setStage({ label: percent === null ? `${label}: đang xử lý trên máy chủ…` : `${label}: đang tải tệp lên…`, percent }));
    setStage(null);
    return body as Outcome<T>;
  };

  const doPreview = async () => {
    setResult(null);
    const outcome = await run<Preview>("preview", "Xem trước");
    if (!outcome) return;
    if (outcome.ok) setPreview(outcome.data);
    else {
      setPreview(null);
      setError(outcome.message);
    }
  };

  const doCommit = async () => {
    if (!preview) return;
    const outcome = await run<R>("commit", "Ghi dữ liệu", preview.sha256);
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
    const { status, body } = await send(texts.importPath, "problems", file, undefined, () => {}, true);
    setStage(null);
    if (status !== 200) return setError((body as { message?: string }).message ?? NETWORK_MESSAGE);
    saveBlob(body as Blob, texts.problemsFileName);
  };

  const canCommit = preview !== null && preview.counts.problems === 0 && preview.counts.add + preview.counts.update > 0;

  return (
    <div className="space-y-6">
      <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm print:hidden">
        <h2 className="text-base font-semibold text-slate-900">1. Chuẩn bị tệp</h2>
        {prepare}
      </section>

      <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm print:hidden">
        <h2 className="text-base font-semibold text-slate-900">2. Tải tệp lên và xem trước</h2>
        <label className="mt-3 block text-sm font-medium text-slate-800" htmlFor="import-file">
          {texts.fileLabel}
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
            {resultLine ? resultLine(result) : `Đã ghi dữ liệu: thêm mới ${result.added}, cập nhật ${result.updated}, giữ nguyên ${result.unchanged} ${texts.noun}.`}
          </p>
        )}
      </section>

      {result && afterResult?.(result)}

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
              {preview.notice && <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">{preview.notice}</p>}
              <ChangeTable preview={preview} texts={texts} />
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

function ChangeTable({ preview, texts }: { preview: Preview; texts: ImportTexts }) {
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
              <th className="px-3 py-2 font-medium">{texts.codeHeader}</th>
              <th className="px-3 py-2 font-medium">{texts.nameHeader}</th>
              <th className="px-3 py-2 font-medium">Thay đổi</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {changes.slice(page * PAGE, (page + 1) * PAGE).map((c) => (
              <tr key={c.rowNumber}>
                <td className="px-3 py-2">{c.rowNumber}</td>
                <td className="px-3 py-2 font-mono text-xs">{c.code}</td>
                <td className="px-3 py-2">{c.name}</td>
                <td className="px-3 py-2">{c.action === "add" ? <Badge tone="green">Thêm mới</Badge> : <span><Badge tone="blue">Cập nhật</Badge> {c.changed.join(", ")}{c.note && ` (${c.note})`}</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager page={page} pages={pages} setPage={setPage} />
    </div>
  );
}
