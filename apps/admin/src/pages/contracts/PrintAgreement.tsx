import { useState } from 'react';
import { base64ToBytes, downloadFile, safeFilename } from '../../contracts/files';
import { useI18n } from '../../i18n';
import { useTRPCClient } from '../../trpc';
import { RefusalMessage } from '../../components/RefusalMessage';

export type AgreementPdfTarget = { applicationId: number } | { contractId: number };
export const PAPER_SIZES = ['A4', 'F4'] as const;
export type Paper = (typeof PAPER_SIZES)[number];

/**
 * "Cetak PKS": asks the server for the agreement as a PDF (a watermarked draft before signing) on
 * A4 or F4 paper, and hands the browser the file.
 */
export function PrintAgreement({ target, draft = false }: { target: AgreementPdfTarget; draft?: boolean }) {
  const { t, td } = useI18n();
  const client = useTRPCClient();
  const [paper, setPaper] = useState<Paper>('A4');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);

  const print = async () => {
    setPending(true);
    setError(null);
    setDone(null);
    try {
      const pdf = await client.contracts.agreementPdf.mutate({ ...target, paper });
      const name = safeFilename(pdf.filename, 'PKS.pdf');
      downloadFile(name, base64ToBytes(pdf.base64), 'application/pdf');
      setDone(name);
    } catch (err) {
      setError(err);
    } finally {
      setPending(false);
    }
  };

  return (
    <div className="print-agreement" data-testid="pdf">
      <label className="field-inline">
        <span>{t('pdf.paper')}</span>
        <select data-testid="pdf-paper" value={paper} onChange={(e) => setPaper(e.target.value as Paper)}>
          {PAPER_SIZES.map((p) => (
            <option key={p} value={p}>
              {td(`pdf.paper.${p}`, p)}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="btn" data-testid="pdf-print" disabled={pending} onClick={() => void print()}>
        {pending ? t('pdf.working') : t(draft ? 'pdf.printDraft' : 'pdf.print')}
      </button>
      {done && (
        <span className="muted" role="status" data-testid="pdf-done">
          {t('pdf.done', { filename: done })}
        </span>
      )}
      {error !== null && <RefusalMessage error={error} testId="pdf-error" />}
    </div>
  );
}
