/**
 * The browser's side of a download with progress (app/api/reports/report-files.ts, `?progress=1`):
 * newline-delimited JSON — "progress" lines while the server's document worker writes the file,
 * "data" lines with its bytes in base64, then "end" with the file's name and type, or "error" with
 * a Vietnamese message. No browser API beyond fetch's streams, so it is unit-tested in Node.
 */

export interface DownloadProgress {
  done: number;
  total: number;
}

export interface DownloadedFile {
  parts: Uint8Array<ArrayBuffer>[];
  fileName: string;
  contentType: string;
}

type Line =
  | { type: "progress"; done: number; total: number }
  | { type: "data"; base64: string }
  | { type: "end"; fileName: string; contentType: string }
  | { type: "error"; message: string };

/** Raised with the text to show the person who clicked. */
export class DownloadError extends Error {}

const CUT_OFF = "Không tải được tệp: kết nối bị ngắt trước khi tệp được tạo xong. Vui lòng thử lại.";

function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Reads the progress lines of `body` to the end, reporting progress; the file, or a `DownloadError`. */
export async function readProgressDownload(body: ReadableStream<Uint8Array>, onProgress: (progress: DownloadProgress) => void): Promise<DownloadedFile> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const parts: Uint8Array<ArrayBuffer>[] = [];
  let pending = "";
  const handle = (text: string): DownloadedFile | null => {
    if (!text.trim()) return null;
    let line: Line;
    try {
      line = JSON.parse(text) as Line;
    } catch {
      throw new DownloadError(CUT_OFF);
    }
    switch (line.type) {
      case "progress":
        onProgress({ done: line.done, total: line.total });
        return null;
      case "data":
        parts.push(bytesOf(line.base64));
        return null;
      case "end":
        return { parts, fileName: line.fileName, contentType: line.contentType };
      case "error":
        throw new DownloadError(`Không tạo được tệp: ${line.message}`);
      default:
        return null;
    }
  };
  for (;;) {
    const { done, value } = await reader.read();
    pending += decoder.decode(value, { stream: !done });
    const lines = pending.split("\n");
    pending = done ? "" : lines.pop()!;
    for (const text of lines) {
      const file = handle(text);
      if (file) return file;
    }
    if (done) throw new DownloadError(CUT_OFF);
  }
}

/** "Đã ghi 12.000/24.000 dòng (50%)". */
export function progressText({ done, total }: DownloadProgress): string {
  const format = (n: number) => n.toLocaleString("vi-VN");
  const percent = total > 0 ? Math.floor((done / total) * 100) : 100;
  return `Đã ghi ${format(done)}/${format(total)} dòng (${percent}%)`;
}
