// The credit challenger's public surface: training, scoring with exact TreeSHAP reasons, the artefact, and CV.
export {
  CreditGbtModelSchema,
  GbtParamsSchema,
  loadCreditGbt,
  parseCreditGbt,
  saveCreditGbt,
  serialiseCreditGbt,
  type CreditGbtModel,
  type GbtParams,
  type Monotone,
} from "./credit-gbt-artefact.js";
export {
  ProtectedAttributeError,
  trainCreditChallenger,
  trainCreditChallengerOnApplicants,
  type TrainCreditChallengerOptions,
} from "./train-credit-gbt.js";
export { scoreCreditGbt, type CreditGbtReason, type CreditGbtScore } from "./score-credit-gbt.js";
export { crossValidateGbt, type GbtCandidate } from "./cross-validate-gbt.js";
