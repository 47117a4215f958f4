import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next/**", ".next-*/**", "node_modules/**", "lib/generated/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
  {
    rules: {
      // A leading underscore marks a deliberately unused binding (destructuring, callbacks).
      "@typescript-eslint/no-unused-vars": ["warn", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
    },
  },
  {
    // The pure core must stay free of I/O and framework imports (docs/decisions).
    files: ["lib/criteria/**/*.ts", "lib/workflow/**/*.ts", "lib/domain/**/*.ts"],
    ignores: ["lib/criteria/cli.ts", "**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["next", "next/*", "react", "@prisma/*", "@/lib/generated/*", "@/lib/db/*", "node:*", "fs", "path"], message: "lib/criteria, lib/workflow and lib/domain are pure: no I/O or framework imports." },
          ],
        },
      ],
    },
  },
];

export default config;
