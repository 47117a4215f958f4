import type { PrismaClient } from "../../lib/generated/prisma/client";
export async function isDatabaseEmpty(prisma: PrismaClient) { return (await prisma.administrativeArea.count()) === 0; }
export async function seedDemoProvince(_prisma: PrismaClient) { return {}; }
