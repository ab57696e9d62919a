import type { ReactNode } from 'react';

/**
 * A table that scrolls sideways on a narrow screen: its header cells, its rows and any footer rows.
 * `panel`: the scrolling box is itself a panel (else it sits in one, or in none).
 */
export function Table(props: {
  className?: string;
  testId?: string;
  panel?: boolean;
  head: ReactNode;
  children: ReactNode;
  foot?: ReactNode;
}) {
  const { className, testId, panel = false, head, children, foot } = props;
  return (
    <div className={panel ? 'panel table-wrap' : 'table-wrap'}>
      <table className={className ? `table ${className}` : 'table'} data-testid={testId}>
        <thead>
          <tr>{head}</tr>
        </thead>
        <tbody>{children}</tbody>
        {foot && <tfoot>{foot}</tfoot>}
      </table>
    </div>
  );
}
