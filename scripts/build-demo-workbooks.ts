/**
 * Writes the demo province's registry workbooks (prisma/seed/workbooks/*.xlsx) from the demo data
 * (prisma/seed/demo-data.ts, demo-province.ts): run it after changing the demo data, and commit
 * the files. A workbook whose data sheet reads the same as the committed one is left as it is
 * (a .xlsx carries the time it was written, so rewriting it would be a change of bytes only).
 *
 *   npm run seed:workbooks
 */
import { mkdir, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { isDeepStrictEqual } from "node:util";
import { buildDemoProvince } from "../prisma/seed/demo-province";
import { DEMO_WORKBOOK_DIR, demoWorkbooks, readDemoWorkbook, sheetOf } from "../prisma/seed/demo-workbooks";
import { runMain } from "./bench-support";

async function main(): Promise<number> {
  await mkdir(DEMO_WORKBOOK_DIR, { recursive: true });
  for (const workbook of demoWorkbooks(buildDemoProvince())) {
    const bytes = await workbook.build();
    const path = `${DEMO_WORKBOOK_DIR}${workbook.fileName}`;
    const fresh = await sheetOf({ bytes, fileName: workbook.fileName }, workbook.sheetName);
    if (existsSync(path) && isDeepStrictEqual(await sheetOf(await readDemoWorkbook(workbook), workbook.sheetName), fresh)) {
      console.log(`${workbook.fileName}: unchanged (${fresh.rows.length} rows)`);
      continue;
    }
    await writeFile(path, bytes);
    console.log(`${workbook.fileName}: written (${fresh.rows.length} rows)`);
  }
  return 0;
}

runMain(main);
