/**
 * Which evidence store the app uses, read from the environment (.env.example documents each name).
 * Pure: no I/O, so it is unit-tested and checked once at start-up (instrumentation.ts), where a
 * wrong setting stops the server with the reason instead of failing the first upload.
 */

export type EvidenceStorageConfig =
  | { kind: "local"; dir: string | undefined }
  | {
      kind: "s3";
      bucket: string;
      /** Unset: AWS itself, by region. Set: any S3-compatible server (MinIO, Ceph RGW, Garage…). */
      endpoint: string | undefined;
      region: string;
      /** Unset: the AWS SDK's default chain (environment, instance role…). */
      credentials: { accessKeyId: string; secretAccessKey: string } | undefined;
      /** http://host/bucket/key rather than http://bucket.host/key: what most on-premises servers need. */
      forcePathStyle: boolean;
      /** "" or a folder inside the bucket, ending with "/", so one bucket can hold several stores. */
      prefix: string;
    };

export class EvidenceStorageConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Evidence storage is misconfigured:\n- ${problems.join("\n- ")}`);
  }
}

type Env = Record<string, string | undefined>;
const read = (env: Env, name: string) => env[name]?.trim() || undefined;

function yesNo(value: string | undefined, name: string, problems: string[]): boolean | undefined {
  if (value === undefined) return undefined;
  if (/^(1|true|yes)$/i.test(value)) return true;
  if (/^(0|false|no)$/i.test(value)) return false;
  problems.push(`${name} must be 1 or 0 (got "${value}").`);
  return undefined;
}

/** The configured store, or every problem at once. */
export function evidenceStorageConfig(env: Env): EvidenceStorageConfig {
  const kind = (read(env, "ANTT_EVIDENCE_STORE") ?? "local").toLowerCase();
  if (kind === "local") return { kind: "local", dir: read(env, "ANTT_EVIDENCE_DIR") };
  if (kind !== "s3") throw new EvidenceStorageConfigError([`ANTT_EVIDENCE_STORE must be "local" or "s3" (got "${kind}").`]);

  const problems: string[] = [];
  const bucket = read(env, "ANTT_S3_BUCKET");
  if (!bucket) problems.push("ANTT_S3_BUCKET must name the bucket when ANTT_EVIDENCE_STORE=s3.");
  else if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) problems.push(`ANTT_S3_BUCKET "${bucket}" is not a valid bucket name (3–63 lower-case letters, digits, dots, hyphens).`);

  const endpoint = read(env, "ANTT_S3_ENDPOINT");
  if (endpoint) {
    let protocol = "";
    try {
      protocol = new URL(endpoint).protocol;
    } catch {
      protocol = "";
    }
    if (protocol !== "http:" && protocol !== "https:") problems.push(`ANTT_S3_ENDPOINT must be an http(s) address, e.g. https://s3.tinh.gov.vn (got "${endpoint}").`);
  }

  const accessKeyId = read(env, "ANTT_S3_ACCESS_KEY_ID");
  const secretAccessKey = read(env, "ANTT_S3_SECRET_ACCESS_KEY");
  if (!!accessKeyId !== !!secretAccessKey) problems.push("ANTT_S3_ACCESS_KEY_ID and ANTT_S3_SECRET_ACCESS_KEY are set together or not at all.");

  const pathStyle = yesNo(read(env, "ANTT_S3_FORCE_PATH_STYLE"), "ANTT_S3_FORCE_PATH_STYLE", problems);

  let prefix = read(env, "ANTT_S3_PREFIX") ?? "";
  if (prefix && !prefix.endsWith("/")) prefix += "/";
  if (prefix && (!/^[a-z0-9/-]+$/.test(prefix) || prefix.startsWith("/") || prefix.includes("//") || prefix.includes(".."))) {
    problems.push(`ANTT_S3_PREFIX "${prefix}" may hold only lower-case letters, digits, "-" and "/" (e.g. antt/evidence).`);
  }

  if (problems.length > 0) throw new EvidenceStorageConfigError(problems);
  return {
    kind: "s3",
    bucket: bucket!,
    endpoint,
    region: read(env, "ANTT_S3_REGION") ?? "us-east-1",
    credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
    // On-premises servers are reached by address, and most serve buckets only as a path; AWS
    // itself prefers virtual-hosted names.
    forcePathStyle: pathStyle ?? endpoint !== undefined,
    prefix,
  };
}

/** Problems only (start-up check): [] when the configuration is usable. */
export function evidenceStorageConfigProblems(env: Env): string[] {
  try {
    evidenceStorageConfig(env);
    return [];
  } catch (error) {
    if (error instanceof EvidenceStorageConfigError) return error.problems;
    throw error;
  }
}
