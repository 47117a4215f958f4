/**
 * The demo province's registry workbooks (prisma/seed/workbooks/, loaded by the seed through the
 * import) cannot drift from the demo data: each committed file's data sheet, as the import reads
 * it, equals what `npm run seed:workbooks` builds now. Compared as read cells, not bytes: a .xlsx
 * carries the time it was written.
 */
import { describe, expect, it } from "vitest";
import { buildDemoProvince } from "../../prisma/seed/demo-province";
import { DEMO_RESULT_YEARS, demoWorkbooks, readDemoWorkbook, sheetOf } from "../../prisma/seed/demo-workbooks";

const demo = buildDemoProvince();

describe("demo workbooks", () => {
  it.each(demoWorkbooks(demo).map((w) => [w.fileName, w] as const))("%s is what the demo data gives (else: npm run seed:workbooks)", async (fileName, workbook) => {
    const committed = await sheetOf(await readDemoWorkbook(workbook), workbook.sheetName);
    const built = await sheetOf({ bytes: await workbook.build(), fileName }, workbook.sheetName);
    expect(committed.headers).toEqual(built.headers);
    expect(committed.rows).toEqual(built.rows);
  });

  it("hold every commune, authority, unit and sub-unit, and every result of the demo years", () => {
    const workbooks = demoWorkbooks(demo);
    expect(workbooks.map((w) => w.fileName)).toEqual(["communes.xlsx", "authorities.xlsx", "units.xlsx", ...DEMO_RESULT_YEARS.map((y) => `sub-units-${y}.xlsx`)]);
    expect(demo.areas.filter((a) => a.level === "COMMUNE").length).toBeGreaterThanOrEqual(10);
    // Each sub-unit is one row of its year's file, so results of two years need two files.
    for (const year of DEMO_RESULT_YEARS) expect(demo.results.filter((r) => r.year === year).length).toBe(demo.subUnits.length);
  });
});
