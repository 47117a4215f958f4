import { describe, expect, it } from "vitest";
import { passingKdc } from "./__fixtures__/units";
import { EXIT_INVALID, EXIT_OK, EXIT_UNREADABLE, runCli, type CliIo } from "./cli";

function io(files: Record<string, string>, stdin = "") {
  const out: string[] = [];
  const err: string[] = [];
  const cli: CliIo = {
    readFile: (path) => {
      const text = files[path];
      if (text === undefined) throw new Error(`ENOENT: no such file or directory, open '${path}'`);
      return text;
    },
    readStdin: () => stdin,
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
  };
  return { cli, out, err };
}

describe("criteria CLI", () => {
  it("prints the result as pretty JSON and exits 0, whatever the verdict", () => {
    const { cli, out, err } = io({ "kdc.json": JSON.stringify(passingKdc()) });
    expect(runCli(["kdc.json"], cli)).toBe(EXIT_OK);
    expect(err).toEqual([]);
    const result = JSON.parse(out.join(""));
    expect(result.overall).toBe("DAT");
    expect(out.join("")).toContain('\n  "overall": "DAT",\n');
  });

  it("reads stdin when no file or '-' is given", () => {
    const { cli, out } = io({}, JSON.stringify({ unit: passingKdc(), asOf: "2026-03-01" }));
    expect(runCli([], cli)).toBe(EXIT_OK);
    expect(JSON.parse(out.join("")).unitId).toBe("KDC-T");
    const again = io({}, JSON.stringify(passingKdc()));
    expect(runCli(["-"], again.cli)).toBe(EXIT_OK);
  });

  it("exits 1 when the file cannot be read", () => {
    const { cli, err } = io({});
    expect(runCli(["missing.json"], cli)).toBe(EXIT_UNREADABLE);
    expect(err.join("")).toMatch(/^Không đọc được tệp “missing.json”/);
  });

  it("exits 2 with Vietnamese issues when the input is invalid", () => {
    const { cli, out, err } = io({ "bad.json": JSON.stringify({ ...passingKdc(), year: 2020, kind: "KDC" }) });
    expect(runCli(["bad.json"], cli)).toBe(EXIT_INVALID);
    expect(out).toEqual([]);
    const report = JSON.parse(err.join(""));
    expect(report.error).toBe("Dữ liệu đầu vào không hợp lệ");
    expect(report.issues).toEqual([
      { path: "year", message: "Năm đánh giá phải từ 2022 (Thông tư 124/2021/TT-BCA có hiệu lực từ 10/02/2022)" },
    ]);
  });

  it("exits 2 when the input is not JSON", () => {
    const { cli, err } = io({ "x.json": "{ kind: KDC" });
    expect(runCli(["x.json"], cli)).toBe(EXIT_INVALID);
    expect(JSON.parse(err.join("")).error).toBe("Dữ liệu không phải JSON hợp lệ");
  });

  it("exits 2 for an unknown rule set", () => {
    const { cli, err } = io({}, JSON.stringify({ unit: passingKdc(), ruleSetId: "TT23-2012" }));
    expect(runCli([], cli)).toBe(EXIT_INVALID);
    expect(JSON.parse(err.join("")).issues[0].path).toBe("ruleSetId");
  });
});
