import { describe, expect, it } from "vitest";
import { DownloadError, progressText, readProgressDownload, type DownloadProgress } from "@/components/dashboard/progress-download";

/** A body that arrives in the given pieces, as a slow network would cut it. */
function body(pieces: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const piece of pieces) controller.enqueue(encoder.encode(piece));
      controller.close();
    },
  });
}

const b64 = (text: string) => Buffer.from(text).toString("base64");

describe("readProgressDownload", () => {
  it("reports progress, joins the data lines, and names the file from the end line", async () => {
    const lines = [
      JSON.stringify({ type: "progress", done: 0, total: 20000 }),
      JSON.stringify({ type: "progress", done: 12000, total: 20000 }),
      JSON.stringify({ type: "data", base64: b64("PK\u0003\u0004 phần một ") }),
      JSON.stringify({ type: "progress", done: 20000, total: 20000 }),
      JSON.stringify({ type: "data", base64: b64("phần hai") }),
      JSON.stringify({ type: "end", fileName: "Báo cáo kết quả ANTT năm 2025.docx", contentType: "application/x-test" }),
    ].join("\n") + "\n";
    // Cut in the middle of lines and of a multi-byte character.
    const bytes = new TextEncoder().encode(lines);
    const seen: DownloadProgress[] = [];
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.subarray(0, 17));
        controller.enqueue(bytes.subarray(17, 101));
        controller.enqueue(bytes.subarray(101));
        controller.close();
      },
    });
    const file = await readProgressDownload(stream, (progress) => seen.push(progress));
    expect(seen).toEqual([
      { done: 0, total: 20000 },
      { done: 12000, total: 20000 },
      { done: 20000, total: 20000 },
    ]);
    expect(file.fileName).toBe("Báo cáo kết quả ANTT năm 2025.docx");
    expect(file.contentType).toBe("application/x-test");
    expect(Buffer.concat(file.parts).toString()).toBe("PK\u0003\u0004 phần một phần hai");
  });

  it("shows the server's Vietnamese message when the build fails after it started", async () => {
    const stream = body([`${JSON.stringify({ type: "progress", done: 1, total: 2 })}\n`, `${JSON.stringify({ type: "error", message: "lỗi máy chủ trong lúc tạo tệp." })}\n`]);
    await expect(readProgressDownload(stream, () => {})).rejects.toEqual(new DownloadError("Không tạo được tệp: lỗi máy chủ trong lúc tạo tệp."));
  });

  it("refuses a body cut off before its end line", async () => {
    const stream = body([`${JSON.stringify({ type: "data", base64: b64("PK") })}\n`, '{"type":"da']);
    await expect(readProgressDownload(stream, () => {})).rejects.toBeInstanceOf(DownloadError);
  });
});

describe("progressText", () => {
  it("counts rows in Vietnamese", () => {
    expect(progressText({ done: 12000, total: 24000 })).toBe("Đã ghi 12.000/24.000 dòng (50%)");
    expect(progressText({ done: 0, total: 0 })).toBe("Đã ghi 0/0 dòng (100%)");
  });
});
