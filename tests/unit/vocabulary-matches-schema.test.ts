/** The Prisma enums and lib/domain/vocabulary.ts must list the same codes in the same order. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as vocab from "@/lib/domain/vocabulary";
import { DOSSIER_STATES } from "@/lib/workflow/dossier-states";
import { ROLES, REVIEWER_LEVELS } from "@/lib/users/user-schemas";

const schema = readFileSync(new URL("../../prisma/schema.prisma", import.meta.url), "utf8");
function prismaEnum(name: string): string[] {
  const match = schema.match(new RegExp(`enum ${name} \\{([^}]*)\\}`));
  if (!match) throw new Error(`enum ${name} not found`);
  return match[1]!.split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("//"));
}

describe("vocabulary ↔ schema.prisma", () => {
  it.each([
    ["UnitKind", vocab.UNIT_KINDS],
    ["ExclusionReason", vocab.EXCLUSION_REASONS],
    ["CommuneKind", vocab.COMMUNE_KINDS],
    ["EmulationResult", vocab.EMULATION_RESULTS],
    ["PersonnelType", vocab.PERSONNEL_TYPES],
    ["DisciplineLevel", vocab.DISCIPLINE_LEVELS],
    ["IncidentCode", vocab.INCIDENT_CODES],
    ["CrimeSeverity", vocab.CRIME_SEVERITIES],
    ["IncidentSource", vocab.INCIDENT_SOURCES],
    ["IncidentPersonRole", vocab.INCIDENT_PERSON_ROLES],
    ["PersonBasis", vocab.PERSON_BASES],
    ["EducationLevel", vocab.EDUCATION_LEVELS],
    ["DossierState", DOSSIER_STATES],
    ["Role", ROLES],
    ["ReviewerLevel", REVIEWER_LEVELS],
  ] as const)("%s", (name, codes) => {
    expect(prismaEnum(name)).toEqual([...codes]);
  });

  it("every discipline ladder starts at khiển trách and is ordered by rank", () => {
    for (const ladder of Object.values(vocab.DISCIPLINE_LADDERS)) {
      expect(ladder[0]).toBe("KHIEN_TRACH");
      const ranks = ladder.map((l) => vocab.DISCIPLINE_RANK[l]);
      expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
    }
  });
});
