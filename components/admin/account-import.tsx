"use client";

/**
 * Import of the accounts list: choose a file → preview (counts, changes, every problem by row and
 * column) → commit → the new accounts' one-time passwords, shown once (printable list and
 * workbook, as the bulk page does). The same upload protocol as the units import (ADR 0008):
 * the file is the request body, sent with XMLHttpRequest for the progress; the commit re-sends
 * the same file with the preview's token.
 */
import { useState } from "react";
import type { AccountImportPreview, AccountImportResult } from "@/lib/users/import-accounts";
import type { ImportProblem } from "@/lib/registry/import/sheet";
import { IMPORT_ACCEPT, importFileProblem, type ImportMode } from "@/lib/registry/import/import-rules";
import { accountsImportUrl } from "@/lib/users/import/account-import-paths";
import { Button } from "@/components/ui/button";
import { Badge, Stat } from "@/components/ui/card";

type Outcome<T> = { ok: true; data: T } | { ok: false; message: string; preview?: AccountImportPreview };
type Stage = { label: string; percent: number | null } | null;

const PAGE = 50;
const NETWORK_MESSAGE = "Không gửi được tệp (mất kết nối hoặc tệp quá lớn); vui lòng thử lại.";

function send(mode: ImportMode, file: File, sha256: string | undefined, onProgress: (percent: number | null) => void, asBlob = false): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", accountsImportUrl({ mode, fileName: file.name, sha256 }));
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

function saveBlob(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}

export function AccountImport({ templateUrl, exportUrl }: { templateUrl: string; exportUrl: string }) {
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [stage, setStage] = useState<Stage>(null);
  const [preview, setPreview] = useState<AccountImportPreview | null>(null);
  const [result, setResult] = useState<AccountImportResult | null>(null);
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
    const outcome = await run<AccountImportPreview>("preview", "Xem trước");
    if (!outcome) return;
    if (outcome.ok) setPreview(outcome.data);
    else {
      setPreview(null);
      setError(outcome.message);
    }
  };

  const doCommit = async () => {
    if (!preview) return;
    const outcome = await run<AccountImportResult>("commit", "Ghi dữ liệu", preview.sha256);
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
    saveBlob(body as Blob, "Lỗi nhập tài khoản.xlsx");
  };

  const canCommit = preview !== null && preview.counts.problems === 0 && preview.counts.add + preview.counts.update > 0;

  return (
    <div className="space-y-6">
      <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm print:hidden">
        <h2 className="text-base font-semibold text-slate-900">1. Chuẩn bị tệp</h2>
        <p className="mt-1 text-sm text-slate-600">Dùng tệp mẫu (có danh sách chọn và trang hướng dẫn), hoặc tải danh sách tài khoản hiện có về, sửa rồi nhập lại. Tệp không có cột mật khẩu: tài khoản mới được cấp mật khẩu dùng một lần.</p>
        <div className="mt-3 flex flex-wrap gap-2">
          <a className="inline-flex items-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100" href={templateUrl} download>
            Tải tệp mẫu
          </a>
          <a className="inline-flex items-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100" href={exportUrl} download>
            Tải danh sách tài khoản hiện có
          </a>
        </div>
      </section>

      <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm print:hidden">
        <h2 className="text-base font-semibold text-slate-900">2. Tải tệp lên và xem trước</h2>
        <label className="mt-3 block text-sm font-medium text-slate-800" htmlFor="account-import-file">
          Tệp danh sách tài khoản (.xlsx hoặc .csv, tối đa 50 MB)
        </label>
        <input id="account-import-file" type="file" accept={IMPORT_ACCEPT} disabled={busy} className="mt-1 block text-sm" onChange={(e) => choose(e.target.files?.[0] ?? null)} />
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
      </section>

      {result && <ImportedAccounts result={result} />}

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
              {preview.counts.revokesSessions > 0 && (
                <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">
                  {preview.counts.revokesSessions} tài khoản đổi vai trò, phạm vi hoặc trạng thái sẽ bị đăng xuất trên mọi thiết bị.
                </p>
              )}
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

/** The commit's outcome; the new accounts' one-time passwords exist only here, once. */
function ImportedAccounts({ result }: { result: AccountImportResult }) {
  const download = () => {
    if (!result.workbookBase64) return;
    const bytes = Uint8Array.from(atob(result.workbookBase64), (c) => c.charCodeAt(0));
    saveBlob(new Blob([bytes], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }), "tai-khoan-moi.xlsx");
  };
  return (
    <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-label="Tài khoản đã tạo">
      <p role="status" className="rounded-md border border-green-200 bg-green-50 p-3 text-sm text-green-800 print:hidden" data-testid="account-import-result">
        Đã ghi dữ liệu: thêm mới {result.added}, cập nhật {result.updated}, giữ nguyên {result.unchanged} tài khoản.
      </p>
      {result.accounts.length > 0 && (
        <>
          <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-900 print:hidden">
            Mật khẩu dùng một lần chỉ hiển thị lần này: hãy in hoặc tải danh sách, giao riêng cho từng người. Người dùng phải đặt mật khẩu mới khi đăng nhập lần đầu.
          </p>
          <div className="flex gap-2 print:hidden">
            <Button type="button" onClick={download}>Tải danh sách (.xlsx)</Button>
            <Button type="button" variant="secondary" onClick={() => window.print()}>In</Button>
          </div>
          <table className="min-w-full text-sm" data-testid="import-issued">
            <thead className="bg-slate-50 text-left text-slate-600">
              <tr>
                <th className="px-3 py-2 font-medium">Tên đăng nhập</th>
                <th className="px-3 py-2 font-medium">Mật khẩu dùng một lần</th>
                <th className="px-3 py-2 font-medium">Họ và tên</th>
                <th className="px-3 py-2 font-medium">Phụ trách</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {result.accounts.map((a) => (
                <tr key={a.username}>
                  <td className="px-3 py-2 font-mono text-xs">{a.username}</td>
                  <td className="px-3 py-2 font-mono">{a.oneTimePassword}</td>
                  <td className="px-3 py-2">{a.fullName}</td>
                  <td className="px-3 py-2">{a.scopeName}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
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

function ChangeTable({ preview }: { preview: AccountImportPreview }) {
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
              <th className="px-3 py-2 font-medium">Tên đăng nhập</th>
              <th className="px-3 py-2 font-medium">Họ và tên</th>
              <th className="px-3 py-2 font-medium">Thay đổi</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {changes.slice(page * PAGE, (page + 1) * PAGE).map((c) => (
              <tr key={c.rowNumber}>
                <td className="px-3 py-2">{c.rowNumber}</td>
                <td className="px-3 py-2 font-mono text-xs">{c.username}</td>
                <td className="px-3 py-2">{c.fullName}</td>
                <td className="px-3 py-2">
                  {c.action === "add" ? (
                    <Badge tone="green">Thêm mới</Badge>
                  ) : (
                    <span>
                      <Badge tone="blue">Cập nhật</Badge> {c.changed.join(", ")}
                      {c.revokesSessions && " (sẽ đăng xuất)"}
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager page={page} pages={pages} setPage={setPage} />
    </div>
  );
}
