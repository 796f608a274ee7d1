// Public surface of the intent router: catalogue loading, training, artefacts, routing decisions and slots.
export { IntentFileSchema, RouteSchema, loadIntentCatalogue, parseIntentFile } from "./intent-catalogue.js";
export type { IntentCatalogue, IntentFile, Route } from "./intent-catalogue.js";
export { toIntentExamples, trainRouter } from "./router-model.js";
export type { IntentExample, IntentInfo, RouterModel } from "./router-model.js";
export {
  RouterArtefactSchema,
  loadRouter,
  parseRouterArtefact,
  saveRouter,
  toRouterArtefact,
} from "./router-artefact.js";
export { ensureRouterModel } from "./ensure-router-model.js";
export type { EnsureRouterModelOptions, EnsuredRouterModel } from "./ensure-router-model.js";
export { IntentCandidateSchema, RouteDecisionSchema, createIntentRouter } from "./intent-router.js";
export type { IntentCandidate, IntentRouter, IntentRouterDeps, RouteDecision } from "./intent-router.js";
export type { Thresholds } from "./text-classifier.js";
export { extractSlots } from "./slots/extract-slots.js";
export { AmountSlotSchema, CurrencySchema, DateSlotSchema, SlotsSchema } from "./slots/slot-schema.js";
export type { AmountSlot, Currency, DateSlot, Slots } from "./slots/slot-schema.js";
export { loadStaffIntentCatalogue, StaffIntentFileSchema } from "./staff/staff-intent-catalogue.js";
export type { StaffIntentCatalogue, StaffIntentFile } from "./staff/staff-intent-catalogue.js";
export { createStaffRouter, StaffRouteDecisionSchema } from "./staff/staff-router.js";
export type { StaffRouteDecision, StaffRouter } from "./staff/staff-router.js";
export { extractStaffSlots, StaffSlotsSchema } from "./staff/staff-slots.js";
export type { StaffSlots } from "./staff/staff-slots.js";
