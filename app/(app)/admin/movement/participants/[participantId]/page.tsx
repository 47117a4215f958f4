import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requirePermission } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { getParticipant, participantAuthorityOptions } from "@/lib/movement/participants";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { ParticipantForm } from "@/components/admin/movement/participant-form";
import { RegistryStatus } from "@/components/admin/registry/registry-status";
import { setParticipantActiveAction, updateParticipantAction } from "../actions";

export const metadata = { title: "Sửa thành phần tham gia phong trào" };

export default async function EditParticipantPage({ params }: { params: Promise<{ participantId: string }> }) {
  const actor = await requirePermission({ action: "movementParticipants.manage" });
  const { participantId } = await params;
  if (!z.uuid().safeParse(participantId).success) notFound();
  const prisma = getPrisma();
  const p = await getParticipant(prisma, actor, participantId);
  if (!p) notFound();
  const authorities = await participantAuthorityOptions(prisma, actor, p.authorityId);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link className="text-brand-700 hover:underline" href="/admin/movement/participants">← Thành phần tham gia phong trào</Link>
      </p>
      <PageHeader title={p.name} description={<>Mã {p.code} · {p.isActive ? <Badge tone="green">Hoạt động</Badge> : <Badge>Ngừng hoạt động</Badge>}</>} />
      <div className="grid gap-4 lg:grid-cols-3">
        <div className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6 lg:col-span-2">
          <ParticipantForm
            key={String(p.isActive)}
            mode="edit"
            authorities={authorities}
            action={updateParticipantAction}
            defaults={{ participantId: p.id, version: p.version, code: p.code, name: p.name, group: p.group, authorityId: p.authorityId ?? "" }}
          />
        </div>
        <Card title={p.isActive ? "Ngừng hoạt động" : "Hoạt động trở lại"}>
          <p className="mb-3 text-sm text-slate-600">Thành phần tham gia không bị xóa: kết quả chấm điểm và khen thưởng các năm vẫn được giữ.</p>
          <RegistryStatus target={{ participantId: p.id }} noun="thành phần tham gia" version={p.version} isActive={p.isActive} action={setParticipantActiveAction} />
        </Card>
      </div>
    </>
  );
}
