/** The import upload's parameters and the browser's check before sending. */
import { describe, expect, it } from "vitest";
import { importFileProblem, importUploadSchema, IMPORT_TOO_LARGE_MESSAGE, MAX_IMPORT_UPLOAD_BYTES, unitsImportUrl } from "../../lib/registry/import/import-rules";

describe("importFileProblem", () => {
  it("accepts .xlsx and .csv up to 50 MB", () => {
    expect(importFileProblem({ name: "Đơn vị.XLSX", size: 1 })).toBeNull();
    expect(importFileProblem({ name: "don-vi.csv", size: MAX_IMPORT_UPLOAD_BYTES })).toBeNull();
  });
  it("refuses empty, too large and other names", () => {
    expect(importFileProblem({ name: "a.xlsx", size: 0 })).toBe("Vui lòng chọn tệp Excel (.xlsx) hoặc CSV (.csv).");
    expect(importFileProblem({ name: "a.xlsx", size: MAX_IMPORT_UPLOAD_BYTES + 1 })).toBe(IMPORT_TOO_LARGE_MESSAGE);
    expect(importFileProblem({ name: "a.xls", size: 10 })).toBe("Chỉ nhận tệp Excel (.xlsx) hoặc CSV (.csv).");
    expect(importFileProblem({ name: "a.xlsx.exe", size: 10 })).toBe("Chỉ nhận tệp Excel (.xlsx) hoặc CSV (.csv).");
  });
});

describe("importUploadSchema", () => {
  const sha = "a".repeat(64);
  it("commit needs the preview's SHA-256", () => {
    expect(importUploadSchema.safeParse({ mode: "commit", fileName: "a.xlsx" }).error?.issues[0]?.message).toBe("Thiếu mã tệp đã xem trước; vui lòng xem trước lại.");
    expect(importUploadSchema.safeParse({ mode: "commit", fileName: "a.xlsx", sha256: sha }).success).toBe(true);
    expect(importUploadSchema.safeParse({ mode: "preview", fileName: "a.xlsx" }).success).toBe(true);
  });
  it("refuses unknown modes, malformed hashes, control characters and long names", () => {
    expect(importUploadSchema.safeParse({ mode: "delete", fileName: "a.xlsx" }).error?.issues[0]?.message).toBe("Thao tác không hợp lệ.");
    expect(importUploadSchema.safeParse({ mode: "commit", fileName: "a.xlsx", sha256: "A".repeat(64) }).success).toBe(false);
    expect(importUploadSchema.safeParse({ mode: "preview", fileName: "a\u0000.xlsx" }).error?.issues[0]?.message).toBe("Tên tệp không hợp lệ.");
    expect(importUploadSchema.safeParse({ mode: "preview", fileName: "a".repeat(256) }).error?.issues[0]?.message).toBe("Tên tệp quá dài.");
  });
  it("builds the upload URL", () => {
    expect(unitsImportUrl({ mode: "commit", fileName: "Đơn vị.xlsx", sha256: sha })).toBe(`/api/registry/units/import?mode=commit&fileName=%C4%90%C6%A1n+v%E1%BB%8B.xlsx&sha256=${sha}`);
  });
});
