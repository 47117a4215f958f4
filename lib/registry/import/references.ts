/**
 * Records a sheet names by code or by name (a unit's commune and authority, an authority's area),
 * and how such a name is looked up and written back by the export. Pure.
 */
import { foldName } from "./cells";

/** A commune or an authority, as a sheet may name it. `isActive` false: deactivated in the registry. */
export type Reference = { id: string; code: string; name: string; isActive?: boolean };
/**
 * Looks a reference up by code first, then by name (folded: case, diacritics and spacing
 * ignored). A name two of them share is ambiguous: the sheet must use the code.
 */
export class ReferenceIndex {
  private readonly byCode = new Map<string, Reference>();
  private readonly byName = new Map<string, Reference[]>();
  constructor(references: readonly Reference[]) {
    for (const r of references) {
      this.byCode.set(r.code, r);
      const key = foldName(r.name);
      this.byName.set(key, [...(this.byName.get(key) ?? []), r]);
    }
  }
  find(text: string): Reference | "unknown" | "ambiguous" {
    const byCode = this.byCode.get(text);
    if (byCode) return byCode;
    const named = this.byName.get(foldName(text)) ?? [];
    if (named.length === 1) return named[0]!;
    return named.length === 0 ? "unknown" : "ambiguous";
  }
  /** How the export names each reference (by id): its name, or its code when the name is shared. */
  texts(): Map<string, string> {
    const out = new Map<string, string>();
    for (const list of this.byName.values()) for (const r of list) out.set(r.id, list.length > 1 ? r.code : r.name);
    return out;
  }
}

export const refMessage = (what: string, text: string, outcome: "unknown" | "ambiguous") =>
  outcome === "unknown"
    ? `Không tìm thấy ${what} “${text}” (theo mã hoặc tên).`
    : `Có nhiều ${what} cùng tên “${text}”; vui lòng ghi mã thay cho tên.`;

