/**
 * Playwright's `test`, with one addition every journey gets for free: a test fails when the
 * browser refused anything under the Content-Security-Policy (proxy.ts). A script Next.js rendered
 * without the response's nonce, or a style or image from elsewhere, would otherwise only show as
 * a page that quietly stopped working.
 */
import { expect, test as base } from "@playwright/test";

export const test = base.extend<{ contentSecurityPolicyKept: void }>({
  contentSecurityPolicyKept: [
    async ({ page }, use) => {
      const violations: string[] = [];
      page.on("console", (message) => {
        if (message.type() === "error" && /Content Security Policy/i.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
      });
      await use();
      expect(violations, "the browser refused something under the Content-Security-Policy").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
