import { forbidden } from "next/navigation";
import { z } from "zod";
import { requirePermission } from "@/lib/auth/session";
import { searchParam } from "@/lib/validation/input-rules";
import { ForbiddenError } from "@/lib/auth/permissions";
import { getPrisma } from "@/lib/db/client";
import { listProposedForDecision } from "@/lib/dossiers/decision-queries";
import { currentEvaluationYear } from "@/lib/domain/evaluation-year";

import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/button";
import { DecisionForm, type DecisionFormGroup } from "@/components/decisions/decision-form";
import { issueDecisionAction } from "../actions";
import { todayInVietnam } from "@/lib/domain/vietnam-today";

export const metadata = { title: "Ban hành quyết định công nhận" };

const yearSchema = z.coerce.number().int().min(2022).max(2100);

export default async function NewDecisionPage({ searchParams }: { searchParams: Promise<{ year?: string; authorityId?: string }> }) {
  const actor = await requirePermission({ action: "decision.issue" });
  const params = await searchParams;
  const year = yearSchema.catch(currentEvaluationYear()).parse(searchParam(params, "year"));
  let groups;
  try {
    groups = await listProposedForDecision(getPrisma(), actor, year);
  } catch (error) {
    if (error instanceof ForbiddenError) forbidden();
    throw error;
  }
  const formGroups: DecisionFormGroup[] = groups.map((g) => ({
    key: g.key,
    authorityId: g.authority?.id ?? null,
    label: g.label,
    lastSigner: g.lastSigner,
    dossiers: g.dossiers.map((d) => ({ dossierId: d.dossierId, version: d.version, unitId: d.unit.id, unitName: d.unit.name, unitKind: d.unit.kind, communeName: d.unit.commune.name })),
  }));

  return (
    <>
      <PageHeader
        title={`Ban hành quyết định công nhận năm ${year}`}
        description="Chọn cơ quan ban hành và các đơn vị đã được đề nghị công nhận; số quyết định được cấp khi ban hành."
        action={<LinkButton variant="secondary" href={`/decisions?year=${year}`}>Quay lại danh sách</LinkButton>}
      />
      {formGroups.length === 0 ? (
        <EmptyState title={`Không có hồ sơ nào đang đề nghị công nhận năm ${year} trong phạm vi của bạn.`}>
          Hồ sơ được đưa vào đây sau khi cán bộ thẩm định đề nghị công nhận.
        </EmptyState>
      ) : (
        <Card>
          <DecisionForm year={year} groups={formGroups} initialKey={searchParam(params, "authorityId") ?? ""} today={todayInVietnam()} action={issueDecisionAction} />
        </Card>
      )}
    </>
  );
}
