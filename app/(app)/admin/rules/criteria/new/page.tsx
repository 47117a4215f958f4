import { requirePermission } from "@/lib/auth/session";
import { PageHeader } from "@/components/ui/card";
import { ProvincialCriterionForm } from "@/components/admin/rules/rule-forms";
import { createProvincialCriterionAction } from "../actions";

export const metadata = { title: "Thêm tiêu chí bổ sung của tỉnh" };

export default async function NewProvincialCriterionPage() {
  await requirePermission({ action: "rules.manage" });
  return (
    <>
      <PageHeader title="Thêm tiêu chí bổ sung của tỉnh" description="Đơn vị trả lời Đạt/Chưa đạt trong phần tự đánh giá; “Chưa đạt” thì hồ sơ chưa đạt tiêu chuẩn như một tiêu chí của Thông tư." />
      <div className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
        <ProvincialCriterionForm
          mode="create"
          action={createProvincialCriterionAction}
          defaults={{ code: "", title: "", unitKinds: [], fromYear: String(new Date().getFullYear()), toYear: "", description: "", evidenceExpected: "", legalBasis: "" }}
        />
      </div>
    </>
  );
}
