"use server";

import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { runAction } from "@/lib/validation/run-action";
import { addCollectiveNominee, addIndividualNominee, createProposal, recordAwardDecision, removeNominee, submitProposal, withdrawProposal } from "@/lib/awards/proposals";
import {
  addCollectiveNomineeSchema,
  addIndividualNomineeSchema,
  createProposalSchema,
  recordDecisionSchema,
  removeNomineeSchema,
  submitProposalSchema,
  withdrawProposalSchema,
} from "@/lib/awards/schemas";

/** Commendation proposals (issue 14 §3): each action parses, then the use-case authorizes and audits. */
const done = (id: string) => {
  revalidatePath("/commendations");
  revalidatePath(`/commendations/${id}`);
};

export async function createProposalAction(input: unknown) {
  const result = await runAction(createProposalSchema, input, getActor, (actor, data) => createProposal(getPrisma(), actor, data));
  if (!result.ok) return result;
  revalidatePath("/commendations");
  return { ok: true as const, data: { id: result.data.id } };
}

export async function addCollectiveNomineeAction(input: unknown) {
  const result = await runAction(addCollectiveNomineeSchema, input, getActor, (actor, data) => addCollectiveNominee(getPrisma(), actor, data));
  if (!result.ok) return result;
  done(result.data.proposalId);
  return { ok: true as const, data: { id: result.data.id, name: result.data.displayName } };
}

export async function addIndividualNomineeAction(input: unknown) {
  const result = await runAction(addIndividualNomineeSchema, input, getActor, (actor, data) => addIndividualNominee(getPrisma(), actor, data));
  if (!result.ok) return result;
  done(result.data.proposalId);
  return { ok: true as const, data: { id: result.data.id, name: result.data.displayName } };
}

export async function removeNomineeAction(input: unknown) {
  const result = await runAction(removeNomineeSchema, input, getActor, (actor, data) => removeNominee(getPrisma(), actor, data));
  if (!result.ok) return result;
  done(result.data.id);
  return { ok: true as const, data: { id: result.data.id } };
}

export async function submitProposalAction(input: unknown) {
  const result = await runAction(submitProposalSchema, input, getActor, (actor, data) => submitProposal(getPrisma(), actor, data));
  if (!result.ok) return result;
  done(result.data.id);
  return { ok: true as const, data: { id: result.data.id, number: result.data.submissionNumber } };
}

export async function recordAwardDecisionAction(input: unknown) {
  const result = await runAction(recordDecisionSchema, input, getActor, (actor, data) => recordAwardDecision(getPrisma(), actor, data));
  if (!result.ok) return result;
  done(result.data.proposal.id);
  // The units' pages list their awards.
  revalidatePath("/units", "layout");
  return { ok: true as const, data: { id: result.data.proposal.id, number: result.data.decision.number } };
}

export async function withdrawProposalAction(input: unknown) {
  const result = await runAction(withdrawProposalSchema, input, getActor, (actor, data) => withdrawProposal(getPrisma(), actor, data));
  if (!result.ok) return result;
  done(result.data.id);
  return { ok: true as const, data: { id: result.data.id } };
}
