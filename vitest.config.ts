import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  resolve: { alias: { "@": root } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "tests/unit/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/integration/global-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // One PGlite (or one PostgreSQL schema) per worker; two workers fit CI's 2 cores.
          maxWorkers: 2,
        },
      },
      {
        extends: true,
        test: {
          // Generated documents printed by LibreOffice (tests/support/office-rendering.ts): no database,
          // but slow (seconds per conversion on a busy machine), so apart from the unit tests.
          name: "documents",
          include: ["tests/documents/**/*.test.ts"],
          environment: "node",
          testTimeout: 300_000,
          hookTimeout: 60_000,
          maxWorkers: 2,
        },
      },
    ],
  },
});
