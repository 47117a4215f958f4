import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requirePermission } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { formatPoints } from "@/lib/movement/classification";
import { getScoringSheet } from "@/lib/movement/scoring-sheets";
import { FROZEN_MESSAGE, prefillKeysFor } from "@/lib/movement/sheet-rules";
import { PageHeader } from "@/components/ui/card";
import { LineForm } from "@/components/admin/movement/sheet-forms";
import { updateSheetLineAction } from "../../../actions";

export const metadata = { title: "Sửa tiêu chí của bảng chấm điểm" };

export default async function EditLinePage({ params }: { params: Promise<{ sheetId: string; lineId: string }> }) {
  const actor = await requirePermission({ action: "movementSheets.manage" });
  const { sheetId, lineId } = await params;
  if (!z.uuid().safeParse(sheetId).success || !z.uuid().safeParse(lineId).success) notFound();
  const sheet = await getScoringSheet(getPrisma(), actor, sheetId);
  const line = sheet?.lines.find((l) => l.id === lineId);
  if (!sheet || !line) notFound();
  const href = `/admin/movement/sheets/${sheet.id}`;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link className="text-brand-700 hover:underline" href={href}>← {sheet.title}</Link>
      </p>
      <PageHeader title={`Sửa tiêu chí ${line.code}`} description={`Tổng điểm tối đa của bảng hiện là ${formatPoints(sheet.maxTotal)}.`} />
      <div className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
        {sheet.frozen ? (
          <p role="status" className="text-sm text-slate-700">{FROZEN_MESSAGE}</p>
        ) : (
          <LineForm
            mode="edit"
            action={updateSheetLineAction}
            version={sheet.version}
            prefillKeys={prefillKeysFor(sheet.group)}
            sheetHref={href}
            defaults={{
              sheetId: sheet.id,
              version: sheet.version,
              criterionId: line.id,
              code: line.code,
              section: line.section ?? "",
              text: line.text,
              maxPoints: formatPoints(line.maxPoints),
              evidenceHint: line.evidenceHint ?? "",
              prefillKey: line.prefillKey ?? "",
            }}
          />
        )}
      </div>
    </>
  );
}
