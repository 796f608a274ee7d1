// Version 1 of the dialogue format (flat metadata and a flat `expect` per turn), kept loadable by upgrading it
// to the current version, so files recorded before the structured expectations keep running.
import { z } from "zod";
import { LocaleSchema } from "../shared/locale.js";
import { CassetteEntrySchema, ExpectedRouteSchema, SpeakerSchema, type DialogueInput } from "./dialogue-schema.js";

/** A version-1 dialogue file. */
export const DialogueV1Schema = z
  .object({
    schemaVersion: z.literal(1),
    title: z.string().min(1),
    tags: z.array(z.string().min(1)).default([]),
    locale: LocaleSchema,
    speaker: SpeakerSchema,
    provider: z.string().min(1).default("local"),
    model: z.string().min(1).default("local-responder"),
    turns: z
      .array(
        z
          .object({
            user: z.string().min(1).optional(),
            decision: z.enum(["approve", "reject"]).optional(),
            expect: z
              .object({
                intent: z.string().min(1).optional(),
                route: ExpectedRouteSchema.optional(),
                tools: z.array(z.string().min(1)).optional(),
                citations: z.array(z.string().min(1)).optional(),
                confirmation: z.boolean().optional(),
                handoff: z.boolean().optional(),
                noPii: z.boolean().optional(),
                contains: z.array(z.string().min(1)).optional(),
                notContains: z.array(z.string().min(1)).optional(),
                regex: z.array(z.string().min(1)).optional(),
                anyOf: z.boolean().default(false),
                caseInsensitive: z.boolean().default(true),
                maxMs: z.number().int().positive().optional(),
              })
              .strict()
              .default({}),
            cassette: z.array(CassetteEntrySchema).optional(),
          })
          .strict()
          .refine((t) => (t.user === undefined) !== (t.decision === undefined), {
            message: 'a turn needs exactly one of "user" or "decision"',
          }),
      )
      .min(1, "a dialogue needs at least one turn"),
  })
  .strict();
/** A version-1 dialogue. */
export type DialogueV1 = z.infer<typeof DialogueV1Schema>;

/** Upgrades a version-1 dialogue to the current format (still to be validated by DialogueSchema). */
export function upgradeV1(v1: DialogueV1): DialogueInput {
  return {
    schemaVersion: 2,
    meta: {
      title: v1.title,
      tags: v1.tags,
      locale: v1.locale,
      speaker: v1.speaker,
      recordedWith: { provider: v1.provider, model: v1.model },
    },
    turns: v1.turns.map((t) => {
      const e = t.expect;
      const hasText = e.contains || e.notContains || e.regex;
      return {
        ...(t.user !== undefined ? { say: t.user } : {}),
        ...(t.decision !== undefined ? { decide: t.decision } : {}),
        ...(t.cassette ? { cassette: t.cassette } : {}),
        expect: {
          ...(e.intent || e.route
            ? { intent: { ...(e.intent ? { name: e.intent } : {}), ...(e.route ? { route: e.route } : {}) } }
            : {}),
          ...(e.tools
            ? { tools: { calls: e.tools.map((name) => ({ name })), ...(e.tools.length === 0 ? { none: true } : {}) } }
            : {}),
          ...(e.citations ? { citations: { include: e.citations } } : {}),
          ...(e.confirmation !== undefined ? { confirmation: { requested: e.confirmation } } : {}),
          ...(e.handoff !== undefined ? { handoff: e.handoff } : {}),
          ...(e.noPii !== undefined ? { noPii: e.noPii } : {}),
          ...(hasText
            ? {
                text: {
                  contains: e.contains ?? [],
                  notContains: e.notContains ?? [],
                  regex: e.regex ?? [],
                  mode: e.anyOf ? ("any" as const) : ("all" as const),
                  caseInsensitive: e.caseInsensitive,
                },
              }
            : {}),
          ...(e.maxMs !== undefined ? { latencyMs: e.maxMs } : {}),
        },
      };
    }),
  };
}
