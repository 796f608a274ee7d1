// Public surface of the credit scorecard module, for the composition root and the chat tools.
export {
  ApplicantProfileSchema,
  ApplicantSchema,
  CurrentAccountStatusSchema,
  EmploymentTypeSchema,
  HousingSchema,
  LoanPurposeSchema,
  LoanRequestSchema,
  parseApplicant,
  toApplicant,
  type Applicant,
  type ApplicantProfile,
  type LoanRequest,
} from "./applicant-schema.js";
export { PROTECTED_ATTRIBUTES, isProtectedAttribute, findProtectedAttributes } from "./protected-attributes.js";
export {
  createCreditScorer,
  CreditReasonSchema,
  CreditScoreSchema,
  DEFAULT_THRESHOLDS,
  GRADE_MIN_POINTS,
  CreditThresholdsSchema,
  type CreditReason,
  type CreditScore,
  type CreditScorer,
  type Decision,
  type Grade,
  type PointsTableRow,
  type CreditThresholds,
} from "./credit-scorer.js";
export { DEFAULT_SCORECARD_FILE, ensureDefaultScorecard, trainNativeScorecard } from "./default-scorecard.js";
export {
  generateApplicantBook,
  generateApplicantProfile,
  generateLoanRequest,
  type BookEntry,
} from "./synthetic-book.js";
export { loadScorecard, parseScorecard, saveScorecard, ScorecardSchema, type Scorecard } from "./scorecard-artefact.js";
export {
  buildStabilityReport,
  renderStabilityHtml,
  renderStabilityText,
  type StabilityReport,
} from "./stability-report.js";
export { parseApplicantCsv, writeApplicantCsv } from "./applicant-file.js";
