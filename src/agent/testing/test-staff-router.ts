// The real staff router for tests, trained once per test process from data/staff-intents (a second or two), so
// staff turns in service tests route exactly as in the product.
import { createStaffRouter, loadStaffIntentCatalogue, trainRouter, type StaffRouter } from "../../router/index.js";

let trained: StaffRouter | undefined;

/** The staff router trained on the product's staff catalogue. */
export function testStaffRouter(): StaffRouter {
  if (trained) return trained;
  const staff = loadStaffIntentCatalogue("data/staff-intents");
  if (!staff.ok) throw new Error(staff.error);
  trained = createStaffRouter({ model: trainRouter(staff.value.catalogue), tools: staff.value.tools });
  return trained;
}
