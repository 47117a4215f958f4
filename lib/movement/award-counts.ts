/**
 * The award counts of the movement's figures (issue 14 §3 → §4–5): the year's awards (Award rows,
 * written when an award decision is recorded) per group, title and collective / individual. The
 * province report, its .xlsx and the dashboard print them through `provinceMovementFigures`.
 * A collective's group comes from its unit kind or participant group; an individual is INDIVIDUAL
 * whatever the workplace.
 */
import type { MovementGroup, UnitKind } from "@/lib/generated/prisma/enums";
import { AWARD_KIND_LABELS } from "@/lib/awards/kinds";
import type { AwardKind } from "@/lib/generated/prisma/enums";
import { GROUP_OF_UNIT_KIND } from "./groups";
import type { AwardCount, AwardCountsSource } from "./report-figures";

type Row = { kind: AwardKind; unitKind: UnitKind | null; participantGroup: MovementGroup | null; individual: boolean; n: number };

export const awardCountsSource: AwardCountsSource = async (prisma, year) => {
  const rows = await prisma.$queryRaw<Row[]>`
    SELECT a."kind"::text AS "kind", u."kind"::text AS "unitKind", p."group"::text AS "participantGroup",
           (n."fullName" IS NOT NULL) AS "individual", count(*)::int AS n
      FROM "Award" a
      JOIN "CommendationNominee" n ON n."id" = a."nomineeId"
      LEFT JOIN "Unit" u ON u."id" = n."unitId"
      LEFT JOIN "MovementParticipant" p ON p."id" = n."participantId"
     WHERE a."year" = ${year}::int
     GROUP BY 1, 2, 3, 4`;
  const counts = new Map<string, AwardCount>();
  for (const r of rows) {
    const group: MovementGroup = r.individual ? "INDIVIDUAL" : r.unitKind ? GROUP_OF_UNIT_KIND[r.unitKind] : r.participantGroup!;
    const title = AWARD_KIND_LABELS[r.kind];
    const key = `${group}|${title}|${!r.individual}`;
    const existing = counts.get(key);
    if (existing) existing.count += r.n;
    else counts.set(key, { group, title, collective: !r.individual, count: r.n });
  }
  return [...counts.values()].sort((a, b) => a.group.localeCompare(b.group) || a.title.localeCompare(b.title, "vi") || Number(b.collective) - Number(a.collective));
};
