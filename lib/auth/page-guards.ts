/**
 * What a page does before it renders data: a well-formed id (else the 404 page), and a read
 * use-case whose ForbiddenError becomes the 403 page (HTTP 403) and whose null becomes the 404 page.
 * Server-only.
 */
import "server-only";
import { forbidden, notFound } from "next/navigation";
import { z } from "zod";
import { ForbiddenError } from "./permissions";

export function requireUuid(id: string): string {
  if (!z.uuid().safeParse(id).success) notFound();
  return id;
}

export async function loadOrDeny<T>(load: () => Promise<T | null | undefined>): Promise<T> {
  let data: T | null | undefined;
  try {
    data = await load();
  } catch (error) {
    if (error instanceof ForbiddenError) forbidden();
    throw error;
  }
  if (!data) notFound();
  return data;
}
