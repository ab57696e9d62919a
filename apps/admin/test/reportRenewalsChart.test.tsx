import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '../src/i18n';
import { RenewalsChart } from '../src/pages/reports/RenewalsChart';
import type { RenewalYear } from '../src/pages/reports/renewalsCsv';

const figures = {
  agreements: 5,
  decided: 5,
  renewed: 3,
  dropped: 2,
  followed: 2,
  overriddenToRenew: 2,
  overriddenToDrop: 1,
  justified: 4,
  overridesJustified: 3,
  lapsed: 1,
  decidedLate: 1,
  stillLapsed: 0,
  pending: 0,
  endedEarly: 0,
};
// the API test's year 2027: A 100 renew, B 52 renew, C 100 drop, D 61 drop, E no score renew
const year: RenewalYear = {
  year: 2027,
  figures,
  areas: [],
  supervisors: [],
  scores: {
    bins: Array.from({ length: 10 }, (_, i) => ({
      from: i * 10,
      to: i * 10 + 10,
      renew: i === 5 || i === 9 ? 1 : 0,
      drop: i === 6 || i === 9 ? 1 : 0,
    })),
    noScore: { renew: 1, drop: 0 },
    thresholds: [60],
  },
  overrides: [],
};

const chart = () =>
  renderToStaticMarkup(
    <I18nProvider>
      <RenewalsChart year={year} />
    </I18nProvider>,
  );

describe('the scores chart', () => {
  it('is one named image with a title, readable without colour: labels on the bars, a legend', () => {
    const svg = chart();
    expect(svg).toContain('role="img"');
    expect(svg).toContain('<title>Sebaran nilai saat diputuskan, PKS berakhir tahun 2027, per keputusan</title>');
    expect(svg).toContain('Diperpanjang (hitam)');
    expect(svg).toContain('Tidak diperpanjang (arsir)');
    // ten bins and the decisions without a score, each labelled under its bars
    for (const label of ['0–10', '50–60', '60–70', '90–100', 'Tanpa nilai']) expect(svg).toContain(`>${label}</text>`);
    // a bar's number is written on it only when it has decisions: five bars of one
    expect(svg.match(/class="renewals-chart-number">1<\/text>/g)).toHaveLength(5);
  });

  it('marks the threshold as a dashed line at its place on the score axis (60: the left edge of 60–70)', () => {
    const svg = chart();
    // the bins are 52 units wide from x = 10: 60 stands at 10 + 6 × 52 = 322
    expect(svg).toMatch(/<line x1="322" x2="322"[^>]*stroke-dasharray="6 4"/);
    expect(svg).toContain('Batas perpanjangan: 60');
  });
});
