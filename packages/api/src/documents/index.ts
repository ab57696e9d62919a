export {
  AgreementDocumentError,
  DRAFT_HEADER,
  DRAFT_WATERMARK,
  E_METERAI_LABEL,
  PAPER_SIZES,
  renderAgreementPdf,
  type AgreementDocument,
  type AgreementPdfOptions,
  type FeeTier,
  type Paper,
} from './agreementPdf';
export {
  AGREEMENT_PATTERN_MAX_LENGTH,
  formatAgreementNumber,
  parseAgreementNumberPattern,
  patternRestartsYearly,
  type AgreementNumberParts,
  type AgreementNumberToken,
  type ParsedAgreementPattern,
} from './agreementNumber';
export { formatAngka, formatPersenBasisPoin, formatTanggal, groupNik, namaHari, terbilang, wholeYears } from './format';
