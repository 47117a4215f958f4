import { describe, expect, it } from "vitest";
import { BackupRefusedError, evidenceFileOf, migrationMismatch, parseManifest, schemaMismatch, sha256, tableFileOf, type BackupManifest } from "./manifest";

const HASH = "a".repeat(64);

function manifest(overrides: Partial<BackupManifest> = {}): BackupManifest {
  return {
    format: "antt-backup",
    formatVersion: 1,
    createdAt: "2026-11-29T10:00:00.000Z",
    app: { name: "antt", version: "0.1.0" },
    source: { kind: "postgres", serverVersion: "15.8" },
    migrations: [{ name: "20261124210948_init", checksum: "c1" }],
    tables: [{ name: "Unit", columns: [{ name: "id", type: "uuid" }], rows: 2, file: "tables/Unit.copy.gz", bytes: 10, sha256: HASH }],
    sequences: [{ name: "AuditEvent_id_seq", lastValue: "5", isCalled: true }],
    evidence: [{ key: "0f3c-uuid", file: "evidence/0f3c-uuid", bytes: 3, sha256: HASH }],
    missingEvidence: [],
    audit: { events: 5, headSeq: "5", headHash: HASH },
    ...overrides,
  };
}

describe("parseManifest", () => {
  it("reads what the backup wrote", () => {
    expect(parseManifest(JSON.stringify(manifest()))).toEqual(manifest());
  });

  it.each([
    ["not JSON", "{", /not valid JSON/],
    ["another format", JSON.stringify({ ...manifest(), format: "pg_dump" }), /not an ANTT backup manifest/],
    ["a newer format version", JSON.stringify({ ...manifest(), formatVersion: 2 }), /formatVersion/],
    ["a hash that is not SHA-256", JSON.stringify(manifest({ tables: [{ ...manifest().tables[0]!, sha256: "abc" }] })), /tables\.0\.sha256/],
    ["a file outside the folder", JSON.stringify(manifest({ evidence: [{ ...manifest().evidence[0]!, file: "evidence/../../etc/passwd" }] })), /evidence\.0\.file/],
    ["an absolute file", JSON.stringify(manifest({ evidence: [{ ...manifest().evidence[0]!, file: "/etc/passwd" }] })), /evidence\.0\.file/],
    ["one file listed twice", JSON.stringify(manifest({ evidence: [manifest().evidence[0]!, { ...manifest().evidence[0]!, key: "other" }] })), /twice/],
  ])("refuses %s", (_what, text, message) => {
    expect(() => parseManifest(text)).toThrow(BackupRefusedError);
    expect(() => parseManifest(text)).toThrow(message);
  });
});

describe("migrationMismatch", () => {
  const ours = [{ name: "a", checksum: "1" }, { name: "b", checksum: "2" }];
  it("accepts the same set in any order", () => {
    expect(migrationMismatch(ours, [...ours].reverse())).toBeNull();
  });
  it("names what the target lacks, has more of, or has with other content", () => {
    expect(migrationMismatch(ours, [{ name: "a", checksum: "1" }])).toMatch(/lacks 1 migration\(s\).*\(b\)/);
    expect(migrationMismatch(ours, [...ours, { name: "c", checksum: "3" }])).toMatch(/has 1 migration\(s\) the backup was not taken with \(c\)/);
    expect(migrationMismatch(ours, [{ name: "a", checksum: "1" }, { name: "b", checksum: "X" }])).toMatch(/other content than the backup's \(b\)/);
  });
});

describe("schemaMismatch", () => {
  const backup = [{ name: "Unit", columns: [{ name: "id", type: "uuid" }, { name: "name", type: "text" }] }];
  it("accepts the same columns whatever their order in the target", () => {
    expect(schemaMismatch(backup, new Map([["Unit", [{ name: "name", type: "text" }, { name: "id", type: "uuid" }]]]))).toBeNull();
  });
  it("names a missing table, an extra table and a column of another type", () => {
    expect(schemaMismatch(backup, new Map())).toMatch(/no table "Unit"/);
    expect(schemaMismatch(backup, new Map([["Unit", backup[0]!.columns], ["Figures", [{ name: "id", type: "int" }]]]))).toMatch(/table\(s\) the backup does not hold: Figures/);
    expect(schemaMismatch(backup, new Map([["Unit", [{ name: "id", type: "uuid" }, { name: "name", type: "varchar(10)" }]]]))).toMatch(/backup has \[name text\], target has \[name varchar\(10\)\]/);
  });
});

describe("file names inside the backup", () => {
  it("keeps plain keys and tables as they are", () => {
    expect(tableFileOf("RecognitionDecision")).toBe("tables/RecognitionDecision.copy.gz");
    expect(evidenceFileOf("3f0c7a9e-1b2d-4c5e-8f90-123456789abc")).toBe("evidence/3f0c7a9e-1b2d-4c5e-8f90-123456789abc");
    expect(evidenceFileOf("2026/ho-so/abc.pdf")).toBe("evidence/2026/ho-so/abc.pdf");
  });
  it("names any other key by its hash, so no key leaves the folder", () => {
    for (const key of ["../../etc/passwd", "/abs", "a//b", "tệp.pdf", "a/./b", "~x"]) {
      expect(evidenceFileOf(key)).toBe(`evidence/~${sha256(key)}`);
    }
  });
  it("refuses a table name it could not write as a file", () => {
    expect(() => tableFileOf("../x")).toThrow();
  });
});
