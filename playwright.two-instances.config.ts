import { defineConfig } from "@playwright/test";
import base from "./playwright.config";

/**
 * The two-instance test (scripts/two-instances.sh starts the servers): the browser settings of
 * the end-to-end tests, desktop only, instance A as the base URL; the spec reaches B by address.
 */
export default defineConfig({
  ...base,
  testDir: "tests/two-instances",
  webServer: undefined,
  timeout: 120_000,
  use: { ...base.use, baseURL: process.env.TWO_A_URL ?? "http://127.0.0.1:3110" },
  projects: [base.projects![0]!],
});
