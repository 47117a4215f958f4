/**
 * Diacritics-insensitive search for the registry (units, communes, authorities). The database
 * keeps a `searchText` column on each row, filled by a trigger with the SQL function
 * `registry_search_text(text)` (migration 20261129010002_registry_admin_search), so rows written
 * by any path (forms, seeds, imports) are searchable with no change to their writers. The user's
 * query goes through `normaliseSearchText`, the same mapping in TypeScript; a unit test checks that
 * the migration's `translate` strings are exactly these, and an integration test that the database
 * maps every Vietnamese letter as this function does.
 *
 * Pure: no I/O.
 */

/** Every Vietnamese letter with a diacritic (lowercase then uppercase), including đ/Đ. */
export const VIETNAMESE_LETTERS_WITH_DIACRITICS =
  "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ" +
  "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ";

/** The base letter of each, position by position (lowercase: the result is lowercased anyway). */
export const VIETNAMESE_BASE_LETTERS =
  "aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd" +
  "aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd";

const BASE_OF = new Map<string, string>(
  [...VIETNAMESE_LETTERS_WITH_DIACRITICS].map((letter, i) => [letter, VIETNAMESE_BASE_LETTERS[i]!]),
);

/**
 * "Lào Cai" → "lao cai", "Đồng" → "dong": composed (NFC) first, since a browser may send a
 * decomposed "a" + combining grave, then letter by letter, then lowercased; runs of white space
 * become one space so "lao   cai" finds "Lào Cai". Same as SQL `registry_search_text`.
 */
export function normaliseSearchText(text: string): string {
  let out = "";
  for (const ch of text.normalize("NFC")) out += BASE_OF.get(ch) ?? ch;
  return out.toLowerCase().replace(/\s+/g, " ").trim();
}

/**
 * A user's query as the value of a Prisma `contains` over `searchText` (a LIKE '%…%'): normalised,
 * with `%`, `_` and `\` escaped so they match themselves. null when nothing is left to search.
 */
export function likeContains(query: string): string | null {
  const normalised = normaliseSearchText(query);
  if (!normalised) return null;
  return normalised.replace(/[\\%_]/g, (c) => `\\${c}`);
}
