/**
 * Password hashing with scrypt (memory-hard, in Node's crypto: no native add-on to build or
 * download). Stored self-describing so parameters can be raised later without breaking old hashes.
 */
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from "node:crypto";

const scrypt = (password: string, salt: Buffer, keylen: number, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) =>
    scryptCallback(password, salt, keylen, options, (error, key) => (error ? reject(error) : resolve(key))),
  );

// N = 2^15, r = 8, p = 1: OWASP's scrypt recommendation; ≈ 32 MiB and ~50 ms per hash here.
const DEFAULT = { N: 2 ** 15, r: 8, p: 1, keylen: 32 };
const MAXMEM = 128 * 1024 * 1024;

export async function hashPassword(password: string, params: { N: number; r: number; p: number; keylen: number } = DEFAULT): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, params.keylen, { N: params.N, r: params.r, p: params.p, maxmem: MAXMEM });
  return ["scrypt", params.N, params.r, params.p, salt.toString("base64"), key.toString("base64")].join("$");
}

/**
 * For a machine-generated one-time password (60 random bits, replaced at first sign-in): a
 * cheaper scrypt (N = 2^12, ≈ 8× faster) so thousands of accounts can be created at once. Its
 * strength is the password's randomness, which no hash cost adds to; a chosen password always
 * gets the full cost.
 */
export function hashOneTimePassword(password: string): Promise<string> {
  return hashPassword(password, { ...DEFAULT, N: 2 ** 12 });
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, saltB64, keyB64] = stored.split("$");
  if (scheme !== "scrypt" || !n || !r || !p || !saltB64 || !keyB64) return false;
  const expected = Buffer.from(keyB64, "base64");
  const actual = await scrypt(password, Buffer.from(saltB64, "base64"), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: MAXMEM,
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A fixed hash to verify against when the username does not exist, so timing does not reveal it. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(12).toString("hex"));
  return dummyHash;
}
