/**
 * The closing report of `npm test`: one row per phase, every failed test and every test that
 * passed only on a retry (flaky) by name, and the last line `N passed, M failed`.
 *
 * Pure: it reads the phase table and the runners' JSON reports given to it; the CLI at the end of
 * the file loads them from the results folder. A check without tests (lint, types, build) counts
 * as one; a phase that was not run because one it needs failed counts as one failure, and so does
 * a phase that exited non-zero without any failed test in its report (a crash, a server that did
 * not start), so the closing line never reads "0 failed" over a red run.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

/** One row of `phases.tsv`, written by scripts/test-all.sh. */
export type PhaseRun = {
  id: string;
  title: string;
  /** The exit code, or why it did not run: "skipped: <reason>" (counts as failed) or "unselected". */
  status: number | { notRun: string } | "unselected";
  seconds: number;
  /** The JSON report the phase wrote (vitest or Playwright), when it runs tests. */
  report?: string;
  /** Setup (installing, starting a server) is no test: it counts only when it fails. */
  setup?: boolean;
};

type VitestReport = {
  numPassedTests: number;
  numPendingTests: number;
  numTodoTests?: number;
  testResults: { name: string; status: string; message?: string; assertionResults: { fullName: string; status: string }[] }[];
};

type PlaywrightSuite = { title: string; file?: string; specs?: PlaywrightSpec[]; suites?: PlaywrightSuite[] };
type PlaywrightSpec = { title: string; file: string; tests: { projectName: string; status: "expected" | "unexpected" | "flaky" | "skipped" }[] };
type PlaywrightReport = { suites: PlaywrightSuite[]; errors?: { message?: string }[] };

export type TestReport = VitestReport | PlaywrightReport;

type Counts = { passed: number; failed: number; skipped: number; failures: string[]; flaky: string[] };

export type PhaseOutcome = PhaseRun & Counts & { result: "passed" | "failed" | "not run" | "—" };

export type Summary = { phases: PhaseOutcome[]; passed: number; failed: number; skipped: number; failures: string[]; flaky: string[] };

const firstLine = (text: string | undefined) => (text ?? "").trim().split("\n")[0]?.slice(0, 200) ?? "";

function countVitest(report: VitestReport, phase: string, root: string): Counts {
  const counts: Counts = { passed: report.numPassedTests, failed: 0, skipped: report.numPendingTests + (report.numTodoTests ?? 0), failures: [], flaky: [] };
  for (const file of report.testResults) {
    const name = path.relative(root, file.name) || file.name;
    const failedTests = file.assertionResults.filter((t) => t.status === "failed");
    for (const t of failedTests) counts.failures.push(`${phase}  ${name} › ${t.fullName}`);
    counts.failed += failedTests.length;
    // A file that failed to load or whose hooks threw has no failed test of its own.
    if (file.status === "failed" && failedTests.length === 0) {
      counts.failed += 1;
      counts.failures.push(`${phase}  ${name}: ${firstLine(file.message) || "the file failed outside its tests"}`);
    }
  }
  return counts;
}

function countPlaywright(report: PlaywrightReport, phase: string): Counts {
  const counts: Counts = { passed: 0, failed: 0, skipped: 0, failures: [], flaky: [] };
  const walk = (suite: PlaywrightSuite) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests) {
        const name = `${phase}  ${test.projectName} › ${spec.file} › ${spec.title}`;
        if (test.status === "expected") counts.passed += 1;
        else if (test.status === "flaky") {
          counts.passed += 1;
          counts.flaky.push(name);
        } else if (test.status === "skipped") counts.skipped += 1;
        else {
          counts.failed += 1;
          counts.failures.push(name);
        }
      }
    }
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of report.suites) walk(suite);
  for (const error of report.errors ?? []) {
    counts.failed += 1;
    counts.failures.push(`${phase}  ${firstLine(error.message) || "error outside any test"}`);
  }
  return counts;
}

function isVitest(report: TestReport): report is VitestReport {
  return "numPassedTests" in report;
}

export function summarize(phases: PhaseRun[], reports: Record<string, TestReport | undefined>, root = process.cwd()): Summary {
  const outcomes = phases.map((phase): PhaseOutcome => {
    if (phase.status === "unselected") return { ...phase, passed: 0, failed: 0, skipped: 0, failures: [], flaky: [], result: "—" };
    if (typeof phase.status === "object") {
      return { ...phase, passed: 0, failed: 1, skipped: 0, failures: [`${phase.id}  not run: ${phase.status.notRun}`], flaky: [], result: "not run" };
    }
    const report = phase.report ? reports[phase.report] : undefined;
    let counts: Counts;
    if (phase.report === undefined) {
      counts = phase.status === 0 ? { passed: phase.setup ? 0 : 1, failed: 0, skipped: 0, failures: [], flaky: [] } : { passed: 0, failed: 1, skipped: 0, failures: [`${phase.id}  failed (exit code ${phase.status}; its output is above)`], flaky: [] };
    } else if (!report) {
      counts = { passed: 0, failed: 1, skipped: 0, failures: [`${phase.id}  wrote no report (exit code ${phase.status}; its output is above)`], flaky: [] };
    } else {
      counts = isVitest(report) ? countVitest(report, phase.id, root) : countPlaywright(report, phase.id);
      if (phase.status !== 0 && counts.failed === 0) {
        counts.failed = 1;
        counts.failures.push(`${phase.id}  exited with code ${phase.status} although no test failed (its output is above)`);
      }
    }
    return { ...phase, ...counts, result: counts.failed > 0 ? "failed" : "passed" };
  });
  const sum = (key: "passed" | "failed" | "skipped") => outcomes.reduce((n, o) => n + o[key], 0);
  return {
    phases: outcomes,
    passed: sum("passed"),
    failed: sum("failed"),
    skipped: sum("skipped"),
    failures: outcomes.flatMap((o) => o.failures),
    flaky: outcomes.flatMap((o) => o.flaky),
  };
}

/** The report as printed; its last line is the closing `N passed, M failed[, K skipped]`. */
export function formatSummary(summary: Summary): string {
  const lines: string[] = [];
  const width = Math.max(5, ...summary.phases.map((p) => p.title.length));
  lines.push(`${"Phase".padEnd(width)}  ${"Result".padEnd(8)}  ${"Tests".padEnd(24)}  Time`);
  for (const p of summary.phases) {
    const tests = p.report && p.result !== "not run" && p.result !== "—" ? `${p.passed} passed, ${p.failed} failed${p.flaky.length ? `, ${p.flaky.length} flaky` : ""}` : "";
    const time = p.result === "not run" || p.result === "—" ? "" : `${p.seconds} s`;
    lines.push(`${p.title.padEnd(width)}  ${p.result.padEnd(8)}  ${tests.padEnd(24)}  ${time}`.trimEnd());
  }
  if (summary.failures.length) {
    lines.push("", `Failed (${summary.failures.length}):`, ...summary.failures.map((f) => `  ✗ ${f}`));
  }
  if (summary.flaky.length) {
    lines.push("", `Flaky — failed, then passed on the retry (${summary.flaky.length}):`, ...summary.flaky.map((f) => `  ~ ${f}`));
  }
  lines.push("", `${summary.passed} passed, ${summary.failed} failed${summary.skipped ? `, ${summary.skipped} skipped` : ""}`);
  return lines.join("\n");
}

/** Reads `phases.tsv` (id, title, status, seconds, report, group) as written by scripts/test-all.sh. */
export function parsePhases(tsv: string): PhaseRun[] {
  return tsv
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => {
      const [id = "", title = "", status = "", seconds = "0", report = "", group = ""] = line.split("\t");
      return {
        id,
        title,
        status: status === "unselected" ? "unselected" : status.startsWith("skipped:") ? { notRun: status.slice("skipped:".length).trim() } : Number(status),
        seconds: Number(seconds),
        report: report && report !== "-" ? report : undefined,
        setup: group === "setup",
      };
    });
}

function main(dir: string): number {
  const phases = parsePhases(readFileSync(path.join(dir, "phases.tsv"), "utf8"));
  const reports: Record<string, TestReport | undefined> = {};
  for (const phase of phases) {
    if (!phase.report) continue;
    const file = path.join(dir, phase.report);
    try {
      reports[phase.report] = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as TestReport) : undefined;
    } catch {
      reports[phase.report] = undefined; // a runner killed while writing: counted as "wrote no report"
    }
  }
  const summary = summarize(phases, reports);
  console.log(formatSummary(summary));
  return summary.failed > 0 ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  process.exit(main(process.argv[2] ?? ".data/test-results"));
}
