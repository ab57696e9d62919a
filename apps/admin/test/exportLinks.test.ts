import { describe, expect, it } from 'vitest';
import { exportHref } from '../src/components/ExportLinks';

describe('exportHref', () => {
  it("carries the list's current filters, leaving out the unset ones", () => {
    expect(exportHref('board', { periodId: 4, workAreaId: undefined, search: '' })).toBe('/export/board.csv?periodId=4');
    expect(exportHref('cadres', { branchId: 2, search: 'Sri Rahayu' })).toBe('/export/cadres.csv?branchId=2&search=Sri+Rahayu');
    expect(exportHref('users', {})).toBe('/export/users.csv');
  });

  it('asks for whole NIKs only when told to', () => {
    expect(exportHref('renewals', {}, true)).toBe('/export/renewals.csv?nik=full');
  });
});
