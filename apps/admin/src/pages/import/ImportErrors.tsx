import { Link } from '@tanstack/react-router';
import { Table } from '../../components/Table';
import { useI18n } from '../../i18n';
import type { CandidateImportError } from './types';

/**
 * The problems of an import by row and column, as the file names its columns; a NIK already
 * registered links to the application it has (its period and state when the user may read it).
 */
export function ImportErrors({ errors }: { errors: CandidateImportError[] }) {
  const { t, td, tmsg } = useI18n();
  return (
    <Table
      className="import-errors"
      testId="candidate-import-errors"
      head={
        <>
          <th className="num">{t('candidateImport.row')}</th>
          <th>{t('candidateImport.column')}</th>
          <th>{t('candidateImport.problem')}</th>
          <th>{t('candidateImport.existing')}</th>
        </>
      }
    >
      {errors.map((e, i) => (
        <tr key={i} data-testid="candidate-import-error" data-row={e.row} data-column={e.column} data-reason={e.reason}>
          <td className="num">{e.row}</td>
          <td className="mono">{e.column}</td>
          <td>{tmsg(e)}</td>
          <td>
            {e.existing &&
              (e.existing.state ? (
                // the user's own branch: a link, with the state the application is in
                <Link to="/lamaran/$id" params={{ id: String(e.existing.applicationId) }} data-testid="candidate-import-existing">
                  #{e.existing.applicationId} · {e.existing.year} · {td(`state.${e.existing.state}`, e.existing.state)}
                </Link>
              ) : (
                `#${e.existing.applicationId} · ${e.existing.year}`
              ))}
          </td>
        </tr>
      ))}
    </Table>
  );
}
