import { describe, expect, it } from "vitest";
import { isoToDateText, maskDateTyping, normaliseDateText } from "./date-text";
import { toIsoDate } from "@/lib/validation/input-rules";

describe("isoToDateText", () => {
  it("shows a stored date as Vietnamese write it", () => {
    expect(isoToDateText("2026-03-05")).toBe("05/03/2026");
    expect(isoToDateText("")).toBe("");
    expect(isoToDateText(null)).toBe("");
    expect(isoToDateText("05/03/2026")).toBe("05/03/2026");
  });
});

describe("maskDateTyping", () => {
  /** Types the characters one by one, as a person does. */
  const type = (text: string) => [...text].reduce((shown, ch) => maskDateTyping(shown, shown + ch), "");

  it("puts the slashes in while digits are typed", () => {
    expect(type("05032026")).toBe("05/03/2026");
    expect(type("0503")).toBe("05/03/");
    expect(type("05")).toBe("05/");
  });
  it("keeps slashes the person types", () => {
    expect(type("05/03/2026")).toBe("05/03/2026");
    expect(type("5/3/2026")).toBe("5/3/2026");
  });
  it("leaves deleting and editing inside alone", () => {
    expect(maskDateTyping("05/", "05")).toBe("05");
    expect(maskDateTyping("05/03/2026", "05/0/2026")).toBe("05/0/2026");
    expect(maskDateTyping("05/03/2026", "15/03/2026")).toBe("15/03/2026");
  });
  it("does not reshape letters or other text", () => {
    expect(maskDateTyping("", "h")).toBe("h");
    expect(maskDateTyping("2026-0", "2026-03")).toBe("2026-03");
  });
});

describe("normaliseDateText", () => {
  it.each([
    ["5/3/2026", "05/03/2026"],
    ["05.03.2026", "05/03/2026"],
    ["05032026", "05/03/2026"],
    [" 05/03/2026 ", "05/03/2026"],
    ["2026-03-05", "05/03/2026"],
    ["31/02/2026", "31/02/2026"],
    ["hôm qua", "hôm qua"],
  ])("%s → %s", (typed, shown) => {
    expect(normaliseDateText(typed)).toBe(shown);
  });

  it("gives the schemas text they read as the same day", () => {
    expect(toIsoDate(normaliseDateText("5/3/2026"))).toBe("2026-03-05");
    expect(toIsoDate(normaliseDateText("31/02/2026"))).toBeNull();
  });
});
