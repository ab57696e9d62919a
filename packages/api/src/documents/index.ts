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
} from './agreementNumber';
export { formatAngka, formatPersenBasisPoin, formatTanggal, groupNik, namaHari, terbilang, wholeYears } from './format';
