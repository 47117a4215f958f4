import { describe, expect, it } from "vitest";
import { productionConfigProblems } from "@/lib/config/production-check";

const secret = "k".repeat(32);

describe("production configuration", () => {
  it("asks nothing of development, tests, or the demo", () => {
    expect(productionConfigProblems({ NODE_ENV: "development" })).toEqual([]);
    expect(productionConfigProblems({ NODE_ENV: "test" })).toEqual([]);
    expect(productionConfigProblems({ NODE_ENV: "production", ANTT_DEMO: "1" })).toEqual([]);
  });

  it("refuses production without a real session key and an https address", () => {
    expect(productionConfigProblems({ NODE_ENV: "production" })).toHaveLength(2);
    expect(productionConfigProblems({ NODE_ENV: "production", NEXTAUTH_SECRET: "short", NEXTAUTH_URL: "https://antt.example.vn" })).toEqual([expect.stringMatching(/^NEXTAUTH_SECRET/)]);
    expect(productionConfigProblems({ NODE_ENV: "production", NEXTAUTH_SECRET: secret, NEXTAUTH_URL: "http://antt.example.vn" })).toEqual([expect.stringMatching(/^NEXTAUTH_URL/)]);
    expect(productionConfigProblems({ NODE_ENV: "production", NEXTAUTH_SECRET: secret, NEXTAUTH_URL: "not a url" })).toEqual([expect.stringMatching(/^NEXTAUTH_URL/)]);
    expect(productionConfigProblems({ NODE_ENV: "production", NEXTAUTH_SECRET: secret, NEXTAUTH_URL: "https://antt.example.vn" })).toEqual([]);
  });
});
