/**
 * A real S3-compatible server for tests: s3rver (the maintained @20minutes fork, pure JavaScript,
 * files in a folder), listening on a loopback port with one bucket. The integration tests start it
 * in-process; the two-instance test (scripts/two-instances.sh) runs it as a process:
 *   tsx scripts/s3-test-server.ts <port> <directory> <bucket>
 * Its credentials are s3rver's fixed test pair, S3RVER / S3RVER: a request must be signed (SigV4)
 * with that access key, or it is refused. The signature itself is not compared: s3rver builds a
 * bucket-level request's canonical path without the trailing slash the AWS SDK signs ("/bucket"
 * for "/bucket/"), so every list would fail; real servers (AWS, MinIO, Ceph) compare it.
 */
import { createRequire } from "node:module";
import { mkdirSync } from "node:fs";
import { pathToFileURL } from "node:url";

export const S3_TEST_CREDENTIALS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } as const;

type S3rverInstance = { run(): Promise<{ address: string; port: number }>; close(): Promise<void> };
type S3rverClass = new (options: Record<string, unknown>) => S3rverInstance;

export type S3TestServer = { endpoint: string; bucket: string; close(): Promise<void> };

export async function startS3TestServer(options: { port?: number; directory: string; bucket: string }): Promise<S3TestServer> {
  mkdirSync(options.directory, { recursive: true });
  // A CommonJS package without types; loaded by require so tsx and vitest agree.
  const S3rver = createRequire(import.meta.url)("@20minutes/s3rver") as S3rverClass;
  const server = new S3rver({
    address: "127.0.0.1",
    port: options.port ?? 0,
    directory: options.directory,
    silent: true,
    // Path-style only: the app is configured with ANTT_S3_FORCE_PATH_STYLE, as for MinIO.
    vhostBuckets: false,
    configureBuckets: [{ name: options.bucket, configs: [] }],
    allowMismatchedSignatures: true,
  });
  const { port } = await server.run();
  return { endpoint: `http://127.0.0.1:${port}`, bucket: options.bucket, close: () => server.close() };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const [port, directory, bucket] = process.argv.slice(2);
  if (!port || !directory || !bucket) {
    console.error("usage: tsx scripts/s3-test-server.ts <port> <directory> <bucket>");
    process.exit(2);
  }
  const server = await startS3TestServer({ port: Number(port), directory, bucket });
  console.log(`S3-compatible test server (s3rver) at ${server.endpoint}, bucket ${bucket}, folder ${directory}`);
  const stop = () => void server.close().finally(() => process.exit(0));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}
