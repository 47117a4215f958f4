import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { decidesForSomeUnit } from "@/lib/dossiers/decision-queries";

export type NavItem = { href: string; label: string };

/** The menu a role sees. Showing a link is a convenience; every page checks permission itself. */
export function navigationFor(actor: Actor): NavItem[] {
  const items: NavItem[] = [{ href: "/", label: actor.role === "UNIT_OFFICER" ? "Đơn vị của tôi" : actor.role === "REVIEWER" ? "Hàng đợi thẩm định" : "Tổng quan" }];
  if (can(actor, { action: "province.read" })) items.push({ href: "/dashboard", label: "Bảng điều khiển" });
  if (actor.role !== "UNIT_OFFICER" || actor.areaId) items.push({ href: "/units", label: "Danh sách đơn vị" });
  if (decidesForSomeUnit(actor)) items.push({ href: "/decisions", label: "Quyết định công nhận" });
  if (can(actor, { action: "user.manage" })) items.push({ href: "/admin/users", label: "Người dùng" });
  if (can(actor, { action: "audit.readGlobal" })) items.push({ href: "/admin/audit", label: "Nhật ký" });
  items.push({ href: "/account", label: "Tài khoản" });
  return items;
}
