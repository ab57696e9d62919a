import { describe, expect, it } from 'vitest';
import { countLabel } from '../src/pages/BoardPage';
import { cadresQueryInput } from '../src/pages/CadresPage';

describe('keyset pages in the admin (issue 10)', () => {
  it("a search's count that stopped at its bound reads as a floor", () => {
    expect(countLabel({ total: 1000, totalCapped: true }, 'id')).toBe('1.000+');
    expect(countLabel({ total: 1000, totalCapped: true }, 'en')).toBe('1,000+');
    expect(countLabel({ total: 12345, totalCapped: false }, 'id')).toBe('12.345');
  });

  it('the cadres list asks for the page after the last row shown, with the filters of the URL', () => {
    expect(cadresQueryInput({ state: 'active', q: 'sri', page: 3 })).toEqual({ pageSize: 20, state: 'active', search: 'sri' });
    expect(cadresQueryInput({ branch: 2 }, { endDate: '2027-03-31', id: 41 })).toEqual({
      pageSize: 20,
      after: { endDate: '2027-03-31', id: 41 },
      branchId: 2,
    });
    // a state the list does not know is left out rather than sent
    expect(cadresQueryInput({ state: 'nonsense' })).toEqual({ pageSize: 20 });
  });
});
