/**
 * Word documents of the recognition step: the decision with its annex and the per-unit certificates.
 * Pure builders: plain validated data in, .docx bytes out; no database or framework imports.
 */
export { DOCX_MIME_TYPE, type DocxBytes } from "./administrative-layout";
export {
  DEFAULT_LEGAL_BASES,
  STANDARD_NAME,
  buildRecognitionDecisionDocx,
  recognitionDecisionFileName,
  recognizedKindsPhrase,
} from "./recognition-decision";
export { buildCertificatesDocx, buildRecognitionCertificateDocx, recognitionCertificateFileName } from "./recognition-certificate";
export {
  SIGNING_CAPACITIES,
  authoritySchema,
  certificatesInputSchema,
  decisionReferenceSchema,
  isoDateSchema,
  recognitionCertificateInputSchema,
  recognitionDecisionInputSchema,
  recognizedUnitSchema,
  signerSchema,
  type AuthorityInput,
  type DecisionReferenceInput,
  type RecognitionCertificateInput,
  type RecognitionDecisionInput,
  type RecognizedUnitInput,
  type SignerInput,
  type SigningCapacity,
} from "./schemas";
export { formatPlaceAndDate, formatShortDate, formatVietnameseDate, parseIsoDate } from "./vietnamese-date";
