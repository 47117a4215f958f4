import { describe, expect, it } from "vitest";
import { appRoleOf, databaseConfig, ownerDatabaseConfig } from "../../lib/db/config";

const APP = "postgresql://antt_app:s3cret@db:5432/antt";
const OWNER = "postgresql://antt:0wner@db:5432/antt";

describe("database connections (ADR 0005)", () => {
  it("uses the app's own connection for everything when no owner is set", () => {
    const env = { DATABASE_URL: APP };
    expect(ownerDatabaseConfig(env)).toEqual(databaseConfig(env));
    expect(appRoleOf(env)).toBeNull();
  });

  it("migrates as the owner and grants DATABASE_URL's role when both are set", () => {
    const env = { DATABASE_URL: APP, DATABASE_OWNER_URL: OWNER };
    expect(ownerDatabaseConfig(env)).toEqual({ kind: "postgres", url: OWNER });
    expect(databaseConfig(env)).toEqual({ kind: "postgres", url: APP });
    expect(appRoleOf(env)).toBe("antt_app");
  });

  it("grants nothing when both name the same user", () => {
    expect(appRoleOf({ DATABASE_URL: APP, DATABASE_OWNER_URL: "postgresql://antt_app:x@other:5432/antt" })).toBeNull();
  });

  it("decodes a percent-encoded user name", () => {
    expect(appRoleOf({ DATABASE_URL: "postgresql://app%2Dro:x@db/antt", DATABASE_OWNER_URL: OWNER })).toBe("app-ro");
  });

  it("refuses an owner without an app connection, a non-postgres URL and an app URL without a user", () => {
    expect(() => ownerDatabaseConfig({ DATABASE_OWNER_URL: OWNER })).toThrow(/DATABASE_URL is not/);
    expect(() => ownerDatabaseConfig({ DATABASE_URL: APP, DATABASE_OWNER_URL: "mysql://x@y/z" })).toThrow(/DATABASE_OWNER_URL must be a postgresql/);
    expect(() => appRoleOf({ DATABASE_URL: "postgresql://db/antt", DATABASE_OWNER_URL: OWNER })).toThrow(/names no user/);
  });
});
