/** One-time passwords an admin hands over (new accounts, resets). Server-only: uses node:crypto. */
import { randomInt } from "node:crypto";

// No 0/O, 1/l/I: read aloud or copied from paper without mistakes.
const ONE_TIME_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

/**
 * A one-time password for an admin to hand over: 12 random characters (60 bits) in three groups,
 * e.g. "k7mq-2xpa-9dvt". The digits rule of the policy is guaranteed.
 */
export function generateOneTimePassword(): string {
  for (;;) {
    const chars = Array.from({ length: 12 }, () => ONE_TIME_ALPHABET[randomInt(ONE_TIME_ALPHABET.length)]).join("");
    if (/\d/.test(chars) && /[a-z]/.test(chars)) return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
  }
}
