import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { likeContains, normaliseSearchText, VIETNAMESE_BASE_LETTERS, VIETNAMESE_LETTERS_WITH_DIACRITICS } from "@/lib/registry/search-text";

describe("normaliseSearchText", () => {
  it.each([
    ["Lào Cai", "lao cai"],
    ["Đồng Tâm", "dong tam"],
    ["đ", "d"],
    ["PHƯỜNG SA PA", "phuong sa pa"],
    ["Trường THPT chuyên Lào Cai", "truong thpt chuyen lao cai"],
    ["Nghĩa Lộ  \t Yên Bái ", "nghia lo yen bai"],
    ["La\u0300o Cai", "lao cai"], // decomposed à
    ["CQ-STP", "cq-stp"],
  ])("%s → %s", (input, expected) => {
    expect(normaliseSearchText(input)).toBe(expected);
  });

  it("maps each Vietnamese letter to the base letter Unicode decomposition gives (đ → d)", () => {
    const letters = [...VIETNAMESE_LETTERS_WITH_DIACRITICS];
    expect(letters).toHaveLength(134);
    expect(new Set(letters).size).toBe(134);
    expect(VIETNAMESE_BASE_LETTERS).toHaveLength(134);
    for (const letter of letters) {
      const base = letter.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/, "d").toLowerCase();
      expect(normaliseSearchText(letter), letter).toBe(base);
    }
    // Every precomposed Vietnamese letter is there: a–y with the 5 tones, ă â ê ô ơ ư, upper and lower.
    const vowels = "aăâeêioôơuưy";
    for (const v of vowels) for (const mark of ["\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]) {
      expect(letters).toContain((v + mark).normalize("NFC"));
      expect(letters).toContain((v.toUpperCase() + mark).normalize("NFC"));
    }
  });

  it("is the mapping the migration's SQL function uses (same two translate strings)", () => {
    const dir = path.resolve(__dirname, "../../prisma/migrations");
    const migration = readdirSync(dir).find((d) => d.endsWith("_registry_admin_search"));
    const sql = readFileSync(path.join(dir, migration!, "migration.sql"), "utf8");
    expect(sql).toContain(`'${VIETNAMESE_LETTERS_WITH_DIACRITICS}'`);
    expect(sql).toContain(`'${VIETNAMESE_BASE_LETTERS}'`);
  });
});

describe("likeContains", () => {
  it("escapes LIKE wildcards and drops an empty query", () => {
    expect(likeContains("100% Đúng_x\\")).toBe("100\\% dung\\_x\\\\");
    expect(likeContains("   ")).toBeNull();
  });
});
