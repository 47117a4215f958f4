import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

async function handler(req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) {
  // next-auth v4 reads params synchronously; Next 16 passes them as a promise.
  const params = await ctx.params;
  return NextAuth(req as never, { params } as never, authOptions()) as Promise<Response>;
}

export { handler as GET, handler as POST };
