"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { DownloadError, progressText, readProgressDownload, type DownloadProgress } from "./progress-download";

/** The Vietnamese name of `filename*=UTF-8''…`, else the ASCII `filename="…"`, else null. */
export function fileNameFromDisposition(header: string | null): string | null {
  if (!header) return null;
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (extended) {
    try {
      return decodeURIComponent(extended[1]!.trim());
    } catch {
      // fall through to the ASCII name
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(header);
  return plain ? plain[1]!.trim() : null;
}

async function errorMessage(response: Response): Promise<string> {
  switch (response.status) {
    case 401:
      return "Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại rồi tải tệp.";
    case 403:
      return "Bạn không có quyền tải tệp này.";
    default: {
      const type = response.headers.get("Content-Type") ?? "";
      const body = type.startsWith("text/plain") ? (await response.text().catch(() => "")).trim() : "";
      return body ? `Không tạo được tệp: ${body}` : `Không tạo được tệp (lỗi máy chủ ${response.status}). Vui lòng thử lại sau.`;
    }
  }
}

function save(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Give the browser time to start reading the blob before freeing it.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Fetches a generated file and saves it: a workbook or report can take seconds to build, so the
 * button says "Đang tạo tệp…" with a spinner meanwhile, then hands the bytes to the browser as a
 * download; a refusal (401, 403, 404, 422, 503) is shown in Vietnamese instead of a broken file.
 * With `progress`, the server reports how many rows of the document's tables its worker has
 * written (`&progress=1`, components/dashboard/progress-download.ts) and a bar shows it.
 */
export function ExportButton({ href, label, fallbackName, testId, progress: withProgress = false }: { href: string; label: string; fallbackName: string; testId?: string; progress?: boolean }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<DownloadProgress | null>(null);

  async function download() {
    setBusy(true);
    setError(null);
    setProgress(null);
    try {
      const response = await fetch(withProgress ? `${href}${href.includes("?") ? "&" : "?"}progress=1` : href, { credentials: "same-origin", cache: "no-store" });
      if (!response.ok) {
        setError(await errorMessage(response));
        return;
      }
      if (withProgress && response.body && (response.headers.get("Content-Type") ?? "").startsWith("application/x-ndjson")) {
        const file = await readProgressDownload(response.body, setProgress);
        save(new Blob(file.parts, { type: file.contentType }), file.fileName || fallbackName);
        return;
      }
      save(await response.blob(), fileNameFromDisposition(response.headers.get("Content-Disposition")) ?? fallbackName);
    } catch (failure) {
      setError(failure instanceof DownloadError ? failure.message : "Không tải được tệp: mất kết nối tới máy chủ. Vui lòng thử lại.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="flex flex-col items-start gap-1">
      <Button type="button" variant="secondary" onClick={download} disabled={busy} aria-busy={busy} data-testid={testId}>
        {busy && <span className="h-4 w-4 animate-spin rounded-full border-2 border-slate-300 border-t-brand-700" aria-hidden />}
        {busy ? "Đang tạo tệp…" : label}
      </Button>
      {busy && withProgress && (
        <div className="flex w-56 flex-col gap-1 text-xs text-slate-600" data-testid={testId ? `${testId}-progress` : undefined}>
          <progress className="h-1.5 w-full accent-brand-700" max={progress?.total || 1} value={progress ? progress.done : undefined} aria-label={`Tiến độ tạo tệp ${label}`} />
          <span>{progress ? progressText(progress) : "Đang đọc số liệu…"}</span>
        </div>
      )}
      <span role="status" aria-live="polite" className="sr-only">
        {busy ? `Đang tạo tệp ${label}…` : ""}
      </span>
      {error && (
        <p role="alert" className="max-w-xs text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
