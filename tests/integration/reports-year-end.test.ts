/**
 * The year-end report's input over the seeded demo province: it lists exactly the units the
 * database holds as RECOGNISED / NOT_RECOGNISED for the year (active, not excluded — what the
 * headline counts), so the Word builder accepts it; and the download answers like the decisions'.
 */
import JSZip from "jszip";
import { threadId } from "node:worker_threads";
import { afterAll, describe, expect, it } from "vitest";
import type { DossierState } from "../../lib/generated/prisma/enums";
import type { Actor } from "../../lib/auth/actor";
import { ForbiddenError } from "../../lib/auth/permissions";
import { loadUserActor } from "../../lib/users/load-actor";
import { DEFAULT_REFUSAL_REASON, REPORT_PLACE, reportIssuedOn, yearEndReportInput, yearEndReportTask } from "../../lib/reports/year-end-report-queries";
import { readReportListsOverPg } from "../../lib/reports/year-end-report-lists";
import { compareReportUnits } from "../../lib/reports/exports/year-end-report-order";
import { DOCX_MIME_TYPE } from "../../lib/reports/exports";
import { PROGRESS_CONTENT_TYPE, reportDownload, yearEndDocxFile } from "../../app/api/reports/report-files";
import { closeDocumentPool, streamDocument } from "../../lib/documents/document-pool";
import { openDocx } from "../../lib/documents/docx-test-helpers";
import { readProgressDownload } from "../../components/dashboard/progress-download";
import { seedDemoProvince } from "../../prisma/seed/demo-province";
import { DEMO_YEAR } from "../../prisma/seed/demo-data";
import { setupTestDatabase } from "./test-db";

const t = setupTestDatabase({ keepData: true, setup: async (prisma) => void (await seedDemoProvince(prisma)) });
afterAll(closeDocumentPool);

/** Last year's cycle is decided in the seed; this year's is still under way. */
const LAST = DEMO_YEAR - 1;
const TODAY = `${DEMO_YEAR}-11-24`;

async function demoActor(username: string): Promise<Actor> {
  const user = await t.prisma.user.findUniqueOrThrow({ where: { username } });
  const actor = await loadUserActor(t.prisma, user.id);
  if (!actor) throw new Error(username);
  return actor;
}

/** What the database says, independently of the use-case: "name|commune|decision or reason", sorted. */
async function expectedUnits(year: number, state: DossierState): Promise<string[]> {
  const dossiers = await t.prisma.dossier.findMany({
    where: { year, state, unit: { isActive: true, exclusionReason: null } },
    include: { unit: { include: { commune: true } }, decision: true },
  });
  return dossiers
    .map((d) => `${d.unit.name}|${d.unit.kind}|${d.unit.commune.name}|${state === "RECOGNISED" ? d.decision!.number : d.refusalReason?.trim() || DEFAULT_REFUSAL_REASON}`)
    .sort();
}

const keys = {
  recognised: (units: { name: string; kind: string; commune: string; decisionNumber: string }[]) => units.map((u) => `${u.name}|${u.kind}|${u.commune}|${u.decisionNumber}`).sort(),
  refused: (units: { name: string; kind: string; commune: string; reason: string }[]) => units.map((u) => `${u.name}|${u.kind}|${u.commune}|${u.reason}`).sort(),
};

describe("yearEndReportInput", () => {
  it("lists exactly last year's RECOGNISED and NOT_RECOGNISED units, matching the headline", async () => {
    const input = await yearEndReportInput(t.prisma, await demoActor("lanhdao"), LAST, TODAY);
    const recognised = await expectedUnits(LAST, "RECOGNISED");
    const refused = await expectedUnits(LAST, "NOT_RECOGNISED");
    expect(recognised.length).toBeGreaterThan(0);
    expect(refused.length).toBeGreaterThan(0);
    expect(keys.recognised(input.recognised)).toEqual(recognised);
    expect(keys.refused(input.notRecognised)).toEqual(refused);
    expect(input.recognised).toHaveLength(input.data.headline.recognised);
    expect(input.notRecognised).toHaveLength(input.data.headline.notRecognised);
    // The seed gives no refusal reason: the default is printed.
    expect(input.notRecognised.every((u) => u.reason === DEFAULT_REFUSAL_REASON)).toBe(true);
    expect(input.data.filters).toEqual({ year: LAST });
    expect(input).toMatchObject({ place: REPORT_PLACE, issuedOn: TODAY });
    expect(input.signer.fullName).not.toBe("");
  });

  it("prints the units by commune, then kind, then name", async () => {
    const { recognised } = await yearEndReportInput(t.prisma, await demoActor("thamdinh.tinh"), LAST, TODAY);
    const collator = new Intl.Collator("vi", { sensitivity: "base", numeric: true });
    const communes = recognised.map((u) => u.commune);
    expect(communes).toEqual([...communes].sort(collator.compare));
  });

  it("this year nothing is decided yet: empty lists, still a report", async () => {
    const input = await yearEndReportInput(t.prisma, await demoActor("admin"), DEMO_YEAR, TODAY);
    expect(await t.prisma.dossier.count({ where: { year: DEMO_YEAR, state: { in: ["RECOGNISED", "NOT_RECOGNISED"] } } })).toBe(0);
    expect(input.recognised).toEqual([]);
    expect(input.notRecognised).toEqual([]);
    expect(input.data.headline.registered).toBeGreaterThan(0);
  });

  it("refuses whoever may not read the province, before reading anything", async () => {
    for (const username of ["canbo.sotuphap", "canbo.phuonglaocai", "thamdinh.xa"]) {
      await expect(yearEndReportInput(t.prisma, await demoActor(username), LAST, TODAY), username).rejects.toBeInstanceOf(ForbiddenError);
    }
    await expect(yearEndReportInput(t.prisma, null, LAST, TODAY)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("signs today when the builder allows it, else within the report's year", () => {
    expect(reportIssuedOn(2026, "2026-11-24")).toBe("2026-11-24");
    expect(reportIssuedOn(2025, "2026-01-05")).toBe("2026-01-05");
    expect(reportIssuedOn(2023, "2026-11-24")).toBe("2023-12-31");
    expect(reportIssuedOn(2027, "2026-11-24")).toBe("2027-01-01");
  });
});

describe("GET /api/reports/year-end.docx (route logic)", () => {
  it("401 without a session, 403 for a unit officer, the Word report for the leader", async () => {
    expect((await reportDownload(null, (a) => yearEndDocxFile(t.db, a, LAST))).status).toBe(401);
    const refused = await reportDownload(await demoActor("canbo.sotuphap"), (a) => yearEndDocxFile(t.db, a, LAST));
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain("không có quyền");

    const response = await reportDownload(await demoActor("lanhdao"), (a) => yearEndDocxFile(t.db, a, LAST));
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe(DOCX_MIME_TYPE);
    expect(response.headers.get("Content-Disposition")).toContain(`filename="Bao-cao-ANTT-${LAST}.docx"`);
    expect(response.headers.get("Content-Disposition")).toContain("filename*=UTF-8''");
    const zip = await JSZip.loadAsync(await response.arrayBuffer());
    const xml = await zip.file("word/document.xml")!.async("string");
    const first = await t.prisma.dossier.findFirstOrThrow({ where: { year: LAST, state: "RECOGNISED" }, include: { unit: true, decision: true }, orderBy: { unit: { name: "asc" } } });
    expect(xml).toContain(first.unit.name);
    expect(xml).toContain(first.decision!.number);
  });

  it("on PostgreSQL lets the worker read the lists over its own connection; on PGlite hands them over", async () => {
    const leader = await demoActor("lanhdao");
    const whole = await yearEndReportInput(t.prisma, leader, LAST, TODAY);
    const url = t.db.config.kind === "postgres" ? t.db.config.url : null;
    const { input, lists } = await yearEndReportTask(t.prisma, url, leader, LAST, TODAY);
    const withoutClock = ({ data: { generatedAt: _g, ...data }, recognised: _r, notRecognised: _n, ...rest }: typeof whole) => ({ ...rest, data });
    expect(withoutClock(input)).toEqual(withoutClock(whole));
    if (url) {
      expect(input.recognised).toEqual([]);
      expect(input.notRecognised).toEqual([]);
      const read = await readReportListsOverPg(lists!);
      expect(read.recognised.sort(compareReportUnits)).toEqual(whole.recognised);
      expect(read.notRecognised.sort(compareReportUnits)).toEqual(whole.notRecognised);
    } else {
      expect(lists).toBeUndefined();
      expect([...input.recognised].sort(compareReportUnits)).toEqual(whole.recognised);
      expect([...input.notRecognised].sort(compareReportUnits)).toEqual(whole.notRecognised);
    }
    expect(whole.recognised.length).toBeGreaterThan(0);
    expect(whole.notRecognised.length).toBeGreaterThan(0);
  });

  it("streams the report from a document worker thread: chunked, every listed unit in its tables", async () => {
    const leader = await demoActor("lanhdao");
    const input = await yearEndReportInput(t.prisma, leader, LAST, TODAY);
    const streamed = await streamDocument({ kind: "year-end-report", input });
    expect(streamed.threadId).not.toBe(threadId);
    expect(streamed.rows).toBe(input.data.communes.length + input.recognised.length + input.notRecognised.length);
    await streamed.stream.cancel();

    // The route reads the lists unsorted and the worker puts them in print order.
    const response = await reportDownload(leader, (a) => yearEndDocxFile(t.db, a, LAST));
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Length")).toBeNull();
    const docx = await openDocx(new Uint8Array(await response.arrayBuffer()));
    const recognised = docx.tables.find((rows) => rows[0]?.[4] === "Quyết định công nhận")!;
    expect(recognised.slice(1).map((row) => `${row[1]}|${row[3]}|${row[4]}`)).toEqual(input.recognised.map((u) => `${u.name}|${u.commune}|${u.decisionNumber}`));
    const refused = docx.tables.find((rows) => rows[0]?.[4] === "Lý do không được công nhận")!;
    expect(refused.slice(1).map((row) => `${row[1]}|${row[3]}|${row[4]}`)).toEqual(input.notRecognised.map((u) => `${u.name}|${u.commune}|${u.reason}`));
    const communes = docx.tables.find((rows) => rows[0]?.[1] === "Xã, phường")!;
    expect(communes.slice(2).map((row) => row[1])).toEqual(input.data.communes.map((c) => c.name));
  });

  it("with ?progress=1, answers progress lines up to every row, then the same report", async () => {
    const leader = await demoActor("lanhdao");
    const response = await reportDownload(leader, (a, onProgress) => yearEndDocxFile(t.db, a, LAST, onProgress), true);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe(PROGRESS_CONTENT_TYPE);
    const seen: { done: number; total: number }[] = [];
    const file = await readProgressDownload(response.body!, (progress) => seen.push(progress));
    const input = await yearEndReportInput(t.prisma, leader, LAST, TODAY);
    const rows = input.data.communes.length + input.recognised.length + input.notRecognised.length;
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.at(-1)).toEqual({ done: rows, total: rows });
    expect(seen.map((p) => p.done)).toEqual([...seen.map((p) => p.done)].sort((a, b) => a - b));
    expect(file).toMatchObject({ fileName: `Báo cáo kết quả ANTT năm ${LAST}.docx`, contentType: DOCX_MIME_TYPE });
    const viaProgress = await openDocx(new Uint8Array(await new Blob(file.parts).arrayBuffer()));
    const plain = await openDocx(new Uint8Array(await (await reportDownload(leader, (a) => yearEndDocxFile(t.db, a, LAST))).arrayBuffer()));
    expect(viaProgress.tables).toEqual(plain.tables);
    // Refusals keep their status in this mode too.
    expect((await reportDownload(await demoActor("canbo.sotuphap"), (a, p) => yearEndDocxFile(t.db, a, LAST, p), true)).status).toBe(403);
  });

  it("answers 422 in Vietnamese, before any byte, when the worker refuses the data", async () => {
    const leader = await demoActor("lanhdao");
    const input = await yearEndReportInput(t.prisma, leader, LAST, TODAY);
    const response = await reportDownload(
      leader,
      async () => {
        const { stream } = await streamDocument({ kind: "year-end-report", input: { ...input, recognised: input.recognised.slice(1) } });
        return { bytes: stream, contentType: DOCX_MIME_TYPE, asciiName: "x.docx", utf8Name: "x.docx" };
      },
      true,
    );
    expect(response.status).toBe(422);
    expect(await response.text()).toContain(`Danh sách đơn vị được công nhận có ${input.recognised.length - 1} đơn vị, khác số liệu tổng hợp`);
  });

  // Changes data: keep these last.
  it("uses the reviewer's refusal reason when the dossier has one", async () => {
    const dossier = await t.prisma.dossier.findFirstOrThrow({ where: { year: LAST, state: "NOT_RECOGNISED" }, include: { unit: { include: { commune: true } } } });
    await t.prisma.dossier.update({ where: { id: dossier.id }, data: { refusalReason: "  Để xảy ra vụ việc phức tạp về an ninh, trật tự  " } });
    const input = await yearEndReportInput(t.prisma, await demoActor("lanhdao"), LAST, TODAY);
    // (Names repeat across communes: "Tổ dân phố số 1".)
    expect(input.notRecognised.find((u) => u.name === dossier.unit.name && u.commune === dossier.unit.commune.name)?.reason).toBe("Để xảy ra vụ việc phức tạp về an ninh, trật tự");
    expect(keys.refused(input.notRecognised)).toEqual(await expectedUnits(LAST, "NOT_RECOGNISED"));
  });

  // ADR 0009: a past year's report gives the same units every time it is run; the dossier froze
  // the unit's exclusion state when it registered (it was eligible then).
  it("keeps a unit excluded since in a past year's report, as the headline does, so the report still builds", async () => {
    const before = await yearEndReportInput(t.prisma, await demoActor("lanhdao"), LAST, TODAY);
    const dossier = await t.prisma.dossier.findFirstOrThrow({ where: { year: LAST, state: "RECOGNISED", unit: { kind: "DN" } }, include: { unit: true } });
    await t.prisma.unit.update({ where: { id: dossier.unitId }, data: { exclusionReason: "SMALL_MICRO_ENTERPRISE" } });
    const after = await yearEndReportInput(t.prisma, await demoActor("lanhdao"), LAST, TODAY);
    expect(after.recognised).toEqual(before.recognised);
    expect(after.recognised.some((u) => u.name === dossier.unit.name)).toBe(true);
    expect(after.recognised).toHaveLength(after.data.headline.recognised);
    const response = await reportDownload(await demoActor("lanhdao"), (a) => yearEndDocxFile(t.db, a, LAST));
    expect(response.status).toBe(200);
  });
});
