// Who is speaking: an anonymous visitor, a signed-in customer or a member of staff. Comes only from the token.
import { z } from "zod";

/** The authenticated caller. */
export const IdentitySchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("anonymous") }),
  z.object({ kind: z.literal("customer"), customerId: z.string().min(1) }),
  z.object({ kind: z.literal("staff"), staffId: z.string().min(1) }),
]);
/** The authenticated caller. */
export type Identity = z.infer<typeof IdentitySchema>;

/** A stable key for rate limits and session ownership. */
export function identityKey(identity: Identity): string {
  switch (identity.kind) {
    case "anonymous":
      return "anonymous";
    case "customer":
      return `customer:${identity.customerId}`;
    case "staff":
      return `staff:${identity.staffId}`;
  }
}
