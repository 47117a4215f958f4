import NextLink from "next/link";
import type { ComponentProps } from "react";

/**
 * The application's link: next/link (client-side navigation) that does not prefetch.
 *
 * next/link prefetches every link that scrolls into view. Every page here is rendered per request
 * for the signed-in person, so a prefetch cannot carry the page's data (that is fetched on the
 * click anyway): it only costs the server a request. Measured on the demo province at 1×: one
 * browser view of the decisions list sent 59 prefetch requests — 290–340 ms of server CPU beside
 * 30–70 ms for the page itself; the province dashboard 49 (210–260 ms), a commune officer's home 28.
 * A province's hundreds of users would spend most of the server on links nobody follows (ADR 0033).
 * Pass `prefetch` to opt a link back in. ESLint forbids importing next/link elsewhere.
 */
export function Link(props: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={false} {...props} />;
}
