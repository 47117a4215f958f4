import type { Actor } from "@/lib/auth/actor";
import { can, unitScope } from "@/lib/auth/permissions";

export type NavItem = { href: string; label: string };

/**
 * What the home page shows, from what the actor may do (most specific first): the review queue,
 * the units the actor acts for as an officer, the administration of users over the province
 * overview, the province overview; nothing for an account without any scope.
 */
export type HomeView = "REVIEW_QUEUE" | "OWN_UNITS" | "ADMINISTRATION" | "PROVINCE" | "NONE";

export function homeViewFor(actor: Actor): HomeView {
  if (can(actor, { action: "reviewQueue.read" })) return "REVIEW_QUEUE";
  if (unitScope(actor, "unit.update")) return "OWN_UNITS";
  if (can(actor, { action: "user.manage" })) return "ADMINISTRATION";
  if (can(actor, { action: "province.read" })) return "PROVINCE";
  return "NONE";
}

const HOME_LABELS: Record<HomeView, string> = {
  REVIEW_QUEUE: "Hàng đợi thẩm định",
  OWN_UNITS: "Đơn vị của tôi",
  ADMINISTRATION: "Tổng quan",
  PROVINCE: "Tổng quan",
  NONE: "Tổng quan",
};

/** The menu an actor sees. Showing a link is a convenience; every page checks permission itself. */
export function navigationFor(actor: Actor): NavItem[] {
  const items: NavItem[] = [{ href: "/", label: HOME_LABELS[homeViewFor(actor)] }];
  if (can(actor, { action: "province.read" })) items.push({ href: "/dashboard", label: "Bảng điều khiển" });
  // Plan 195 reports (issue 14 §4): the provincial police's tracking and the province's report.
  if (can(actor, { action: "province.read" })) items.push({ href: "/movement/reports", label: "Báo cáo phong trào" });
  if (can(actor, { action: "unit.list" })) items.push({ href: "/units", label: "Danh sách đơn vị" });
  if (can(actor, { action: "decision.issue" })) items.push({ href: "/decisions", label: "Quyết định công nhận" });
  // The movement's evaluation (issue 14 §2): the reviewers' queue.
  if (can(actor, { action: "movement.reviewQueue" })) items.push({ href: "/movement/review", label: "Chấm điểm phong trào" });
  // Commendations (issue 14 §3).
  if (can(actor, { action: "commendation.read" })) items.push({ href: "/commendations", label: "Khen thưởng" });
  if (can(actor, { action: "registry.read" })) items.push({ href: "/admin/registry/units", label: "Danh mục" });
  if (can(actor, { action: "rules.read" })) items.push({ href: "/admin/rules/competence", label: "Quy định" });
  if (can(actor, { action: "user.manage" })) items.push({ href: "/admin/users", label: "Người dùng" });
  if (can(actor, { action: "registry.import" })) items.push({ href: "/admin/registry/import", label: "Nhập đơn vị" });
  if (can(actor, { action: "audit.readGlobal" })) items.push({ href: "/admin/audit", label: "Nhật ký" });
  if (can(actor, { action: "email.manage" })) items.push({ href: "/admin/email", label: "Thư điện tử" });
  items.push({ href: "/account", label: "Tài khoản" });
  return items;
}
