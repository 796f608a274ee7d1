// Loads the staff intent catalogue (data/staff-intents/*.yaml): one file per question staff ask the internal
// assistant, each naming the one tool that answers it, with bilingual training utterances. It becomes an ordinary
// intent catalogue on the "staff" route, so the customer router's trainer and artefact serve it unchanged.
import { z } from "zod";
import { sha256 } from "../../shared/hash.js";
import { ok, type Result } from "../../shared/result.js";
import { loadNamedYamlFiles, type IntentCatalogue } from "../intent-catalogue.js";

/** One staff intent file. */
export const StaffIntentFileSchema = z
  .object({
    name: z
      .string()
      .regex(/^[a-z][a-z0-9_]*$/, "name must be snake_case")
      .describe("intent name, equal to the file name"),
    tool: z
      .string()
      .regex(/^[a-z][a-z0-9_]*$/, "tool must be a snake_case tool name")
      .describe("the staff tool that answers this intent"),
    description: z.string().min(1).describe("what staff mean by this intent"),
    utterances: z
      .object({
        en: z.array(z.string().trim().min(1)).min(1).describe("English training utterances"),
        "zh-CN": z.array(z.string().trim().min(1)).min(1).describe("Simplified Chinese training utterances"),
      })
      .strict(),
  })
  .strict();
/** One staff intent with its tool and utterances. */
export type StaffIntentFile = z.infer<typeof StaffIntentFileSchema>;

/** The staff catalogue: the intents as a trainable catalogue, and the tool each intent calls. */
export interface StaffIntentCatalogue {
  catalogue: IntentCatalogue;
  tools: ReadonlyMap<string, string>;
}

/** Loads every *.yaml file of a directory as the staff catalogue; reports all broken files at once. */
export function loadStaffIntentCatalogue(dir: string): Result<StaffIntentCatalogue> {
  const loaded = loadNamedYamlFiles(dir, StaffIntentFileSchema, "staff intent");
  if (!loaded.ok) return loaded;
  const intents = loaded.value.items;
  return ok({
    catalogue: {
      intents: intents.map((i) => ({
        name: i.name,
        route: "staff" as const,
        description: i.description,
        utterances: i.utterances,
      })),
      // The staff catalogue's fingerprint differs from a customer catalogue of the same files.
      dataHash: sha256(`staff\n${loaded.value.dataHash}`),
    },
    tools: new Map(intents.map((i) => [i.name, i.tool])),
  });
}
