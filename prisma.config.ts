// Prisma CLI config. Only `prisma generate` is run through the CLI here (it needs no engine);
// migrations go through scripts/db.ts and the WASM schema engine (docs/decisions/0001-*).
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
