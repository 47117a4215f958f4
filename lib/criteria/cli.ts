/**
 * npm run evaluate -- <input.json>     (or stdin when no file or "-")
 *
 * Prints the evaluation result as pretty JSON on stdout. Exit codes:
 *   0 evaluated (whatever the verdict), 1 file unreadable, 2 input invalid (not JSON, or
 *   rejected by the schema: the Vietnamese issues go to stderr as JSON {path, message}).
 *
 * The only file of lib/criteria allowed to do I/O; `runCli` takes its I/O as arguments so the
 * unit tests can drive it without spawning a process.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { evaluateRequest, RuleSetNotFoundError } from "./evaluate";
import { parseEvaluationRequest } from "./validation";

export interface CliIo {
  readFile(path: string): string;
  readStdin(): string;
  stdout(text: string): void;
  stderr(text: string): void;
}

export const EXIT_OK = 0;
export const EXIT_UNREADABLE = 1;
export const EXIT_INVALID = 2;

const USAGE = "Cách dùng: npm run evaluate -- <tệp-dữ-liệu.json>   (bỏ trống hoặc \"-\" để đọc từ stdin)";

export function runCli(args: readonly string[], io: CliIo): number {
  if (args.includes("--help") || args.includes("-h")) {
    io.stdout(`${USAGE}\n`);
    return EXIT_OK;
  }
  const path = args.find((a) => !a.startsWith("--")) ?? "-";
  let text: string;
  try {
    text = path === "-" ? io.readStdin() : io.readFile(path);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    io.stderr(`Không đọc được tệp “${path}”: ${reason}\n`);
    return EXIT_UNREADABLE;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    io.stderr(`${JSON.stringify({ error: "Dữ liệu không phải JSON hợp lệ", detail: reason }, null, 2)}\n`);
    return EXIT_INVALID;
  }
  const parsed = parseEvaluationRequest(raw);
  if (!parsed.ok) {
    io.stderr(`${JSON.stringify({ error: "Dữ liệu đầu vào không hợp lệ", issues: parsed.issues }, null, 2)}\n`);
    return EXIT_INVALID;
  }
  try {
    io.stdout(`${JSON.stringify(evaluateRequest(parsed.value), null, 2)}\n`);
  } catch (error) {
    if (error instanceof RuleSetNotFoundError) {
      io.stderr(`${JSON.stringify({ error: "Dữ liệu đầu vào không hợp lệ", issues: [{ path: "ruleSetId", message: error.message }] }, null, 2)}\n`);
      return EXIT_INVALID;
    }
    throw error;
  }
  return EXIT_OK;
}

const nodeIo: CliIo = {
  readFile: (path) => readFileSync(path, "utf8"),
  readStdin: () => readFileSync(0, "utf8"),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = runCli(process.argv.slice(2), nodeIo);
}
