/**
 * The decision as its pages show it, and what the reader may do with it — one place for the
 * decision page and its two form pages (correct, revoke), so the three never disagree on who may
 * change what. The use-cases judge again on the server when a form is sent.
 */
import { forbidden, notFound } from "next/navigation";
import { z } from "zod";
import { requireActor } from "@/lib/auth/session";
import { can, ForbiddenError } from "@/lib/auth/permissions";
import { getPrisma } from "@/lib/db/client";
import { getDecision, STILL_RECOGNISED } from "@/lib/dossiers/decision-queries";

export async function loadDecisionView(decisionId: string) {
  // getDecision decides: the register's readers see the whole decision, a recognised unit's
  // officers an extract with their own units, anyone else the 403 page.
  const actor = await requireActor();
  if (!z.uuid().safeParse(decisionId).success) notFound();
  let decision;
  try {
    decision = await getDecision(getPrisma(), actor, decisionId);
  } catch (error) {
    if (error instanceof ForbiddenError) forbidden();
    throw error;
  }
  if (!decision) notFound();
  const cancelled = decision.cancelledAt !== null;
  // Who may decide for every unit of the decision may correct or cancel it; the use-cases judge
  // again with the competence table of the decision's year.
  const mayChange = !decision.extract && !cancelled && can(actor, { action: "decision.issue" }) && decision.dossiers.every((d) => can(actor, { action: "dossier.decide", unit: d.unit }));
  // Units still recognised by this decision that the actor may decide for: each can be revoked
  // (thu hồi) with others; the use-case checks each again as a single revocation would.
  const revocable =
    decision.extract || cancelled || decision.revokedAt || !can(actor, { action: "decision.issue" })
      ? []
      : decision.dossiers.filter((d) => d.state === "RECOGNISED" && d.decisionId === decision.id && can(actor, { action: "dossier.decide", unit: d.unit }));
  return {
    actor,
    decision,
    cancelled,
    mayChange,
    revocable,
    revokedUnits: decision.dossiers.filter((d) => d.state === "REVOKED").length,
    certifiable: decision.dossiers.filter((d) => STILL_RECOGNISED.includes(d.state)).length,
  };
}

export type DecisionView = Awaited<ReturnType<typeof loadDecisionView>>;
