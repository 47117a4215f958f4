/**
 * The share the sub-units criteria read (CQDN-5, CSGD-6): eligible, active sub-units rated
 * TTLĐTT or HTTNV and above, out of all eligible, active sub-units. The security force is left
 * out: it is judged on its own (CQDN-4, CSGD-5), as the criteria engine does. Pure, so the page
 * and the client list compute it the same way.
 */
import type { EmulationResult } from "@/lib/domain/vocabulary";
import { GOOD_RESULTS } from "./sub-unit-schemas";

export type ShareRow = { eligibleForRating: boolean; isSecurityForce: boolean; isActive: boolean; result: EmulationResult | null };

export function subUnitShare(rows: readonly ShareRow[]) {
  const counted = rows.filter((r) => r.isActive && r.eligibleForRating && !r.isSecurityForce);
  const good = counted.filter((r) => r.result !== null && GOOD_RESULTS.includes(r.result)).length;
  const unrated = counted.filter((r) => r.result === null).length;
  return { good, total: counted.length, unrated, meetsSeventyPercent: counted.length > 0 && good * 10 >= counted.length * 7 };
}
