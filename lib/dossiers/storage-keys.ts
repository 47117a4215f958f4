/** Rules every evidence store shares: what a key may be, and the health probe's keys. */

/** Keys are made by the app (UUIDs), never from user input: anything else is a bug, refused loudly. */
export function assertStorageKey(key: string): string {
  if (!/^[a-z0-9/-]+$/.test(key) || key.includes("..") || key.startsWith("/") || key.includes("//")) throw new Error(`Invalid storage key: ${key}`);
  return key;
}

/** The health check writes, reads and removes a file under this prefix; list() never reports them. */
export const PROBE_PREFIX = "health-probe-";
