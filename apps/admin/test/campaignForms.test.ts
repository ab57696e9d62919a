import { describe, expect, it } from 'vitest';
import { areaFormFrom, checkAreaForm, checkChannelsForm, checkWindowForm, typedSum } from '../src/pages/quota/campaignForms';

const period = {
  id: 7,
  year: 2027,
  quota: 10,
  revision: 3,
  registrationOpensOn: '2027-01-01',
  registrationClosesOn: '2027-12-31',
  channels: [],
  areaQuotas: [
    { workAreaId: 1, name: 'Kota Madiun', quota: 4, taken: 2 },
    { workAreaId: 2, name: 'Kabupaten Madiun', quota: null, taken: 0 },
  ],
};

describe('the period panel’s forms', () => {
  it('send the dates with the period’s year and revision; refuse a close before the opening on its field', () => {
    expect(checkWindowForm(period, { opensOn: '2027-02-01', closesOn: '2027-03-15' })).toEqual({
      ok: true,
      value: { periodId: 7, revision: 3, year: 2027, opensOn: '2027-02-01', closesOn: '2027-03-15' },
    });
    const bad = checkWindowForm(period, { opensOn: '2027-03-01', closesOn: '2027-02-01' });
    expect(bad.ok ? null : Object.entries(bad.errors).map(([p, m]) => [p, m.reason])).toEqual([
      ['closesOn', 'REGISTRATION_CLOSES_BEFORE_OPENING'],
    ]);
  });

  it('send the channels in the list’s order', () => {
    expect(checkChannelsForm(period, ['SOCIAL_MEDIA', 'BANNER'])).toMatchObject({
      ok: true,
      value: { channels: ['BANNER', 'SOCIAL_MEDIA'] },
    });
  });

  it('split: empty is no places of its own; over the total is refused naming both numbers', () => {
    const form = areaFormFrom(period);
    expect(form).toEqual({ 1: '4', 2: '' });
    expect(checkAreaForm(period, form)).toEqual({
      ok: true,
      value: {
        periodId: 7,
        revision: 3,
        areas: [
          { workAreaId: 1, quota: 4 },
          { workAreaId: 2, quota: null },
        ],
      },
    });
    const over = checkAreaForm(period, { 1: '4', 2: '7' });
    expect(over.ok ? null : over.errors).toEqual({
      areas: { path: 'areas', reason: 'AREA_SPLIT_OVER_TOTAL', params: { sum: 11, total: 10 } },
    });
    expect(typedSum({ 1: '4', 2: '7' })).toBe(11);
    const below = checkAreaForm(period, { 1: '1', 2: '' });
    expect(below.ok ? null : Object.keys(below.errors)).toEqual(['areas.0.quota']);
    const notWhole = checkAreaForm(period, { 1: '1.5', 2: '' });
    expect(notWhole.ok ? null : notWhole.errors['areas.0.quota']?.reason).toBe('AREA_QUOTA_WHOLE');
  });
});
