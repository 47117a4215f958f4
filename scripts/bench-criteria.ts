/**
 * Throughput of the criteria engine: evaluations per second over 10,000 generated units of
 * mixed kinds (seeded, so every run evaluates the same units), on one core (one JS thread).
 *
 * Inputs are validated with zod once, up front — the way the application uses the engine
 * (validate at the boundary, evaluate typed data) — and that cost is reported separately.
 *
 *   npm run bench:criteria            # default: 10,000 units, seed 20260331
 *   npm run bench:criteria -- 50000 7 # units, seed
 */
import { cpus, loadavg } from "node:os";
import { evaluateUnit, parseUnitInput, type EvaluationResult, type UnitInput } from "../lib/criteria";
import { syntheticUnits } from "../lib/criteria/syntheticUnits";

const UNITS = Number(process.argv[2] ?? 10_000);
const SEED = Number(process.argv[3] ?? 20_260_331);
const WARMUP_ROUNDS = 3;
const MEASURED_ROUNDS = 10;

const fmt = new Intl.NumberFormat("en-US");

function main(): void {
  const generated = syntheticUnits(UNITS, SEED);

  const parseStart = process.hrtime.bigint();
  const units: UnitInput[] = [];
  for (const raw of generated) {
    const parsed = parseUnitInput(JSON.parse(JSON.stringify(raw)));
    if (!parsed.ok) throw new Error(`generated unit is invalid: ${JSON.stringify(parsed.issues)}`);
    units.push(parsed.value);
  }
  const parseSeconds = Number(process.hrtime.bigint() - parseStart) / 1e9;

  const tally: Record<string, number> = {};
  let sink: EvaluationResult | undefined;
  for (const unit of units) {
    const result = evaluateUnit(unit);
    tally[result.overall] = (tally[result.overall] ?? 0) + 1;
  }
  for (let r = 0; r < WARMUP_ROUNDS; r++) for (const unit of units) sink = evaluateUnit(unit);

  const rates: number[] = [];
  const cpuRates: number[] = [];
  for (let r = 0; r < MEASURED_ROUNDS; r++) {
    const cpuStart = process.cpuUsage();
    const start = process.hrtime.bigint();
    for (const unit of units) sink = evaluateUnit(unit);
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const cpu = process.cpuUsage(cpuStart);
    rates.push(units.length / seconds);
    // CPU time of the whole process (all threads, GC helpers included): robust when other
    // processes share the machine, and never flattering since it counts helper threads too.
    cpuRates.push(units.length / ((cpu.user + cpu.system) / 1e6));
  }
  cpuRates.sort((a, b) => a - b);
  const cpuMedian = cpuRates[Math.floor(cpuRates.length / 2)]!;
  rates.sort((a, b) => a - b);
  const median = rates[Math.floor(rates.length / 2)]!;
  const kinds: Record<string, number> = {};
  for (const u of units) kinds[u.kind] = (kinds[u.kind] ?? 0) + 1;

  console.log(
    `criteria: ${fmt.format(Math.round(median))} evaluations/s over ${fmt.format(units.length)} units (mixed kinds), 1 core` +
      ` [median of ${MEASURED_ROUNDS} rounds; min ${fmt.format(Math.round(rates[0]!))}, max ${fmt.format(Math.round(rates[rates.length - 1]!))}]`,
  );
  console.log(`  kinds: ${Object.entries(kinds).map(([k, n]) => `${k} ${n}`).join(", ")}; verdicts: ${Object.entries(tally).map(([k, n]) => `${k} ${n}`).join(", ")}`);
  console.log(`  per CPU-second of this process (all its threads): ${fmt.format(Math.round(cpuMedian))} evaluations (median)`);
  console.log(`  zod validation at the boundary (once per unit, not in the figure): ${fmt.format(Math.round(units.length / parseSeconds))} units/s`);
  // Other processes on the machine lower the wall-clock figure; the load average says how much.
  const load = loadavg().map((l) => l.toFixed(2)).join(" ");
  console.log(`  node ${process.version}, ${cpus().length} CPUs, load average ${load}, seed ${SEED}; last result ${sink?.unitId ?? "-"}`);
}

main();
