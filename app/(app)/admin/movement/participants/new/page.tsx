import { Link } from "@/components/ui/link";
import { requirePermission } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { participantAuthorityOptions } from "@/lib/movement/participants";
import { PageHeader } from "@/components/ui/card";
import { ParticipantForm } from "@/components/admin/movement/participant-form";
import { createParticipantAction } from "../actions";

export const metadata = { title: "Thêm thành phần tham gia phong trào" };

export default async function NewParticipantPage() {
  const actor = await requirePermission({ action: "movementParticipants.manage" });
  const authorities = await participantAuthorityOptions(getPrisma(), actor);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link className="text-brand-700 hover:underline" href="/admin/movement/participants">← Thành phần tham gia phong trào</Link>
      </p>
      <PageHeader title="Thêm thành phần tham gia" />
      <div className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
        <ParticipantForm mode="create" authorities={authorities} action={createParticipantAction} defaults={{ code: "", name: "", group: "", authorityId: "" }} />
      </div>
    </>
  );
}
