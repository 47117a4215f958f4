/** The full lists' paging (/dashboard/communes, /dashboard/incidents): URL in, slice out; bad input never errors. */
import { describe, expect, it } from "vitest";
import { LIST_PAGE_SIZE, dashboardHref, pageSlice, parseListParams, withListParams } from "../../components/dashboard/dashboard-params";

describe("dashboard list paging", () => {
  it("reads ?page= and ?size=, dropping what it cannot use", () => {
    expect(parseListParams({})).toEqual({ page: 1, size: LIST_PAGE_SIZE });
    expect(parseListParams({ page: "3", size: "20" })).toEqual({ page: 3, size: 20 });
    expect(parseListParams({ page: "0", size: "1" })).toEqual({ page: 1, size: LIST_PAGE_SIZE });
    expect(parseListParams({ page: "x", size: "100000" })).toEqual({ page: 1, size: LIST_PAGE_SIZE });
  });

  it("slices a page, a page past the end showing the last one", () => {
    expect(pageSlice(812, { page: 1, size: 50 })).toEqual({ page: 1, pageCount: 17, offset: 0, limit: 50 });
    expect(pageSlice(812, { page: 17, size: 50 })).toEqual({ page: 17, pageCount: 17, offset: 800, limit: 50 });
    expect(pageSlice(812, { page: 99, size: 50 })).toEqual({ page: 17, pageCount: 17, offset: 800, limit: 50 });
    expect(pageSlice(0, { page: 2, size: 50 })).toEqual({ page: 1, pageCount: 1, offset: 0, limit: 50 });
  });

  it("keeps the filters and sort in the page links, the defaults left out", () => {
    const href = dashboardHref("/dashboard/communes", { year: 2026, kind: "KDC" }, { key: "name", descending: true });
    expect(withListParams(href, { page: 1, size: LIST_PAGE_SIZE })).toBe("/dashboard/communes?year=2026&kind=KDC&sort=-name");
    expect(withListParams(href, { page: 2, size: 5 })).toBe("/dashboard/communes?year=2026&kind=KDC&sort=-name&page=2&size=5");
    expect(withListParams("/dashboard/incidents", { page: 3, size: LIST_PAGE_SIZE })).toBe("/dashboard/incidents?page=3");
  });
});
