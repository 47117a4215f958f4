/**
 * The menu and the home page of every kind of account, as the permission function decides them.
 * A link is a convenience (every page checks permission itself), but a missing or extra one is a bug.
 */
import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { homeViewFor, navigationFor } from "@/components/shell/navigation";

const actor = (over: Partial<Actor>): Actor => ({ userId: "u", username: "u", fullName: "U", role: "LEADER", unitId: null, areaId: null, reviewerLevel: null, authorityId: null, ...over });

describe("navigationFor and homeViewFor", () => {
  it.each([
    ["admin", actor({ role: "ADMIN" }), "ADMINISTRATION", "Tổng quan", ["/", "/dashboard", "/movement/reports", "/units", "/decisions", "/commendations", "/admin/registry/units", "/admin/rules/competence", "/admin/users", "/admin/registry/import", "/admin/audit", "/admin/email", "/account"]],
    ["leader", actor({ role: "LEADER" }), "PROVINCE", "Tổng quan", ["/", "/dashboard", "/movement/reports", "/units", "/commendations", "/admin/registry/units", "/admin/rules/competence", "/account"]],
    ["provincial reviewer", actor({ role: "REVIEWER", reviewerLevel: "PROVINCIAL_POLICE" }), "REVIEW_QUEUE", "Hàng đợi thẩm định", ["/", "/dashboard", "/movement/reports", "/units", "/decisions", "/movement/review", "/commendations", "/account"]],
    ["commune reviewer", actor({ role: "REVIEWER", reviewerLevel: "COMMUNE_POLICE", areaId: "c-1" }), "REVIEW_QUEUE", "Hàng đợi thẩm định", ["/", "/units", "/decisions", "/movement/review", "/account"]],
    ["commune reviewer without a commune", actor({ role: "REVIEWER", reviewerLevel: "COMMUNE_POLICE" }), "REVIEW_QUEUE", "Hàng đợi thẩm định", ["/", "/account"]],
    ["reviewer without a level", actor({ role: "REVIEWER" }), "NONE", "Tổng quan", ["/", "/account"]],
    ["officer of one unit", actor({ role: "UNIT_OFFICER", unitId: "unit-1" }), "OWN_UNITS", "Đơn vị của tôi", ["/", "/account"]],
    ["commune officer", actor({ role: "UNIT_OFFICER", areaId: "c-1" }), "OWN_UNITS", "Đơn vị của tôi", ["/", "/units", "/account"]],
    ["officer without a scope", actor({ role: "UNIT_OFFICER" }), "NONE", "Tổng quan", ["/", "/account"]],
    ["unknown role", actor({ role: "SUPERUSER" as never }), "NONE", "Tổng quan", ["/", "/account"]],
  ] as const)("%s", (_, who, home, homeLabel, hrefs) => {
    expect(homeViewFor(who)).toBe(home);
    const nav = navigationFor(who);
    expect(nav[0]).toEqual({ href: "/", label: homeLabel });
    expect(nav.map((i) => i.href)).toEqual(hrefs);
  });
});
