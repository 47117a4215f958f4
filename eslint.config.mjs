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
    // Links go through components/ui/link.tsx, which does not prefetch (ADR 0033). A later block
    // for the pure core replaces this rule there with its stricter list.
    ignores: ["components/ui/link.tsx"],
    rules: {
      "no-restricted-imports": ["error", { paths: [{ name: "next/link", message: "Use { Link } from \"@/components/ui/link\": next/link prefetches every visible link (ADR 0033)." }] }],
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
