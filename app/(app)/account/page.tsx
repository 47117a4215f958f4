import { requireActor } from "@/lib/auth/session";
import { ROLE_LABELS, REVIEWER_LEVEL_LABELS } from "@/lib/auth/actor";
import { Card, PageHeader } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/button";
import { SignOutEverywhere } from "@/components/auth/sign-out-everywhere";
import { NotificationSettingsForm } from "@/components/notifications/settings-form";
import { getPrisma } from "@/lib/db/client";
import { loadNotificationSettings } from "@/lib/notifications/settings";

export const metadata = { title: "Tài khoản" };

export default async function AccountPage() {
  const actor = await requireActor();
  const settings = await loadNotificationSettings(getPrisma(), actor);
  return (
    <>
      <PageHeader title="Tài khoản" />
      <div className="grid gap-4 md:grid-cols-2">
        <Card title="Thông tin">
          <dl className="grid grid-cols-2 gap-2 text-sm">
            <dt className="text-slate-600">Họ và tên</dt>
            <dd>{actor.fullName}</dd>
            <dt className="text-slate-600">Tên đăng nhập</dt>
            <dd className="font-mono">{actor.username}</dd>
            <dt className="text-slate-600">Vai trò</dt>
            <dd>
              {ROLE_LABELS[actor.role]}
              {actor.reviewerLevel && ` – ${REVIEWER_LEVEL_LABELS[actor.reviewerLevel]}`}
            </dd>
          </dl>
        </Card>
        <Card title="Mật khẩu">
          <p className="mb-3 text-sm text-slate-600">Đổi mật khẩu định kỳ, hoặc ngay khi nghi ngờ người khác biết mật khẩu. Sau khi đổi, mọi phiên đăng nhập sẽ kết thúc.</p>
          <LinkButton href="/change-password">Đổi mật khẩu</LinkButton>
        </Card>
        <Card title="Phiên đăng nhập">
          <p className="mb-3 text-sm text-slate-600">Nếu nghi ngờ tài khoản bị sử dụng trên máy khác, hãy đăng xuất khỏi tất cả các thiết bị.</p>
          <SignOutEverywhere />
        </Card>
        <Card title="Thông báo">
          <NotificationSettingsForm email={settings.email} choices={settings.choices} />
        </Card>
      </div>
    </>
  );
}
