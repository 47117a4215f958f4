/**
 * Accounts in bulk (issue 10 §4): which accounts a province still needs — one officer per unit,
 * one officer per commune, one commune-police reviewer per commune — and the usernames they get.
 * Pure; the use-case (bulk-accounts.ts) feeds it the database's candidates.
 */
import { z } from "zod";
import { UNIT_KINDS } from "@/lib/domain/vocabulary";
import { INVALID_CHOICE } from "@/lib/validation/input-rules";

export const BULK_TARGETS = ["UNIT_OFFICERS", "COMMUNE_OFFICERS", "COMMUNE_REVIEWERS"] as const;
export type BulkTarget = (typeof BULK_TARGETS)[number];

export const BULK_TARGET_LABELS: Record<BulkTarget, string> = {
  UNIT_OFFICERS: "Cán bộ đơn vị — một tài khoản cho mỗi đơn vị chưa có",
  COMMUNE_OFFICERS: "Cán bộ xã, phường — một tài khoản cho mỗi xã chưa có",
  COMMUNE_REVIEWERS: "Công an xã, phường (thẩm định khu dân cư) — một tài khoản cho mỗi xã chưa có",
};

/** At most this many accounts per run: a run is one transaction and one page of passwords. */
export const MAX_BULK_ACCOUNTS = 5_000;

const optional = <T extends z.ZodType>(schema: T) => z.union([z.literal("").transform(() => undefined), schema], { error: INVALID_CHOICE }).optional();

export const bulkAccountsSchema = z.object({
  target: z.enum(BULK_TARGETS, { error: INVALID_CHOICE }),
  /** Unit officers only: the unit kind (communes, XA, are COMMUNE_OFFICERS). */
  kind: optional(z.enum(UNIT_KINDS.filter((k) => k !== "XA") as ["KDC", "CQ", "DN", "CSGD"], { error: INVALID_CHOICE })),
  communeId: optional(z.uuid(INVALID_CHOICE)),
});
export type BulkAccountsInput = z.output<typeof bulkAccountsSchema>;

/** A unit or commune that needs an account. */
export type Candidate = { id: string; code: string; name: string };

export type ProposedAccount = {
  username: string;
  fullName: string;
  role: "UNIT_OFFICER" | "REVIEWER";
  unitId: string | null;
  areaId: string | null;
  reviewerLevel: "COMMUNE_POLICE" | null;
  /** What the account is for, as the admin reads it. */
  scopeName: string;
};

const PREFIX: Record<BulkTarget, string> = { UNIT_OFFICERS: "cb.", COMMUNE_OFFICERS: "cbxa.", COMMUNE_REVIEWERS: "ca." };

/** A code as a username part: lower case, no diacritics, only a–z 0–9 . _ - (usernameSchema's alphabet). */
export function usernamePart(code: string): string {
  return code
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .replace(/đ/gi, "d")
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/^[-._]+|[-._]+$/g, "");
}

/**
 * One account per candidate, named after its code (stable, so the admin can tell who gets which
 * sheet); a name already taken gets "-2", "-3"… Usernames stay within 50 characters.
 */
export function proposeAccounts(target: BulkTarget, candidates: readonly Candidate[], takenUsernames: ReadonlySet<string>): ProposedAccount[] {
  const taken = new Set(takenUsernames);
  return candidates.map((c) => {
    const base = `${PREFIX[target]}${usernamePart(c.code) || c.id.slice(0, 8)}`.slice(0, 46);
    let username = base;
    for (let n = 2; taken.has(username); n++) username = `${base}-${n}`;
    taken.add(username);
    const scopeName = c.name;
    switch (target) {
      case "UNIT_OFFICERS":
        return { username, fullName: `Cán bộ phụ trách ${c.name}`.slice(0, 120), role: "UNIT_OFFICER", unitId: c.id, areaId: null, reviewerLevel: null, scopeName };
      case "COMMUNE_OFFICERS":
        return { username, fullName: `Cán bộ phụ trách ${c.name}`.slice(0, 120), role: "UNIT_OFFICER", unitId: null, areaId: c.id, reviewerLevel: null, scopeName };
      case "COMMUNE_REVIEWERS":
        return { username, fullName: `Công an ${c.name}`.slice(0, 120), role: "REVIEWER", unitId: null, areaId: c.id, reviewerLevel: "COMMUNE_POLICE", scopeName };
    }
  });
}
