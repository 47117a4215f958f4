// Keeps the machine busy for the stress mode of the tests: N threads spin on the CPU (by default
// two per core, load ≈ 2 × cores), stopping by themselves after --seconds or when killed.
//   node scripts/cpu-burner.mjs [--per-core 2] [--seconds 5400]
import { availableParallelism } from "node:os";
import { Worker, isMainThread, workerData } from "node:worker_threads";

if (isMainThread) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? Number(process.argv[i + 1]) : fallback;
  };
  const threads = Math.max(1, Math.round(arg("per-core", 2) * availableParallelism()));
  const seconds = arg("seconds", 5400);
  const until = Date.now() + seconds * 1000;
  for (let i = 0; i < threads; i++) new Worker(new URL(import.meta.url), { workerData: { until } });
  console.log(`cpu-burner: ${threads} spinning threads for at most ${seconds} s (pid ${process.pid})`);
  setTimeout(() => process.exit(0), seconds * 1000).unref();
} else {
  let x = 0;
  while (Date.now() < workerData.until) {
    for (let i = 0; i < 1e6; i++) x = (x * 1103515245 + 12345) % 2147483648;
  }
}
