/**
 * The evidence upload route on a real database: refusals happen before the body is read (a body
 * that fails when read proves it), an undeclared body is cut at the limit, content decides the type.
 */
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { receiveEvidenceUpload } from "../../app/api/dossiers/[dossierId]/evidence/receive-upload";
import { FileSystemEvidenceStorage } from "../../lib/dossiers/evidence-storage";
import { MAX_EVIDENCE_BYTES, evidenceUploadUrl } from "../../lib/dossiers/evidence-rules";
import type { Actor } from "../../lib/auth/actor";
import { dossierFacts, makeUser, makeWorld } from "./fixtures";
import { setupTestDatabase } from "./test-db";
import { docx, PDF, zip } from "../support/file-samples";

const t = setupTestDatabase();
const root = await mkdtemp(path.join(tmpdir(), "antt-upload-route-"));
const storage = new FileSystemEvidenceStorage(root);
afterAll(() => rm(root, { recursive: true, force: true }));

async function setup() {
  const w = await makeWorld(t.prisma);
  const officer = await makeUser(t.prisma, "canbo", "UNIT_OFFICER", { unitId: w.agencyA.id });
  const other = await makeUser(t.prisma, "canbo.khac", "UNIT_OFFICER", { unitId: w.agencyB.id });
  const dossier = await t.prisma.dossier.create({ data: { unitId: w.agencyA.id, ...(await dossierFacts(t.prisma, w.agencyA.id)), year: 2026, state: "SELF_ASSESSMENT", registeredOn: new Date("2026-03-02T00:00:00Z") } });
  return { officer, other, dossier };
}

/** A body that records whether anyone read it. */
function watchedBody(bytes: Uint8Array, chunkSize = 64 * 1024) {
  const state = { pulled: 0 };
  let at = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      state.pulled++;
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.subarray(at, at + chunkSize));
      at += chunkSize;
    },
  }, { highWaterMark: 0 }); // nothing is pulled until someone reads
  return { body, state };
}

function post(dossierId: string, init: { body: ReadableStream<Uint8Array> | Uint8Array; length?: number | null; fileName?: string; criterionId?: string; origin?: string }) {
  const headers = new Headers({ host: "antt.test", "content-type": "application/octet-stream" });
  if (init.length !== null) headers.set("content-length", String(init.length ?? (init.body as Uint8Array).length));
  if (init.origin) headers.set("origin", init.origin);
  const url = `http://antt.test${evidenceUploadUrl({ dossierId, criterionId: init.criterionId ?? "CQDN-1", fileName: init.fileName ?? "Kế hoạch ANTT 2026.pdf" })}`;
  return new Request(url, { method: "POST", headers, body: init.body as BodyInit, duplex: "half" } as RequestInit);
}

const deps = (actor: Actor | null) => ({ prisma: t.prisma, storage, loadActor: async () => actor });
const rows = async () => ({ files: await t.prisma.evidenceFile.count(), audit: await t.prisma.auditEvent.count(), stored: (await readdir(root).catch(() => [])).length });

describe("POST /api/dossiers/{id}/evidence", () => {
  it("stores a real file through the use-case and audits it", async () => {
    const { officer, dossier } = await setup();
    const bytes = await docx();
    const res = await receiveEvidenceUpload(post(dossier.id, { body: bytes, fileName: "Báo cáo.docx" }), dossier.id, deps(officer));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { ok: boolean; data: { id: string } };
    expect(body.ok).toBe(true);
    const file = await t.prisma.evidenceFile.findUniqueOrThrow({ where: { id: body.data.id } });
    expect(file).toMatchObject({ fileName: "Báo cáo.docx", sizeBytes: bytes.length, criterionId: "CQDN-1" });
    expect((await t.prisma.auditEvent.findMany()).map((e) => e.action)).toEqual(["evidence.uploaded"]);
  });

  it("refuses a declared length over 10 MB with 413 and a Vietnamese message, without reading the body", async () => {
    const { officer, dossier } = await setup();
    const before = await rows();
    const { body, state } = watchedBody(new Uint8Array(16));
    const res = await receiveEvidenceUpload(post(dossier.id, { body, length: MAX_EVIDENCE_BYTES + 1 }), dossier.id, deps(officer));
    expect(res.status).toBe(413);
    expect(res.headers.get("connection")).toBe("close");
    expect(await res.json()).toEqual({ ok: false, message: "Tệp vượt quá 10 MB (10,0 MB); vui lòng chọn tệp nhỏ hơn.", fieldErrors: { file: ["Tệp vượt quá 10 MB (10,0 MB); vui lòng chọn tệp nhỏ hơn."] } });
    expect(state.pulled).toBe(0);
    expect(await rows()).toEqual(before);
  });

  it("cuts an undeclared (chunked) body at the limit with 413", async () => {
    const { officer, dossier } = await setup();
    const before = await rows();
    const big = new Uint8Array(MAX_EVIDENCE_BYTES + 200 * 1024);
    big.set(PDF);
    const { body, state } = watchedBody(big);
    const res = await receiveEvidenceUpload(post(dossier.id, { body, length: null }), dossier.id, deps(officer));
    expect(res.status).toBe(413);
    expect(((await res.json()) as { message: string }).message).toBe("Tệp vượt quá 10 MB; vui lòng chọn tệp nhỏ hơn.");
    // Stopped one chunk past the limit, not at the end of the body.
    expect(state.pulled).toBeLessThanOrEqual(MAX_EVIDENCE_BYTES / (64 * 1024) + 2);
    expect(await rows()).toEqual(before);
  });

  it("refuses the signed-out, the unauthorized, a cross-site post and bad parameters before reading", async () => {
    const { officer, other, dossier } = await setup();
    const before = await rows();
    const cases: [Request, Actor | null, number, RegExp][] = [];
    const watched: { pulled: number }[] = [];
    const make = (init: Omit<Parameters<typeof post>[1], "body">, dossierId = dossier.id) => {
      const { body, state } = watchedBody(PDF);
      watched.push(state);
      return post(dossierId, { ...init, body, length: PDF.length });
    };
    cases.push([make({}), null, 401, /đăng nhập/]);
    cases.push([make({}), other, 403, /^Bạn không có quyền/]);
    cases.push([make({ origin: "https://evil.example" }), officer, 403, /^Bạn không có quyền/]);
    cases.push([make({ criterionId: "KDC-1" }), officer, 422, /^Tiêu chí không thuộc bộ tiêu chí/]);
    cases.push([make({ criterionId: "CQ\u0000DN" }), officer, 400, /^Dữ liệu chưa hợp lệ/]);
    cases.push([make({ fileName: "x".repeat(300) + ".pdf" }), officer, 400, /^Dữ liệu chưa hợp lệ/]);
    for (const [request, actor, status, message] of cases) {
      const res = await receiveEvidenceUpload(request, dossier.id, deps(actor));
      expect(res.status).toBe(status);
      expect(((await res.json()) as { message: string }).message).toMatch(message);
    }
    const notUuid = await receiveEvidenceUpload(make({}, "khong-phai-uuid"), "khong-phai-uuid", deps(officer));
    expect(notUuid.status).toBe(400);
    expect(await notUuid.json()).toMatchObject({ fieldErrors: { dossierId: ["Mã hồ sơ không hợp lệ."] } });
    const unknown = await receiveEvidenceUpload(make({}, "6f1c2a4e-8d0b-4c1e-9a53-2b7d9e0f1a22"), "6f1c2a4e-8d0b-4c1e-9a53-2b7d9e0f1a22", deps(officer));
    expect(await unknown.json()).toMatchObject({ ok: false, message: "Hồ sơ không tồn tại." });
    expect(watched.every((s) => s.pulled === 0)).toBe(true);
    expect(await rows()).toEqual(before);
  });

  it("refuses a zip renamed .docx by its content, leaving no row and no stored file", async () => {
    const { officer, dossier } = await setup();
    const before = await rows();
    const res = await receiveEvidenceUpload(post(dossier.id, { body: zip(), fileName: "bao-cao.docx" }), dossier.id, deps(officer));
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ ok: false, fieldErrors: { file: [expect.stringMatching(/^Nội dung tệp không đúng với định dạng của tên tệp \(\.docx\)\. Chỉ nhận PDF/)] } });
    expect(await rows()).toEqual(before);
  });
});
