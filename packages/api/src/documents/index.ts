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
export { formatAgreementNumber, type AgreementNumberParts } from './agreementNumber';
export { formatAngka, formatPersenBasisPoin, formatTanggal, groupNik, namaHari, terbilang, wholeYears } from './format';
