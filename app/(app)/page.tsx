import { Link } from "@/components/ui/link";
import { z } from "zod";
import { parseSearchParams } from "@/lib/validation/input-rules";
import { UNIT_KINDS } from "@/lib/domain/vocabulary";
import { QUEUE_STATES } from "@/lib/reviews/review-queue";
import type { DossierState } from "@/lib/workflow/dossier-states";
import { Suspense } from "react";
import { Loading } from "@/components/ui/loading";
import { requireActor } from "@/lib/auth/session";
import { currentEvaluationYear } from "@/lib/domain/evaluation-year";
import { getPrisma } from "@/lib/db/client";
import { ROLE_LABELS } from "@/lib/auth/actor";
import { ROLES } from "@/lib/users/user-schemas";
import { OfficerHome } from "@/components/home/officer-home";
import { ReviewerHome } from "@/components/home/reviewer-home";
import { ProvinceOverview } from "@/components/home/province-overview";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { homeViewFor } from "@/components/shell/navigation";
import { LinkButton } from "@/components/ui/button";
import { pageSearchFields, uuidCursor } from "@/lib/paging/keyset";

export const metadata = { title: "Trang chủ" };

const queueFiltersSchema = z.object({
  communeId: z.uuid().optional().catch(undefined),
  kind: z.enum(UNIT_KINDS).optional().catch(undefined),
  state: z.enum(QUEUE_STATES as [DossierState, ...DossierState[]]).optional().catch(undefined),
  deadline: z.enum(["OVERDUE", "ON_TIME"]).optional().catch(undefined),
  ...pageSearchFields(uuidCursor),
});

export default async function HomePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const year = currentEvaluationYear();
  // The permission function decides which home an account gets (see homeViewFor), not its role.
  switch (homeViewFor(actor)) {
    case "OWN_UNITS":
      return (
        <Suspense fallback={<Loading />}>
          <OfficerHome actor={actor} year={year} />
        </Suspense>
      );
    case "REVIEW_QUEUE":
      return (
        <Suspense fallback={<Loading />}>
          <ReviewerHome actor={actor} year={year} filters={parseSearchParams(queueFiltersSchema, await searchParams)} />
        </Suspense>
      );
    case "PROVINCE":
      return (
        <>
          <PageHeader
            title="Số liệu toàn tỉnh"
            description={`Năm đánh giá ${year}. Chi tiết theo xã, phường, loại đơn vị, lĩnh vực và xu hướng 5 năm ở Bảng điều khiển.`}
            action={<LinkButton href={`/dashboard?year=${year}`}>Mở bảng điều khiển</LinkButton>}
          />
          <Suspense fallback={<Loading />}>
            <ProvinceOverview actor={actor} year={year} />
          </Suspense>
        </>
      );
    case "ADMINISTRATION": {
      const byRole = await getPrisma().user.groupBy({ by: ["role"], _count: { _all: true } });
      return (
        <>
          <PageHeader title="Quản trị hệ thống" action={<LinkButton href="/admin/users">Quản lý người dùng</LinkButton>} />
          <Card title="Người dùng theo vai trò" className="mb-6">
            <ul className="grid grid-cols-2 gap-2 text-sm md:grid-cols-4">
              {ROLES.map((r) => (
                <li key={r}>
                  {ROLE_LABELS[r]}: <strong>{byRole.find((b) => b.role === r)?._count._all ?? 0}</strong>
                </li>
              ))}
            </ul>
            <p className="mt-3 text-sm">
              <Link className="text-brand-700 hover:underline" href="/admin/users/new">+ Tạo người dùng mới</Link>
            </p>
          </Card>
          <Suspense fallback={<Loading />}>
            <ProvinceOverview actor={actor} year={year} />
          </Suspense>
        </>
      );
    }
    case "NONE":
      return <EmptyState title="Tài khoản của bạn chưa được giao phạm vi làm việc.">Vui lòng liên hệ quản trị hệ thống.</EmptyState>;
  }
}
