import { describe, expect, it } from "vitest";
import { formatSummary, parsePhases, summarize, type PhaseRun, type TestReport } from "../../scripts/test-report";

const vitestReport = (files: { name: string; status?: string; message?: string; tests: [string, string][] }[]): TestReport => ({
  numPassedTests: files.flatMap((f) => f.tests).filter(([, s]) => s === "passed").length,
  numPendingTests: files.flatMap((f) => f.tests).filter(([, s]) => s === "skipped").length,
  numTodoTests: 0,
  testResults: files.map((f) => ({
    name: `/repo/${f.name}`,
    status: f.status ?? (f.tests.some(([, s]) => s === "failed") ? "failed" : "passed"),
    message: f.message,
    assertionResults: f.tests.map(([fullName, status]) => ({ fullName, status })),
  })),
});

const playwrightReport = (tests: { title: string; project: string; status: "expected" | "unexpected" | "flaky" | "skipped" }[], errors: string[] = []): TestReport => ({
  suites: [{ title: "journey.spec.ts", file: "journey.spec.ts", specs: [], suites: [{ title: "group", specs: tests.map((t) => ({ title: t.title, file: "journey.spec.ts", tests: [{ projectName: t.project, status: t.status }] })) }] }],
  errors: errors.map((message) => ({ message })),
});

const lastLine = (text: string) => text.split("\n").at(-1);

describe("the closing report of npm test", () => {
  it("adds tests across runners, counts each check as one, and ends with the plain summary line", () => {
    const phases: PhaseRun[] = [
      { id: "install", title: "Install", status: 0, seconds: 3, setup: true },
      { id: "lint", title: "Lint", status: 0, seconds: 10 },
      { id: "unit", title: "Unit tests", status: 0, seconds: 20, report: "unit.json" },
      { id: "e2e", title: "End-to-end", status: 0, seconds: 90, report: "e2e.json" },
    ];
    const summary = summarize(phases, {
      "unit.json": vitestReport([{ name: "a.test.ts", tests: [["a works", "passed"], ["a also", "passed"], ["a later", "skipped"]] }]),
      "e2e.json": playwrightReport([
        { title: "signs in", project: "desktop", status: "expected" },
        { title: "journey", project: "desktop", status: "flaky" },
      ]),
    }, "/repo");
    expect(summary).toMatchObject({ passed: 5, failed: 0, skipped: 1, failures: [] });
    expect(summary.flaky).toEqual(["e2e  desktop › journey.spec.ts › journey"]);
    const text = formatSummary(summary);
    expect(lastLine(text)).toBe("5 passed, 0 failed, 1 skipped");
    expect(text).toContain("~ e2e  desktop › journey.spec.ts › journey");
    expect(text).toMatch(/End-to-end\s+passed\s+2 passed, 0 failed, 1 flaky\s+90 s/);
  });

  it("names every failed test, and a red check counts as a failure", () => {
    const summary = summarize(
      [
        { id: "lint", title: "Lint", status: 1, seconds: 10 },
        { id: "integration", title: "Integration", status: 1, seconds: 60, report: "i.json" },
        { id: "e2e", title: "End-to-end", status: 1, seconds: 60, report: "e.json" },
      ],
      {
        "i.json": vitestReport([{ name: "tests/x.test.ts", tests: [["x › saves", "failed"], ["x › reads", "passed"]] }]),
        "e.json": playwrightReport([{ title: "the yearly cycle", project: "phone", status: "unexpected" }]),
      },
      "/repo",
    );
    expect(summary.failures).toEqual([
      "lint  failed (exit code 1; its output is above)",
      "integration  tests/x.test.ts › x › saves",
      "e2e  phone › journey.spec.ts › the yearly cycle",
    ]);
    expect(lastLine(formatSummary(summary))).toBe("1 passed, 3 failed");
  });

  it("never reads 0 failed over a red run: crashes, missing reports, files that failed to load, phases not run", () => {
    const summary = summarize(
      [
        { id: "unit", title: "Unit", status: 1, seconds: 1, report: "missing.json" },
        { id: "integration", title: "Integration", status: 1, seconds: 5, report: "i.json" },
        { id: "build", title: "Build", status: 2, seconds: 5 },
        { id: "e2e", title: "End-to-end", status: { notRun: "build failed" }, seconds: 0, report: "e.json" },
        { id: "e2e-pg", title: "End-to-end PG", status: 1, seconds: 5, report: "pg.json" },
        { id: "e2e-web", title: "Web server", status: 1, seconds: 5, report: "web.json" },
        { id: "install", title: "Install", status: 1, seconds: 1, setup: true },
        { id: "unselected", title: "Not chosen", status: "unselected", seconds: 0 },
      ],
      {
        "i.json": vitestReport([{ name: "tests/y.test.ts", status: "failed", message: "Unable to start a transaction in the given time\n  at seed", tests: [] }]),
        "pg.json": playwrightReport([{ title: "ok", project: "desktop", status: "expected" }]),
        "web.json": playwrightReport([], ["Timed out waiting 180000ms from config.webServer."]),
      },
      "/repo",
    );
    expect(summary.failures).toEqual([
      "unit  wrote no report (exit code 1; its output is above)",
      "integration  tests/y.test.ts: Unable to start a transaction in the given time",
      "build  failed (exit code 2; its output is above)",
      "e2e  not run: build failed",
      "e2e-pg  exited with code 1 although no test failed (its output is above)",
      "e2e-web  Timed out waiting 180000ms from config.webServer.",
      "install  failed (exit code 1; its output is above)",
    ]);
    expect(summary.failed).toBe(7);
    expect(summary.phases.find((p) => p.id === "unselected")?.result).toBe("—");
    expect(lastLine(formatSummary(summary))).toBe("1 passed, 7 failed");
  });

  it("reads the phase table that test-all.sh writes", () => {
    const tsv = ["install\tInstall npm packages\t0\t2\t-\tsetup", "unit\tUnit tests\t1\t30\tunit.json\tunit", "e2e\tEnd-to-end\tskipped: build failed\t0\te2e.json\te2e", "lint\tLint\tunselected\t0\t-\tchecks", ""].join("\n");
    expect(parsePhases(tsv)).toEqual([
      { id: "install", title: "Install npm packages", status: 0, seconds: 2, report: undefined, setup: true },
      { id: "unit", title: "Unit tests", status: 1, seconds: 30, report: "unit.json", setup: false },
      { id: "e2e", title: "End-to-end", status: { notRun: "build failed" }, seconds: 0, report: "e2e.json", setup: false },
      { id: "lint", title: "Lint", status: "unselected", seconds: 0, report: undefined, setup: false },
    ]);
  });
});
