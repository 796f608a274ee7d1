// The server's view of the PII detector: the detector itself lives in shared/ so the browser widget runs the very same
// code on what it keeps in sessionStorage; this module adds the zod schema of the kinds for server boundaries.
import { z } from "zod";
import { PII_KINDS } from "../../shared/pii-kinds.js";

export { cnIdValid, ibanValid, luhnValid } from "../../shared/pii-checksums.js";
export { detectPii, maskPii, type DetectOptions } from "../../shared/pii-detect.js";
export { PII_KINDS, PII_LABELS, type PiiKind, type PiiSpan } from "../../shared/pii-kinds.js";

/** Kinds of personal data we detect, for schemas at the boundaries (corpus files, stored vault rows). */
export const PiiKindSchema = z.enum(PII_KINDS);
