export {
  AgreementDocumentError,
  PAPER_SIZES,
  renderAgreementPdf,
  type AgreementDocument,
} from './agreementPdf';
export {
  formatAgreementNumber,
  parseAgreementNumberPattern,
  patternRestartsYearly,
  type AgreementNumberToken,
  type AgreementPatternProblem,
} from './agreementNumber';
export { terbilang, wholeYears } from './format';
