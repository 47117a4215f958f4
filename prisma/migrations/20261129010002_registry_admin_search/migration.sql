-- AlterTable
ALTER TABLE "AdministrativeArea" ADD COLUMN     "isActive" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "searchText" TEXT,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Authority" ADD COLUMN     "isActive" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "searchText" TEXT,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Unit" ADD COLUMN     "searchText" TEXT;

-- Diacritics-insensitive search (lib/registry/search-text.ts holds the same mapping in TypeScript;
-- tests/unit/search-text.test.ts checks these two strings are exactly its constants). `translate`
-- and `normalize` are built in on PostgreSQL 15 and PGlite; `unaccent` is not on PGlite.
CREATE FUNCTION "registry_search_text"(v text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT btrim(regexp_replace(lower(translate(normalize(v, NFC),
    'àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ',
    'aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyydaaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd'
  )), '\s+', ' ', 'g'))
$$;

-- Every writer (forms, demo seed, seed:scale, an import) gets searchText without knowing it.
CREATE FUNCTION "registry_fill_search_text"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchText" := "registry_search_text"(NEW."code" || ' ' || NEW."name");
  RETURN NEW;
END $$;

CREATE TRIGGER "unit_search_text" BEFORE INSERT OR UPDATE ON "Unit"
  FOR EACH ROW EXECUTE FUNCTION "registry_fill_search_text"();
CREATE TRIGGER "area_search_text" BEFORE INSERT OR UPDATE ON "AdministrativeArea"
  FOR EACH ROW EXECUTE FUNCTION "registry_fill_search_text"();
CREATE TRIGGER "authority_search_text" BEFORE INSERT OR UPDATE ON "Authority"
  FOR EACH ROW EXECUTE FUNCTION "registry_fill_search_text"();

-- Backfill: the triggers compute it (an UPDATE that changes nothing else still fires them).
-- updatedAt is kept: nothing a person changed.
UPDATE "Unit" SET "code" = "code";
UPDATE "AdministrativeArea" SET "code" = "code";
UPDATE "Authority" SET "code" = "code";
