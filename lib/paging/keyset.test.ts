import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseSearchParams } from "@/lib/validation/input-rules";
import {
  bigintCursor,
  cappedTotal,
  keysetOrderBy,
  keysetPage,
  keysetWhere,
  memoryPage,
  pageHrefs,
  pageOf,
  pageSearchFields,
  rangeLabel,
  totalLabel,
  uuidCursor,
  type KeysetColumn,
  type PageRequest,
} from "./keyset";

type Row = { id: string; commune: { name: string }; kind: string; name: string };
const KINDS = ["KDC", "XA", "CQ", "DN", "CSGD"] as const;
const COLUMNS: KeysetColumn<Row>[] = [
  { path: ["commune", "name"], dir: "asc", value: (r) => r.commune.name },
  { path: ["kind"], dir: "asc", value: (r) => r.kind, enumValues: KINDS },
  { path: ["name"], dir: "desc", value: (r) => r.name },
  { path: ["id"], dir: "asc", value: (r) => r.id },
];
const boundary: Row = { id: "u5", commune: { name: "An" }, kind: "XA", name: "B" };

describe("keysetWhere", () => {
  it("reads after the boundary: a leading bound, then one branch per column", () => {
    expect(keysetWhere(COLUMNS, boundary, true)).toEqual({
      AND: [
        { commune: { name: { gte: "An" } } },
        {
          OR: [
            { AND: [{ commune: { name: { gt: "An" } } }] },
            { AND: [{ commune: { name: { equals: "An" } } }, { kind: { in: ["CQ", "DN", "CSGD"] } }] },
            { AND: [{ commune: { name: { equals: "An" } } }, { kind: { equals: "XA" } }, { name: { lt: "B" } }] },
            { AND: [{ commune: { name: { equals: "An" } } }, { kind: { equals: "XA" } }, { name: { equals: "B" } }, { id: { gt: "u5" } }] },
          ],
        },
      ],
    });
  });

  it("reads before the boundary with every comparison turned round", () => {
    const where = keysetWhere(COLUMNS, boundary, false) as { AND: [unknown, { OR: { AND: unknown[] }[] }] };
    expect(where.AND[0]).toEqual({ commune: { name: { lte: "An" } } });
    expect(where.AND[1].OR[1]!.AND[1]).toEqual({ kind: { in: ["KDC"] } });
    expect(where.AND[1].OR[2]!.AND[2]).toEqual({ name: { gt: "B" } });
    expect(where.AND[1].OR[3]!.AND[3]).toEqual({ id: { lt: "u5" } });
  });

  it("bounds an enum leading column with the values from the boundary on", () => {
    const cols: KeysetColumn<Row>[] = [COLUMNS[1]!, COLUMNS[3]!];
    expect((keysetWhere(cols, boundary, true) as { AND: unknown[] }).AND[0]).toEqual({ kind: { in: ["XA", "CQ", "DN", "CSGD"] } });
    expect((keysetWhere(cols, boundary, false) as { AND: unknown[] }).AND[0]).toEqual({ kind: { in: ["KDC", "XA"] } });
    expect(() => keysetWhere(cols, { ...boundary, kind: "NOPE" }, true)).toThrow(/Unknown enum value/);
  });
});

describe("keysetOrderBy", () => {
  it("is the list's order forwards and its mirror backwards", () => {
    expect(keysetOrderBy(COLUMNS, true)).toEqual([{ commune: { name: "asc" } }, { kind: "asc" }, { name: "desc" }, { id: "asc" }]);
    expect(keysetOrderBy(COLUMNS, false)).toEqual([{ commune: { name: "desc" } }, { kind: "desc" }, { name: "asc" }, { id: "desc" }]);
  });
});

const rows = (ids: number[]) => ids.map((i) => ({ id: `r${i}` }));

describe("pageOf", () => {
  it("first page: no previous, a next when the probe row came back", () => {
    expect(pageOf(rows([1, 2, 3]), { size: 2, forward: true, hadBoundary: false, from: 99 })).toEqual({ rows: rows([1, 2]), from: 1, size: 2, before: null, after: "r2" });
    expect(pageOf(rows([1, 2]), { size: 2, forward: true, hadBoundary: false, from: undefined })).toEqual({ rows: rows([1, 2]), from: 1, size: 2, before: null, after: null });
  });

  it("a later page keeps the position it was given", () => {
    expect(pageOf(rows([3, 4, 5]), { size: 2, forward: true, hadBoundary: true, from: 3 })).toEqual({ rows: rows([3, 4]), from: 3, size: 2, before: "r3", after: "r4" });
    expect(pageOf(rows([5]), { size: 2, forward: true, hadBoundary: true, from: 5 })).toEqual({ rows: rows([5]), from: 5, size: 2, before: "r5", after: null });
  });

  it("going back restores the order, and reaching the start says row 1", () => {
    // Read backwards from r5: r4, r3 and the probe r2.
    expect(pageOf(rows([4, 3, 2]), { size: 2, forward: false, hadBoundary: true, from: 3 })).toEqual({ rows: rows([3, 4]), from: 3, size: 2, before: "r3", after: "r4" });
    expect(pageOf(rows([2, 1]), { size: 2, forward: false, hadBoundary: true, from: 7 })).toEqual({ rows: rows([1, 2]), from: 1, size: 2, before: null, after: "r2" });
  });
});

describe("keysetPage", () => {
  // A list of 7 ids sorted by id, read through a fake fetch that honours the keyset arguments.
  const all = ["a", "b", "c", "d", "e", "f", "g"].map((id) => ({ id }));
  const cols: KeysetColumn<{ id: string }>[] = [{ path: ["id"], dir: "asc", value: (r) => r.id }];
  const fetch = async ({ where, orderBy, take }: { where: Record<string, unknown>; orderBy: Record<string, unknown>[]; take: number }) => {
    const forward = orderBy[0]!.id === "asc";
    const bound = JSON.stringify(where).match(/"(gt|lt)":"(\w)"/);
    const ordered = forward ? all : [...all].reverse();
    return ordered.filter((r) => !bound || (bound[1] === "gt" ? r.id > bound[2]! : r.id < bound[2]!)).slice(0, take);
  };
  const boundaryOf = async (id: string) => all.find((r) => r.id === id) ?? null;
  const page = (request: PageRequest) => keysetPage({ request, size: 3, columns: cols, boundary: boundaryOf, fetch });

  it("walks forwards and backwards over every row once", async () => {
    const p1 = await page({});
    expect(p1.rows.map((r) => r.id)).toEqual(["a", "b", "c"]);
    const p2 = await page({ after: p1.after!, from: 4 });
    expect(p2).toMatchObject({ from: 4, before: "d", after: "f" });
    const p3 = await page({ after: p2.after!, from: 7 });
    expect(p3.rows.map((r) => r.id)).toEqual(["g"]);
    expect(p3.after).toBeNull();
    const back = await page({ before: p3.before!, from: 4 });
    expect(back.rows.map((r) => r.id)).toEqual(["d", "e", "f"]);
    const start = await page({ before: back.before!, from: 1 });
    expect(start).toMatchObject({ from: 1, before: null, after: "c" });
  });

  it("opens the first page for a cursor that is gone or out of scope", async () => {
    expect(await page({ after: "zz", from: 40 })).toMatchObject({ from: 1, before: null });
    // Before the very first row: nothing there, so the first page rather than an empty one.
    expect((await page({ before: "a", from: 1 })).rows.map((r) => r.id)).toEqual(["a", "b", "c"]);
  });
});

describe("memoryPage", () => {
  const all = ["a", "b", "c", "d", "e", "f", "g"].map((id) => ({ id }));
  const ids = (p: { rows: { id: string }[] }) => p.rows.map((r) => r.id);

  it("walks forwards and backwards over every row once, with exact positions", () => {
    const p1 = memoryPage(all, {}, 3);
    expect(p1).toMatchObject({ from: 1, before: null, after: "c" });
    expect(ids(p1)).toEqual(["a", "b", "c"]);
    // The URL's `from` is only a label: the position comes from the cursor's place in the list.
    const p2 = memoryPage(all, { after: p1.after!, from: 99 }, 3);
    expect(p2).toMatchObject({ from: 4, before: "d", after: "f" });
    const p3 = memoryPage(all, { after: p2.after! }, 3);
    expect(p3).toMatchObject({ from: 7, after: null, before: "g" });
    expect(ids(p3)).toEqual(["g"]);
    const back = memoryPage(all, { before: p3.before! }, 3);
    expect(back).toMatchObject({ from: 4, before: "d", after: "f" });
    expect(ids(back)).toEqual(["d", "e", "f"]);
    const start = memoryPage(all, { before: back.before! }, 3);
    expect(start).toMatchObject({ from: 1, before: null, after: "c" });
    expect(ids(start)).toEqual(["a", "b", "c"]);
  });

  it("opens the first page for an unknown cursor or one before the first row; an empty list is one empty page", () => {
    expect(memoryPage(all, { after: "zz" }, 3)).toMatchObject({ from: 1, before: null, after: "c" });
    expect(ids(memoryPage(all, { before: "a" }, 3))).toEqual(["a", "b", "c"]);
    expect(memoryPage([], { after: "a" }, 3)).toEqual({ rows: [], from: 1, size: 3, before: null, after: null });
  });

  it("goes back to a short first page when the cursor is near the start", () => {
    const p = memoryPage(all, { before: "c" }, 3);
    expect(ids(p)).toEqual(["a", "b"]);
    expect(p).toMatchObject({ from: 1, before: null, after: "b" });
  });
});

describe("counts and labels", () => {
  it("counts no further than the cap", async () => {
    expect(await cappedTotal(async (take) => Math.min(take, 42), 100)).toEqual({ count: 42, capped: false });
    expect(await cappedTotal(async (take) => Math.min(take, 5000), 1000)).toEqual({ count: 1000, capped: true });
  });

  it("speaks Vietnamese with Vietnamese digit grouping", () => {
    const page = { from: 51, rows: new Array(50).fill(null) };
    expect(rangeLabel(page, { count: 1234, capped: false })).toBe("Hiển thị 51–100 trong số 1.234");
    expect(rangeLabel(page, { count: 10_000, capped: true })).toBe("Hiển thị 51–100 trong số hơn 10.000");
    expect(rangeLabel(page, null)).toBe("Hiển thị 51–100");
    expect(rangeLabel({ from: 1, rows: [] }, { count: 0, capped: false })).toBe("");
    // A hand-edited `from` never prints a range beyond the total.
    expect(rangeLabel({ from: 101, rows: [1, 2] }, { count: 20, capped: false })).toBe("Hiển thị 101–102 trong số 102");
    expect(totalLabel({ count: 40921, capped: false })).toBe("40.921");
    expect(totalLabel({ count: 10_000, capped: true })).toBe("hơn 10.000");
  });
});

describe("URL", () => {
  const schema = z.object({ q: z.string().optional().catch(undefined), ...pageSearchFields(uuidCursor) });
  const id = "0b6f7c1e-8a4f-4c3e-9d2a-1f0e5b7c9a11";

  it("reads the page from searchParams; a bad value drops only itself", () => {
    expect(parseSearchParams(schema, { q: "an", after: id, from: "51" })).toEqual({ q: "an", after: id, from: 51 });
    expect(parseSearchParams(schema, { q: "an", after: "'; drop", before: "x", from: "-3" })).toEqual({ q: "an", after: undefined, before: undefined, from: undefined });
    expect(z.object(pageSearchFields(bigintCursor)).parse({ before: "12345", from: "1e3" })).toEqual({ before: "12345", from: 1000 });
    expect(z.object(pageSearchFields(bigintCursor)).parse({ before: "12a" })).toEqual({ before: undefined });
  });

  it("links keep the filters and replace the page fields", () => {
    const page = { rows: [{ id: "b" }, { id: "c" }], from: 3, size: 2, before: "b", after: "c" };
    expect(pageHrefs("/units", { q: "An Bình", kind: undefined, communeId: "" }, page)).toEqual({
      first: "/units?q=An+B%C3%ACnh",
      previous: "/units?q=An+B%C3%ACnh&before=b&from=1",
      next: "/units?q=An+B%C3%ACnh&after=c&from=5",
    });
    expect(pageHrefs("/admin/users", {}, { ...page, before: null, after: null })).toEqual({ first: null, previous: null, next: null });
  });
});
