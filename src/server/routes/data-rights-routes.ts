// Staff endpoints for a customer's data rights: erase everything the assistant holds about a customer (audited),
// and read the audit of past erasures. Staff only; a customer with no data gets zero counts, not a 404.
import { Router } from "express";
import { z } from "zod";
import { CustomerIdSchema, type CustomerErasure } from "../../agent/retention/customer-erasure.js";
import { identityOf, requireStaff } from "../auth-middleware.js";
import { parseOrThrow } from "../validate.js";

const ErasureBody = z.object({ reason: z.string().trim().min(1).max(500).optional() }).strict();
const NO_REASON = "not given";

/** Builds the data-rights router. */
export function createDataRightsRoutes(deps: { erasure: CustomerErasure }): Router {
  const router = Router();
  router.use("/v1/staff/customers", requireStaff);
  const customerParam = (raw: unknown): string => parseOrThrow(CustomerIdSchema, raw, "params");

  router.delete("/v1/staff/customers/:id/data", (req, res) => {
    const customerId = customerParam(req.params["id"]);
    const body = parseOrThrow(ErasureBody, req.body ?? {}, "body");
    const identity = identityOf(req);
    const actor = identity.kind === "staff" ? `staff:${identity.staffId}` : "unknown";
    res.json(deps.erasure.erase({ customerId, actor, reason: body.reason ?? NO_REASON }));
  });

  router.get("/v1/staff/customers/:id/erasures", (req, res) => {
    res.json({ erasures: deps.erasure.history(customerParam(req.params["id"])) });
  });

  return router;
}
