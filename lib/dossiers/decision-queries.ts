/**
 * Read side of recognition decisions (Quyết định công nhận): what an actor may still decide, the
 * decisions an actor may read, one decision with its units, and the plain data the Word builders
 * of lib/documents need. Issuing itself, with the deciding-authority rule, is `issueDecision` (./decisions).
 *
 * Every list is scoped in the query by the actor; a unit officer or a reviewer without a level
 * is refused (ForbiddenError), not given an empty list.
 */
import type { PrismaClient, Prisma } from "@/lib/generated/prisma/client";
import type { AuthorityKind, DossierState } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { authorize, can, unitScopeWhere } from "@/lib/auth/permissions";
import { UNIT_KINDS, type UnitKind } from "@/lib/domain/vocabulary";
import { suggestedDeciderKind } from "./deciding-authority";
import { loadCompetenceTable } from "@/lib/rules/competence-store";
import { reviewerLevels } from "@/lib/rules/competence";
import { verificationUrl } from "./decision-change";
import { cappedTotal, DEFAULT_PAGE_SIZE, keysetPage, type KeysetColumn, type PageRequest } from "@/lib/paging/keyset";
import type { RecognitionCertificateInput, RecognitionDecisionInput, SignerInput } from "@/lib/documents";

const collator = new Intl.Collator("vi-VN");
const kindRank = (kind: UnitKind) => UNIT_KINDS.indexOf(kind);

function byUnit<T extends { unit: { kind: UnitKind; name: string; commune: { name: string } } }>(a: T, b: T): number {
  return kindRank(a.unit.kind) - kindRank(b.unit.kind) || collator.compare(a.unit.commune.name, b.unit.commune.name) || collator.compare(a.unit.name, b.unit.name);
}

// ───────────────────────────── Proposed dossiers awaiting a decision ─────────────────────────────

export type ProposedDossier = {
  dossierId: string;
  version: number;
  proposedAt: Date | null;
  unit: { id: string; name: string; kind: UnitKind; communeId: string; commune: { id: string; name: string } };
};

export type ProposedGroup = {
  /** The authority id, or "missing:<kind>:<communeId>" when the suggested authority is not in the catalogue. */
  key: string;
  authority: { id: string; name: string; kind: AuthorityKind; documentSymbol: string; placeName: string } | null;
  /** The authority's name, or a description of the missing one ("Ủy ban nhân dân cấp xã của Xã An"). */
  label: string;
  /** Signer of the authority's latest decision, to prefill the form. */
  lastSigner: { name: string; title: string } | null;
  dossiers: ProposedDossier[];
};

/** A group's head: who should decide (from the dossier's frozen kind and commune). */
type ProposedGroupHead = Omit<ProposedGroup, "dossiers" | "lastSigner">;

/** How many PROPOSED dossiers await a decision by one authority (the decisions list's summary). */
export type ProposedGroupCount = { key: string; label: string; count: number };

/**
 * The actor's competence as of the dossiers' year, as issueDecision will judge it, for the
 * "dossier.decide" scope of `year`'s PROPOSED dossiers.
 */
async function proposedScope(prisma: PrismaClient, actor: Actor | null, year: number) {
  authorize(actor, { action: "decision.issue" });
  const table = await loadCompetenceTable(prisma, year);
  const yearActor: Actor = { ...actor, competence: reviewerLevels(table) };
  const where: Prisma.DossierWhereInput = { year, state: "PROPOSED", unit: unitScopeWhere(yearActor, "dossier.decide") };
  return { table, yearActor, where };
}

/**
 * The group each (frozen kind, commune) of `places` falls in: the authority that should decide
 * under `table` — UBND tỉnh, or the commune's UBND — or a "missing" group when the catalogue lacks
 * it. Both the issuing form's groups and the list's counts come from here.
 */
async function proposedGroupHeads(
  prisma: PrismaClient,
  table: Awaited<ReturnType<typeof loadCompetenceTable>>,
  places: { kind: UnitKind; communeId: string }[],
): Promise<(place: { kind: UnitKind; communeId: string }) => ProposedGroupHead> {
  const deciderOf = (p: { kind: UnitKind }) => suggestedDeciderKind(table[p.kind]);
  const communeIds = [...new Set(places.filter((p) => deciderOf(p) === "UBND_XA").map((p) => p.communeId))];
  const needsProvince = places.some((p) => deciderOf(p) === "UBND_TINH");
  const authorities =
    needsProvince || communeIds.length
      ? await prisma.authority.findMany({
          where: {
            OR: [...(needsProvince ? [{ kind: "UBND_TINH" as const }] : []), ...(communeIds.length ? [{ kind: "UBND_XA" as const, areaId: { in: communeIds } }] : [])],
          },
          select: { id: true, code: true, name: true, kind: true, documentSymbol: true, placeName: true, areaId: true },
          orderBy: { code: "asc" },
        })
      : [];
  const province = authorities.find((a) => a.kind === "UBND_TINH") ?? null;
  const communeUbnd = new Map<string, (typeof authorities)[number]>();
  for (const a of authorities) if (a.kind === "UBND_XA" && a.areaId && !communeUbnd.has(a.areaId)) communeUbnd.set(a.areaId, a);
  // Only a commune without its UBND in the catalogue needs its name (for the group's label).
  const unnamed = communeIds.filter((id) => !communeUbnd.has(id));
  const communeNames = new Map(
    unnamed.length ? (await prisma.administrativeArea.findMany({ where: { id: { in: unnamed } }, select: { id: true, name: true } })).map((a) => [a.id, a.name]) : [],
  );
  return (place) => {
    const deciderKind = deciderOf(place);
    const authority = deciderKind === "UBND_TINH" ? province : (communeUbnd.get(place.communeId) ?? null);
    return {
      key: authority?.id ?? (deciderKind === "UBND_TINH" ? "missing:UBND_TINH" : `missing:UBND_XA:${place.communeId}`),
      authority: authority ? { id: authority.id, name: authority.name, kind: authority.kind, documentSymbol: authority.documentSymbol, placeName: authority.placeName } : null,
      label: authority?.name ?? (deciderKind === "UBND_TINH" ? "Ủy ban nhân dân tỉnh" : `Ủy ban nhân dân cấp xã của ${communeNames.get(place.communeId) ?? ""}`),
    };
  };
}

/** UBND tỉnh first, then the communes' UBND by name. */
function byDecider(a: { key: string; label: string }, b: { key: string; label: string }, headOf: Map<string, ProposedGroupHead>): number {
  const rank = (key: string) => (headOf.get(key)?.authority?.kind === "UBND_TINH" || key === "missing:UBND_TINH" ? 0 : 1);
  return rank(a.key) - rank(b.key) || collator.compare(a.label, b.label);
}

/**
 * PROPOSED dossiers of `year` the actor may decide, grouped by the authority that should decide
 * them under the competence table of that year (read once): UBND tỉnh first, then the communes'
 * UBND by name. ADMIN sees every one; a reviewer those
 * it is competent for (the "dossier.decide" scope); anyone else is refused.
 */
export async function listProposedForDecision(prisma: PrismaClient, actor: Actor | null, year: number): Promise<ProposedGroup[]> {
  const { table, yearActor, where } = await proposedScope(prisma, actor, year);
  const rows = await prisma.dossier.findMany({
    where,
    select: {
      id: true,
      version: true,
      proposedAt: true,
      kind: true,
      communeId: true,
      commune: { select: { id: true, name: true } },
      unit: { select: { id: true, name: true, kind: true, communeId: true, commune: { select: { id: true, name: true } } } },
    },
  });
  // The query is the scope; the permission function stays the judge of each row (on who the unit
  // answers to today). What the decision is about — kind, commune, hence the deciding UBND — is
  // what the dossier froze at registration (ADR 0009).
  const dossiers: ProposedDossier[] = rows
    .filter((r) => can(yearActor, { action: "dossier.decide", unit: r.unit }))
    .map((r) => ({ dossierId: r.id, version: r.version, proposedAt: r.proposedAt, unit: { ...r.unit, kind: r.kind, communeId: r.communeId, commune: r.commune } }));
  if (dossiers.length === 0) return [];

  const headFor = await proposedGroupHeads(prisma, table, dossiers.map((d) => d.unit));
  const groups = new Map<string, ProposedGroup>();
  for (const d of dossiers) {
    const head = headFor(d.unit);
    let group = groups.get(head.key);
    if (!group) groups.set(head.key, (group = { ...head, lastSigner: null, dossiers: [] }));
    group.dossiers.push(d);
  }

  const authorityIds = [...groups.values()].flatMap((g) => (g.authority ? [g.authority.id] : []));
  const latest = await prisma.recognitionDecision.findMany({
    where: { authorityId: { in: authorityIds } },
    orderBy: [{ issuedOn: "desc" }, { createdAt: "desc" }],
    distinct: ["authorityId"],
    select: { authorityId: true, signerName: true, signerTitle: true },
  });
  for (const l of latest) {
    const g = groups.get(l.authorityId);
    if (g) g.lastSigner = { name: l.signerName, title: l.signerTitle };
  }

  const result = [...groups.values()].sort((a, b) => byDecider(a, b, groups));
  for (const g of result) g.dossiers.sort(byUnit);
  return result;
}

/**
 * How many of `listProposedForDecision`'s dossiers each authority has, in its order, counted in
 * the database: the decisions list shows only these counts, and loading every proposed dossier
 * with its unit to count them was most of that page's cost (297 rows at 1×: 15 ms of CPU a view).
 * The count trusts the query's scope, which is the permission module's own "dossier.decide"
 * scope (`unitScopeWhere`); the issuing form re-judges each row with `can` before anything is
 * decided.
 */
export async function countProposedForDecision(prisma: PrismaClient, actor: Actor | null, year: number): Promise<ProposedGroupCount[]> {
  const { table, where } = await proposedScope(prisma, actor, year);
  const places = await prisma.dossier.groupBy({ by: ["kind", "communeId"], where, _count: { _all: true } });
  if (places.length === 0) return [];
  const headFor = await proposedGroupHeads(prisma, table, places);
  const counts = new Map<string, ProposedGroupCount>();
  const heads = new Map<string, ProposedGroupHead>();
  for (const place of places) {
    const head = headFor(place);
    heads.set(head.key, head);
    const entry = counts.get(head.key) ?? { key: head.key, label: head.label, count: 0 };
    entry.count += place._count._all;
    counts.set(head.key, entry);
  }
  return [...counts.values()].sort((a, b) => byDecider(a, b, heads));
}

// ───────────────────────────── Decisions ─────────────────────────────

/**
 * Decisions an actor may list, as a Prisma where. Province-wide readers see all; a reviewer sees
 * the decisions naming at least one unit it is competent for (for the commune police: the KDC of
 * its commune), which is exactly what `getDecision` lets it open.
 */
function decisionScopeWhere(actor: Actor): Prisma.RecognitionDecisionWhereInput {
  if (can(actor, { action: "province.read" })) return {};
  // Through the units it named, which a cancelled decision keeps (its dossiers have left it).
  return { recognitions: { some: { dossier: { unit: unitScopeWhere(actor, "dossier.review") } } } };
}

export type DecisionFilters = { year?: number } & PageRequest;

const decisionListSelect = {
  id: true,
  number: true,
  year: true,
  issuedOn: true,
  signerName: true,
  signerTitle: true,
  revokedAt: true,
  cancelledAt: true,
  textVersion: true,
  authority: { select: { id: true, name: true, kind: true } },
} as const;
type DecisionListRow = Prisma.RecognitionDecisionGetPayload<{ select: typeof decisionListSelect }>;

export type DecisionListItem = DecisionListRow & {
  unitCount: number;
  revokedUnitCount: number;
};

/** Newest year, newest date first, then by number: the order of the register of decisions. */
const DECISION_ORDER: readonly KeysetColumn<DecisionListRow>[] = [
  { path: ["year"], dir: "desc", value: (d) => d.year },
  { path: ["issuedOn"], dir: "desc", value: (d) => d.issuedOn },
  { path: ["number"], dir: "asc", value: (d) => d.number },
  { path: ["id"], dir: "asc", value: (d) => d.id },
];

export const DECISION_PAGE_SIZE = DEFAULT_PAGE_SIZE;

/**
 * One page of the decisions the actor may read (ADR 0024-keyset-paging), newest first, with their
 * unit counts aggregated in SQL for that page only, and a capped total.
 */
export async function listDecisions(prisma: PrismaClient, actor: Actor | null, filters: DecisionFilters = {}) {
  authorize(actor, { action: "decision.list" });
  const scope = decisionScopeWhere(actor);
  const where: Prisma.RecognitionDecisionWhereInput = { ...scope, ...(filters.year !== undefined ? { year: filters.year } : {}) };
  const [total, page] = await Promise.all([
    cappedTotal((take) => prisma.recognitionDecision.count({ where, take })),
    keysetPage<DecisionListRow>({
      request: filters,
      size: DECISION_PAGE_SIZE,
      columns: DECISION_ORDER,
      boundary: (id) => prisma.recognitionDecision.findFirst({ where: { AND: [scope, { id }] }, select: decisionListSelect }),
      fetch: ({ where: after, orderBy, take }) =>
        prisma.recognitionDecision.findMany({
          where: { AND: [where, after as Prisma.RecognitionDecisionWhereInput] },
          orderBy: orderBy as Prisma.RecognitionDecisionOrderByWithRelationInput[],
          take,
          select: decisionListSelect,
        }),
    }),
  ]);
  const rows = page.rows;
  if (rows.length === 0) return { rows: [] as DecisionListItem[], page, total };
  const ids = rows.map((r) => r.id);
  // Units named: the decision's recognitions (a cancelled decision keeps them); revoked: the
  // dossiers still attached to it in REVOKED.
  const [named, counts] = await Promise.all([
    prisma.decisionRecognition.groupBy({ by: ["decisionId"], where: { decisionId: { in: ids } }, _count: { _all: true } }),
    prisma.dossier.groupBy({ by: ["decisionId"], where: { decisionId: { in: ids }, state: "REVOKED" }, _count: { _all: true } }),
  ]);
  const unitTotals = new Map(named.map((c) => [c.decisionId, c._count._all]));
  const revoked = new Map<string, number>();
  for (const c of counts) if (c.decisionId) revoked.set(c.decisionId, c._count._all);
  return { rows: rows.map((r): DecisionListItem => ({ ...r, unitCount: unitTotals.get(r.id) ?? 0, revokedUnitCount: revoked.get(r.id) ?? 0 })), page, total };
}

/** What a decision's page and documents show of each unit it named (the shape of `DecisionDossier`). */
const dossierSelect = {
  id: true,
  state: true,
  version: true,
  decisionId: true,
  decidedAt: true,
  revokedAt: true,
  revocationReason: true,
  revocationRef: true,
  kind: true,
  communeId: true,
  commune: { select: { id: true, name: true } },
  unit: { select: { id: true, name: true, kind: true, communeId: true, address: true, commune: { select: { id: true, name: true } } } },
} satisfies Prisma.DossierSelect;

const decisionInclude = {
  authority: { select: { id: true, code: true, name: true, kind: true, documentSymbol: true, placeName: true, areaId: true } },
  revisions: { orderBy: { version: "asc" }, select: { version: true, issuedOn: true, signerName: true, signerTitle: true, unitNames: true, note: true, createdAt: true } },
} satisfies Prisma.RecognitionDecisionInclude;

type DecisionRow = Prisma.RecognitionDecisionGetPayload<{ include: typeof decisionInclude }>;

/** A unit of the decision: its dossier, with `unit.name` the name the decision prints for it. */
export type DecisionDossier = Prisma.DossierGetPayload<{ select: typeof dossierSelect }> & {
  /** The certificate's verification token. */
  verifyToken: string;
};

export type DecisionDetail = DecisionRow & {
  dossiers: DecisionDossier[];
  /** How many units the decision recognised (its Điều 1), whatever part of the annex is shown. */
  unitCount: number;
  /** True when `dossiers` holds only the reader's own units (an officer's extract). */
  extract: boolean;
};

type RecognitionRow = {
  unitName: string;
  verifyToken: string;
  id: string;
  state: DossierState;
  version: number;
  decisionId: string | null;
  decidedAt: Date | null;
  revokedAt: Date | null;
  revocationReason: string | null;
  revocationRef: string | null;
  kind: UnitKind;
  communeId: string;
  communeName: string;
  unitId: string;
  unitKind: UnitKind;
  unitCommuneId: string;
  unitAddress: string | null;
  unitCommuneName: string;
};

/**
 * The units a decision named (through its recognitions: a cancelled decision keeps them), in one
 * flat query. Through Prisma's nested include (recognition → dossier → unit → commune) a
 * province's decision cost 30 ms of CPU at 771 units and 414 ms at 6,261, on every view of its
 * page: every unit is needed to authorise and count, and the objects were most of it.
 */
async function decisionDossiers(prisma: PrismaClient, decisionId: string): Promise<DecisionDossier[]> {
  const rows = await prisma.$queryRaw<RecognitionRow[]>`
    SELECT r."unitName", r."verifyToken",
           d."id", d."state"::text AS "state", d."version", d."decisionId", d."decidedAt", d."revokedAt",
           d."revocationReason", d."revocationRef", d."kind"::text AS "kind", d."communeId", dc."name" AS "communeName",
           u."id" AS "unitId", u."kind"::text AS "unitKind", u."communeId" AS "unitCommuneId", u."address" AS "unitAddress",
           uc."name" AS "unitCommuneName"
      FROM "DecisionRecognition" r
      JOIN "Dossier" d ON d."id" = r."dossierId"
      JOIN "AdministrativeArea" dc ON dc."id" = d."communeId"
      JOIN "Unit" u ON u."id" = d."unitId"
      JOIN "AdministrativeArea" uc ON uc."id" = u."communeId"
     WHERE r."decisionId" = ${decisionId}::uuid`;
  return rows.map((r) => ({
    id: r.id,
    state: r.state,
    version: r.version,
    decisionId: r.decisionId,
    decidedAt: r.decidedAt,
    revokedAt: r.revokedAt,
    revocationReason: r.revocationReason,
    revocationRef: r.revocationRef,
    kind: r.kind,
    communeId: r.communeId,
    commune: { id: r.communeId, name: r.communeName },
    // The name the decision prints for the unit, not its name today.
    unit: { id: r.unitId, name: r.unitName, kind: r.unitKind, communeId: r.unitCommuneId, address: r.unitAddress, commune: { id: r.unitCommuneId, name: r.unitCommuneName } },
    verifyToken: r.verifyToken,
  }));
}

/**
 * One decision with its units (sorted as the annex), or null when it does not exist. Throws
 * ForbiddenError. A unit officer gets an extract: the decision's particulars and only the units
 * it may read (its own, for a commune officer also its khu dân cư).
 */
export async function getDecision(prisma: PrismaClient, actor: Actor | null, decisionId: string): Promise<DecisionDetail | null> {
  // Whoever can read no decision at all is refused before the lookup: existence is not disclosed.
  const officer = actor?.role === "UNIT_OFFICER";
  if (!officer) authorize(actor, { action: "decision.list" });
  const [row, dossiers] = await Promise.all([prisma.recognitionDecision.findUnique({ where: { id: decisionId }, include: decisionInclude }), decisionDossiers(prisma, decisionId)]);
  if (!row) return null;
  const decision = { ...row, dossiers };
  const unitCount = decision.dossiers.length;
  if (officer) {
    const own = decision.dossiers.filter((d) => can(actor, { action: "decision.readOwn", unit: d.unit }));
    if (own.length === 0) authorize(actor, { action: "decision.read", units: decision.dossiers.map((d) => d.unit) });
    return { ...decision, dossiers: own.sort(byUnit), unitCount, extract: true };
  }
  authorize(actor, { action: "decision.read", units: decision.dossiers.map((d) => d.unit) });
  // The annex and the certificates name each unit with the kind and commune its dossier froze at
  // registration (ADR 0009), so a decision prints the same after the unit moves.
  for (const d of decision.dossiers) d.unit = { ...d.unit, kind: d.kind, communeId: d.communeId, commune: d.commune };
  decision.dossiers.sort(byUnit);
  return { ...decision, unitCount, extract: false };
}

/**
 * The decision as its text read at `version` (1 = as issued; each correction adds one): date,
 * signer and the units' printed names from that version's snapshot. Null for a version that does
 * not exist.
 */
export function decisionAtVersion(decision: DecisionDetail, version: number): DecisionDetail | null {
  if (version === decision.textVersion) return decision;
  const revision = decision.revisions.find((r) => r.version === version);
  if (!revision) return null;
  const names = (revision.unitNames ?? {}) as Record<string, string>;
  return {
    ...decision,
    issuedOn: revision.issuedOn,
    signerName: revision.signerName,
    signerTitle: revision.signerTitle,
    dossiers: decision.dossiers.map((d) => ({ ...d, unit: { ...d.unit, name: names[d.id] ?? d.unit.name } })),
  };
}

/** Dossier states whose unit stands recognised by the decision (a revoked one no longer does). */
export const STILL_RECOGNISED: readonly DossierState[] = ["RECOGNISED"];

// ───────────────────────────── Word documents ─────────────────────────────

type DocumentSource = Pick<DecisionDetail, "number" | "year" | "issuedOn" | "signerName" | "signerTitle"> & {
  /** A cancelled decision recognises no one (its units may since be recognised by another). */
  cancelledAt?: Date | null;
  /** Set for an officer's extract: the decision's own unit count, and an annex of fewer units. */
  unitCount?: number;
  extract?: boolean;
  authority: Pick<DecisionDetail["authority"], "name" | "kind" | "placeName">;
  dossiers: { state: DossierState; verifyToken?: string; unit: { id: string; name: string; kind: UnitKind; address: string | null; commune: { name: string } } }[];
};

const UBND = /^Ủy ban nhân dân\s+/iu;

/** "Ủy ban nhân dân tỉnh Lào Cai" → "tỉnh Lào Cai" (the area as written after "Ủy ban nhân dân"). */
function areaOf(authorityName: string): string {
  const name = authorityName.normalize("NFC").trim();
  return UBND.test(name) ? name.replace(UBND, "") : name;
}

/** The header block: "ỦY BAN NHÂN DÂN" over "TỈNH LÀO CAI", as in the NĐ 30 samples. */
function headerAuthority(authorityName: string) {
  const name = authorityName.normalize("NFC").trim();
  return { name: UBND.test(name) ? `Ủy ban nhân dân\n${areaOf(name)}` : name };
}

/** A Phó Chủ tịch signs "KT. CHỦ TỊCH" over "PHÓ CHỦ TỊCH" (NĐ 30, Phụ lục I, mục II.8). */
function signerOf(decision: Pick<DecisionDetail, "signerName" | "signerTitle">): SignerInput {
  const deputy = /^phó\s+chủ\s+tịch/iu.test(decision.signerTitle.normalize("NFC").trim());
  return {
    fullName: decision.signerName,
    position: decision.signerTitle,
    ...(deputy ? { actingFor: { kind: "KT" as const, of: "Chủ tịch" } } : {}),
  };
}

function isoDate(value: Date): string {
  return value.toISOString().slice(0, 10);
}

/** Who issues, proposes and executes, by the level of the deciding authority. */
function roles(authority: DocumentSource["authority"]) {
  const area = areaOf(authority.name); // "tỉnh Lào Cai", "phường Lào Cai"
  const issuer = `Chủ tịch ${authority.name.normalize("NFC").trim()}`;
  if (authority.kind === "UBND_TINH") {
    return {
      issuer,
      proposedBy: "Giám đốc Công an tỉnh",
      executors: "Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Công an tỉnh và các đơn vị có tên tại Điều 1",
      recipients: ["Như Điều 3", "Bộ Công an (để báo cáo)", "Thường trực Tỉnh ủy (để báo cáo)", "Chủ tịch, các Phó Chủ tịch Ủy ban nhân dân tỉnh"],
    };
  }
  // Commune level (no district since 1/7/2025): the commune police chief proposes.
  return {
    issuer,
    proposedBy: `Trưởng Công an ${area}`,
    executors: `Chánh Văn phòng Hội đồng nhân dân và Ủy ban nhân dân ${area}, Trưởng Công an ${area} và các đơn vị có tên tại Điều 1`,
    recipients: ["Như Điều 3", "Công an tỉnh (để báo cáo)", `Thường trực Đảng ủy ${area}`, `Chủ tịch, các Phó Chủ tịch Ủy ban nhân dân ${area}`],
  };
}

function recognizedUnit(unit: DocumentSource["dossiers"][number]["unit"]) {
  return { name: unit.name, kind: unit.kind, commune: unit.commune.name, ...(unit.address ? { address: unit.address } : {}) };
}

/**
 * The decision as issued, for `buildRecognitionDecisionDocx`: every unit it named, in annex order,
 * including those whose recognition was revoked since (the document is the record of the act).
 */
export function decisionDocumentInput(decision: DocumentSource): RecognitionDecisionInput {
  const r = roles(decision.authority);
  return {
    year: decision.year,
    number: decision.number,
    issuedOn: isoDate(decision.issuedOn),
    place: decision.authority.placeName,
    authority: headerAuthority(decision.authority.name),
    issuer: r.issuer,
    proposedBy: r.proposedBy,
    executors: r.executors,
    recipients: r.recipients,
    archive: "VT",
    signer: signerOf(decision),
    units: [...decision.dossiers].sort(byUnit).map((d) => recognizedUnit(d.unit)),
    ...(decision.extract ? { extractOf: decision.unitCount ?? decision.dossiers.length } : {}),
  };
}

/**
 * Certificates for the units the decision still recognises (a revoked recognition gets none), in
 * annex order; `unitId` restricts to one unit.
 */
export function certificateInputs(decision: DocumentSource, unitId?: string, verificationBase?: string): RecognitionCertificateInput[] {
  if (decision.cancelledAt) return [];
  const r = roles(decision.authority);
  return [...decision.dossiers]
    .sort(byUnit)
    .filter((d) => STILL_RECOGNISED.includes(d.state) && (unitId === undefined || d.unit.id === unitId))
    .map((d) => ({
      year: decision.year,
      authority: headerAuthority(decision.authority.name),
      unit: recognizedUnit(d.unit),
      decision: { number: decision.number, issuedOn: isoDate(decision.issuedOn), issuer: r.issuer },
      place: decision.authority.placeName,
      signer: signerOf(decision),
      ...(verificationBase && d.verifyToken ? { verificationUrl: verificationUrl(verificationBase, d.verifyToken) } : {}),
    }));
}

/** "Quyết định 15-QĐ-UBND.docx": a readable UTF-8 file name (no "/") for `filename*`. */
export function decisionUtf8FileName(number: string): string {
  return `Quyết định ${safeName(number)}.docx`;
}

export function certificatesUtf8FileName(number: string, unitName?: string): string {
  return unitName ? `Giấy công nhận - ${safeName(unitName)}.docx` : `Giấy công nhận - Quyết định ${safeName(number)}.docx`;
}

function safeName(text: string): string {
  return text
    .normalize("NFC")
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/gu, "-")
    .trim()
    .slice(0, 120);
}
