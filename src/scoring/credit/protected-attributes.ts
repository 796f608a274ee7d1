// The protected characteristics that may never be inputs to a credit decision, and a check for them.

/** Input names that carry a protected characteristic (sex, marital status, nationality, age) and are refused. */
export const PROTECTED_ATTRIBUTES = [
  "sex",
  "gender",
  "maritalStatus",
  "marital_status",
  "marriage",
  "personalStatus",
  "personal_status",
  "nationality",
  "foreignWorker",
  "foreign_worker",
  "citizenship",
  "ethnicity",
  "race",
  "religion",
  "age",
  "dateOfBirth",
  "date_of_birth",
  "birthDate",
] as const;

const normalise = (name: string): string => name.replace(/[^a-z]/gi, "").toLowerCase();
const PROTECTED_NORMALISED = new Set(PROTECTED_ATTRIBUTES.map(normalise));

/** True when a field or feature name denotes a protected characteristic (case, `_` and `-` ignored). */
export function isProtectedAttribute(name: string): boolean {
  return PROTECTED_NORMALISED.has(normalise(name));
}

/** The keys of an input object that are protected characteristics, for a clear refusal message. */
export function findProtectedAttributes(input: unknown): string[] {
  if (typeof input !== "object" || input === null) return [];
  return Object.keys(input).filter(isProtectedAttribute);
}
