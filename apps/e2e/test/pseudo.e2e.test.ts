/// <reference lib="dom" />
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { DAY_NAMES, MONTH_NAMES } from '@kader/workflow';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import {
  apiGet,
  CANDIDATE_ADDRESS,
  DEMO_PASSWORD,
  DEMO_USERS,
  fillCandidateForm,
  openNav,
  RESULTS_DIR,
  SERVER_DIR,
  setupKader,
  signIn,
  submitLogin,
} from './harness';

/**
 * Every word a person reads comes from the catalogue. The admin UI in English with the pseudo-locale
 * on (`kader.pseudo` = 1: `t`, `td`, `tmsg` and `tissue` mark their output ⟦…⟧) walks the pages the
 * other browser tests visit, provokes refusals from the browser and from the server, and on each
 * screen collects every visible text node and the placeholder, title, aria-label and alt of visible
 * elements. With the marked parts removed, what is left may only be data: digits, punctuation,
 * dates, times, money and percentages in the English formats, zone names (WIB, WITA, WIT), and what
 * the database holds as data (names of people, branches and work areas, user names, addresses,
 * agreement numbers, written reasons). Anything else is a leak, reported as "screen: text".
 */

const kader = setupKader();

const OPEN = '\u27e6';
const CLOSE = '\u27e7';

/**
 * One piece of text on the screen: a text node (with its parent element's number, so the text
 * nodes React makes of one element's children are read together) or an attribute (`attr`).
 */
type Shown = { text: string; where: string; parent: number; attr: boolean };

/**
 * Runs in the page: visible text nodes in document order, the options of visible selects, the
 * titles of visible SVG shapes, the attributes people read, and the document's title.
 */
function collectInPage(): Shown[] {
  const out: Shown[] = [];
  const parents = new Map<Element, number>();
  const visible = (el: Element | null): boolean =>
    !!el && el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true, contentVisibilityAuto: true });
  const describe = (el: Element): string => {
    const id = el.closest('[data-testid]')?.getAttribute('data-testid');
    return `${el.tagName.toLowerCase()}${id ? ` in ${id}` : ''}`;
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || !node.textContent) continue;
    if (parent.closest('script, style, noscript, template')) continue;
    // an option shows when its select does; an SVG <title> is the tooltip of its shape
    const tooltip = parent.closest('svg title');
    const owner = parent.closest('select') ?? (tooltip ? tooltip.parentElement : parent);
    if (!visible(owner)) continue;
    if (!parents.has(parent)) parents.set(parent, parents.size);
    out.push({ text: node.textContent, where: describe(parent), parent: parents.get(parent)!, attr: false });
  }
  const attributes = ['placeholder', 'title', 'aria-label', 'alt', 'aria-description'];
  for (const el of Array.from(document.body.querySelectorAll('*'))) {
    if (!visible(el)) continue;
    for (const a of attributes) {
      const v = el.getAttribute(a);
      if (v) out.push({ text: v, where: `${describe(el)} [${a}]`, parent: -1, attr: true });
    }
    if (el instanceof HTMLInputElement && ['submit', 'button', 'reset'].includes(el.type) && el.value) {
      out.push({ text: el.value, where: `${describe(el)} [value]`, parent: -1, attr: true });
    }
  }
  out.push({ text: document.title, where: 'document title', parent: -1, attr: true });
  return out;
}

/**
 * The unmarked parts of the screen's text. Marks are counted across text nodes (a catalogue string
 * that a component split around an element is still one marked span; nested marks count too), and
 * consecutive text nodes of one element are read as one piece (`Rp ` and `87,500`). A mark that
 * closes what never opened is reported with the piece.
 */
function unmarked(shown: readonly Shown[]): { text: string; where: string; stray: boolean }[] {
  const pieces: { text: string; where: string; stray: boolean; parent: number }[] = [];
  let depth = 0;
  for (const s of shown) {
    let d = s.attr ? 0 : depth;
    let kept = '';
    let stray = false;
    for (const ch of s.text) {
      if (ch === OPEN) {
        d++;
        // a gap where a marked span sat: the words on either side are not one word
        kept += ' ';
      } else if (ch === CLOSE) {
        if (d === 0) stray = true;
        else d--;
        kept += ' ';
      } else if (d === 0) kept += ch;
    }
    if (s.attr) stray ||= d !== 0;
    else depth = d;
    const last = pieces[pieces.length - 1];
    if (!s.attr && last && last.parent === s.parent) {
      last.text += kept;
      last.stray ||= stray;
    } else pieces.push({ text: kept, where: s.where, stray, parent: s.attr ? -1 : s.parent });
  }
  return pieces;
}

// ------------------------------------------------------------------------------------------------
// What counts as data

type ReadOnlyDb = {
  prepare: (sql: string) => { pluck: () => { all: () => unknown[] }; get: () => unknown };
  close: () => void;
};

/** The server's database, read-only, through the better-sqlite3 the server itself loads (via @kader/db). */
function openDb(): ReadOnlyDb {
  const requireFromDb = createRequire(path.join(SERVER_DIR, 'node_modules/@kader/db/package.json'));
  const Database = requireFromDb('better-sqlite3') as new (
    file: string,
    opts: { readonly: boolean; fileMustExist: boolean },
  ) => ReadOnlyDb;
  return new Database(kader.server.dbPath, { readonly: true, fileMustExist: true });
}

/** Strings the database holds as data, longest first; read afresh for each screen. */
function dataStrings(extra: readonly string[]): string[] {
  const db = openDb();
  const found = new Set<string>(extra);
  const column = (sql: string) => {
    for (const v of db.prepare(sql).pluck().all()) if (typeof v === 'string') found.add(v);
  };
  /** Free text inside JSON (payloads, snapshots): strings with a space or a slash, never a code. */
  const jsonText = (sql: string) => {
    const walk = (v: unknown): void => {
      if (typeof v === 'string') {
        if (/[\s/]/.test(v.trim())) found.add(v);
      } else if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') Object.values(v).forEach(walk);
    };
    for (const v of db.prepare(sql).pluck().all()) {
      if (typeof v !== 'string') continue;
      try {
        walk(JSON.parse(v));
      } catch {
        // not JSON: not ours to read
      }
    }
  };
  try {
    for (const c of ['code', 'name', 'agreement_number_pattern']) column(`select ${c} from branches`);
    for (const c of ['name', 'region_code']) column(`select ${c} from work_areas`);
    for (const c of ['name', 'phone', 'street', 'rt_rw', 'village', 'district', 'regency']) column(`select ${c} from candidates`);
    for (const c of ['username', 'name']) column(`select ${c} from users`);
    column('select agreement_number from contracts');
    column('select actor from audit_events');
    jsonText('select payload from audit_events');
    jsonText('select meta from audit_events where meta is not null');
    jsonText('select snapshot from applications');
    jsonText('select record from monthly_reports');
  } finally {
    db.close();
  }
  return [...found]
    .map((s) => s.trim())
    .filter((s) => s.length >= 3)
    .sort((a, b) => b.length - a.length);
}

const MONTHS = [...MONTH_NAMES.en.long, ...MONTH_NAMES.en.short].join('|');
const DAYS = DAY_NAMES.en.join('|');
/** English formats of dates, months, times' zones and money (packages/workflow/src/text/format.ts). */
const FORMATS: RegExp[] = [
  new RegExp(`\\b(\\d{1,2} )?(${MONTHS})( \\d{4})?\\b`, 'g'),
  new RegExp(`\\b(${DAYS})\\b`, 'g'),
  /\b(WIB|WITA|WIT)\b/g,
  /\bRp(?=\s?-?\d)/g,
];
/** What may be left: numbers, punctuation, symbols and spaces. */
const ONLY_DATA_MARKS = /^[\p{N}\p{P}\p{S}\p{Z}\s]*$/u;

/**
 * The pieces of a screen's text that are neither catalogue text nor data; `accepted` receives the
 * unmarked pieces that passed as data (written out for review: what the check let through).
 */
function leaksOf(shown: readonly Shown[], data: readonly string[], accepted: string[] = []): { text: string; where: string }[] {
  const leaks: { text: string; where: string }[] = [];
  for (const piece of unmarked(shown)) {
    const text = piece.text.replace(/\s+/g, ' ').trim();
    let rest = text;
    for (const d of data) if (rest.includes(d)) rest = rest.split(d).join(' ');
    for (const f of FORMATS) rest = rest.replace(f, ' ');
    if (piece.stray) leaks.push({ text: `${text} (a mark closes that never opened)`, where: piece.where });
    else if (!ONLY_DATA_MARKS.test(rest)) leaks.push({ text, where: piece.where });
    else if (/\p{L}/u.test(text)) accepted.push(`${text}  (${piece.where})`);
  }
  return leaks;
}

// ------------------------------------------------------------------------------------------------
// The walk

const allLeaks: string[] = [];
/** Unmarked text with letters that passed as data, per screen: for a person to review. */
const allAccepted: string[] = [];
/** What the test types (free text a person wrote), counted as data. */
const typed: string[] = [];

/** Collects the screen now; returns its leaks and keeps them for the summary. */
async function check(page: Page, screen: string): Promise<string[]> {
  // let the screen settle: no request in flight, fonts and layout done
  await page.waitForLoadState('networkidle').catch(() => {});
  const lang = await page.evaluate(() => document.documentElement.lang);
  expect(lang, `${screen}: the UI is in English`).toBe('en');
  const shown = await page.evaluate(collectInPage);
  const marked = shown.filter((s) => s.text.includes(OPEN)).length;
  expect(marked, `${screen}: the pseudo-locale is on (marked text found)`).toBeGreaterThan(3);
  const accepted: string[] = [];
  const leaks = leaksOf(shown, dataStrings(typed), accepted).map((l) => `${screen}: ${l.text}  (${l.where})`);
  for (const a of new Set(accepted)) allAccepted.push(`${screen}: ${a}`);
  const fresh = [...new Set(leaks)].filter((l) => !allLeaks.includes(l));
  allLeaks.push(...fresh);
  return fresh;
}

/** A fresh browser context in English with the pseudo-locale on; the screens' leaks fail the step at its end. */
async function walk(name: string, steps: (page: Page, check: (screen: string) => Promise<void>) => Promise<void>) {
  const leaks: string[] = [];
  await kader.withPage(name, async (page) => {
    await page.addInitScript(() => {
      localStorage.setItem('kader.lang', 'en');
      localStorage.setItem('kader.pseudo', '1');
    });
    await steps(page, async (screen) => {
      leaks.push(...(await check(page, screen)));
    });
  });
  expect(leaks, `text on screen that is neither catalogue text nor data:\n${leaks.join('\n')}`).toEqual([]);
}

afterAll(() => {
  const file = path.join(RESULTS_DIR, 'pseudo-leaks.txt');
  writeFileSync(file, allLeaks.length ? `${allLeaks.join('\n')}\n` : '');
  writeFileSync(path.join(RESULTS_DIR, 'pseudo-data.txt'), `${allAccepted.join('\n')}\n`);
  if (allLeaks.length) console.log(`pseudo-locale: ${allLeaks.length} leaks (also in ${file}):\n${allLeaks.join('\n')}`);
});

type Detail = { id: number; revision: number; state: string };

async function apiSend(page: Page, input: unknown): Promise<void> {
  const res = await page.request.post(`${kader.server.url}/trpc/applications.send`, {
    headers: { 'x-kader-request': '1', 'content-type': 'application/json' },
    data: JSON.stringify(input),
  });
  if (!res.ok()) throw new Error(`applications.send failed: ${res.status()} ${await res.text()}`);
}

async function openCard(page: Page, column: string): Promise<number> {
  const toggle = page.getByTestId(`column-toggle-${column}`);
  const cards = page.getByTestId(`board-column-${column}`).locator('[data-testid^="card-"]');
  if ((await cards.count()) === 0 && (await toggle.count()) > 0) await toggle.click();
  await cards.first().click();
  await page.waitForURL(/\/lamaran\/\d+$/);
  await page.getByTestId('state-badge').waitFor();
  return Number(/\/lamaran\/(\d+)$/.exec(page.url())![1]);
}

describe('the pseudo-locale: no text outside the catalogue', () => {
  it('the check itself: marked text and data pass, anything else is a leak', () => {
    const node = (text: string, parent: number): Shown => ({ text, where: `p${parent}`, parent, attr: false });
    const attr = (text: string): Shown => ({ text, where: 'attr', parent: -1, attr: true });
    const shown = [
      node(`${OPEN}Quota${CLOSE} `, 0),
      node('12', 0),
      node(`${OPEN}${OPEN}Recruiter${CLOSE} · KC Madiun${CLOSE}`, 1),
      node('Rp ', 2),
      node('87,500', 2),
      node('22 Nov 2026 14:30 WIB', 3),
      node('Siti Aminah', 4),
      node(`${OPEN}Signed by `, 5),
      node('Budi', 6),
      node(` today${CLOSE}`, 7),
      node('Tahap', 8),
      node('administrativeCheck', 9),
      node('12 Agu 2026', 10),
      attr(`${OPEN}Search${CLOSE}`),
      attr('Cari'),
      node(`stray${CLOSE}`, 11),
    ];
    expect(leaksOf(shown, ['Siti Aminah']).map((l) => l.text)).toEqual([
      'Tahap',
      'administrativeCheck',
      '12 Agu 2026',
      'Cari',
      'stray (a mark closes that never opened)',
    ]);
  });

  it('sign-in, with a wrong password and empty fields', async () => {
    await walk('pseudo-sign-in', async (page, check) => {
      await page.goto(kader.server.url);
      await page.waitForURL(/\/masuk(\?|$)/);
      await page.getByTestId('login-form').waitFor();
      await check('sign-in');
      await submitLogin(page, DEMO_USERS.recruiter, 'bukan-kata-sandinya');
      await page.getByTestId('login-error').waitFor();
      await check('sign-in (wrong password)');
      await submitLogin(page, '', '');
      await page.waitForSelector('[data-testid="login-submit"]:not([disabled])');
      await check('sign-in (empty)');
    });
  });

  it('the recruiter: board, register with refusals, an application with a conflict and forms', async () => {
    await walk('pseudo-recruiter', async (page, check) => {
      const url = kader.server.url;
      await signIn(page, url, DEMO_USERS.recruiter);
      await page.getByTestId('board-column-registered').waitFor();
      await check('board');
      await page.getByTestId('user-menu-button').click();
      await page.getByTestId('logout').waitFor();
      await check('board (user menu)');
      await page.getByTestId('user-menu-button').click();
      for (const column of ['rejected', 'withdrawn', 'active']) {
        const toggle = page.getByTestId(`column-toggle-${column}`);
        if ((await toggle.count()) > 0 && (await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
      }
      await page.getByTestId('board-column-rejected').locator('[data-testid^="card-"]').first().waitFor();
      await check('board (closed columns opened)');

      // register: the browser's refusals, then a NIK the server refuses
      await openNav(page, 'nav-register', /\/daftar$/, 'field-workAreaId');
      await check('register');
      await page.getByTestId('submit').click();
      await page.locator('[data-testid^="field-error-"]').first().waitFor();
      await check('register (browser refusals)');
      await page.getByTestId('field-candidate.nik').fill('3577019999999999');
      await check('register (a NIK that cannot be)');
      const workArea = page.getByTestId('field-workAreaId');
      await workArea.selectOption((await workArea.locator('option:not([value=""])').first().getAttribute('value'))!);
      // a person whose application runs (at the interview): the server refuses the NIK
      const db = openDb();
      const nik = db
        .prepare(
          `select c.nik from candidates c join applications a on a.candidate_id = c.id join recruitment_periods p on p.id = a.period_id
           join branches b on b.id = p.branch_id where a.state = 'interview' and b.code = 'KC-MDN' limit 1`,
        )
        .pluck()
        .all()[0] as string;
      db.close();
      await page.getByTestId('field-candidate.nik').fill(nik);
      await page.getByTestId('nik-decoded').waitFor();
      await check('register (a NIK read as typed)');
      const name = 'Ayu Kartika Sari';
      typed.push(name, ...Object.values(CANDIDATE_ADDRESS));
      await fillCandidateForm(page, name);
      await page.getByTestId('submit').click();
      await page.locator('[data-testid="field-error-candidate.nik"], [data-testid="error-message"]').first().waitFor();
      await check('register (server refusal)');

      // an application just registered: someone else moves it on meanwhile, the page's send conflicts
      await openNav(page, 'nav-board', /\/$/, 'board-column-registered');
      const id = await openCard(page, 'registered');
      await check('application (registered)');
      await page.getByTestId('candidate-nik-reveal').click();
      await page.waitForSelector('[data-testid="candidate-nik"][data-masked="false"]');
      await check('application (NIK shown)');
      const detail = await apiGet<Detail>(page, url, 'applications.get', { id });
      await apiSend(page, { id, revision: detail.revision, event: { type: 'BEGIN_ADMIN_CHECK' } });
      await page.getByTestId('action-BEGIN_ADMIN_CHECK').click();
      await page.getByTestId('event-form-BEGIN_ADMIN_CHECK').waitFor();
      await check('application (event form)');
      await page.getByTestId('event-submit').click();
      const conflict = page.getByTestId('error-message');
      await conflict.waitFor();
      await check('application (conflict)');
      await conflict.getByTestId('reload').click();
      await page.waitForSelector('[data-testid="state-badge"][data-state="administrativeCheck"]');
      await check('application (administrative check)');
      // a reason is required: the schema says so in the browser
      await page.getByTestId('action-REJECT').click();
      const reject = page.getByTestId('event-form-REJECT');
      await reject.waitFor();
      await reject.getByTestId('event-submit').click();
      await reject.locator('[data-testid^="event-field-error-"]').first().waitFor();
      await check('application (reject form, browser refusal)');
      await reject.getByTestId('event-cancel').click();

      // an application at the interview: schedules, the written-test score, a score under the mark
      await openNav(page, 'nav-board', /\/$/, 'board-column-registered');
      await openCard(page, 'interview');
      await check('application (interview)');
      await page.getByTestId('action-RECORD_INTERVIEW_SCORE').click();
      const score = page.getByTestId('event-form-RECORD_INTERVIEW_SCORE');
      await score.waitFor();
      await score.getByTestId('event-field-score').fill('150');
      await score.getByTestId('event-submit').click();
      await score.locator('[data-testid^="event-field-error-"]').first().waitFor();
      await check('application (score out of range)');
      await score.getByTestId('event-field-score').fill('10');
      await score.getByTestId('event-submit').click();
      await page.getByTestId('score-confirm').waitFor();
      await check('application (score under the pass mark)');
      await page.getByTestId('score-confirm-no').click();

      // at the signing: the agreement to print
      await openNav(page, 'nav-board', /\/$/, 'board-column-registered');
      await openCard(page, 'agreementSigning');
      await check('application (agreement signing)');

      await page.getByTestId('user-menu-button').click();
      await page.getByTestId('change-password-link').click();
      await page.getByTestId('password-submit').waitFor();
      await check('change password');
      await page.getByTestId('password-submit').click();
      await page.locator('[data-testid^="password-error-"]').first().waitFor();
      await check('change password (browser refusals)');
    });
  });

  it('the supervisor: renewals, a cadre with its forms, cadres, a candidate correction', async () => {
    await walk('pseudo-supervisor', async (page, check) => {
      const url = kader.server.url;
      await signIn(page, url, DEMO_USERS.supervisor);
      await openNav(page, 'nav-renewals', /\/perpanjangan$/, 'renewals-table');
      await check('renewals');
      const decide = page.locator('[data-testid^="renewal-decide-"]').first();
      await decide.click();
      const dialog = page.getByTestId('decide-dialog');
      await dialog.waitFor();
      await check('renewals (decide dialog)');
      await dialog.getByTestId('decide-submit').click();
      await dialog.locator('[data-testid^="decide-error-"]').first().waitFor();
      await check('renewals (decide dialog, refusal)');
      await dialog.getByTestId('decide-cancel').click();

      await page.locator('[data-testid^="renewal-link-"]').first().click();
      await page.getByTestId('cadre').waitFor();
      await check('cadre');
      await page.getByTestId('month-add').click();
      const form = page.getByTestId('month-form');
      await form.waitFor();
      await check('cadre (month form)');
      await form.getByTestId('month-field-familiesVisited').fill('600');
      await form.getByTestId('month-field-visits').fill('');
      await form.getByTestId('month-submit').click();
      await form.locator('[data-testid^="month-field-error-"]').first().waitFor();
      await check('cadre (month form, browser refusals)');
      await form.getByTestId('month-cancel').click();

      await openNav(page, 'nav-cadres', /\/kader$/, 'cadres-table');
      await check('cadres');
      typed.push('zzz-nobody');
      await page.getByTestId('cadres-filter-search').fill('zzz-nobody');
      await page.waitForURL(/q=/);
      await check('cadres (nothing found)');

      // a candidate's data corrected: the reason is required
      await openNav(page, 'nav-board', /\/$/, 'board-column-registered');
      await openCard(page, 'writtenTest');
      await page.getByTestId('candidate-edit').click();
      await page.getByTestId('candidate-edit-form').waitFor();
      await check('application (correction form)');
      await page.getByTestId('candidate-edit-submit').click();
      await page.getByTestId('candidate-edit-error-reason').waitFor();
      await check('application (correction form, refusal)');
    });
  });

  it('head office: users, settings, quota and rules, with refusals', async () => {
    await walk('pseudo-admin', async (page, check) => {
      const url = kader.server.url;
      await signIn(page, url, DEMO_USERS.admin, { path: '/pengguna' });
      await page.getByTestId('users-table').waitFor();
      await check('users');
      await page.getByTestId('user-create-submit').click();
      await page.locator('[data-testid^="user-create-error-"]').first().waitFor();
      await check('users (browser refusals)');
      await page.getByTestId('user-create-username').fill(DEMO_USERS.recruiter);
      await page.getByTestId('user-create-name').fill('Tri Wahyudi');
      typed.push('Tri Wahyudi');
      await page.getByTestId('user-create-role').selectOption('recruiter');
      await page.getByTestId('user-create-branch').selectOption({ label: 'KC Madiun' });
      await page.getByTestId('user-create-password').fill(DEMO_PASSWORD);
      await page.getByTestId('user-create-submit').click();
      await page.getByTestId('user-create-error-username').waitFor();
      await check('users (server refusal)');

      await openNav(page, 'nav-settings', /\/pengaturan$/, 'settings-kpi-add');
      await check('settings');
      const kpi = page.getByTestId('settings-kpi-add');
      await kpi.getByTestId('settings-field-weights.visits').fill('40');
      await kpi.getByTestId('settings-submit').click();
      await kpi.getByTestId('settings-error-weights').waitFor();
      await check('settings (weights refused)');
      const fee = page.getByTestId('settings-fee-add');
      await fee.getByTestId('settings-flat25').click();
      await fee.getByTestId('settings-field-effectiveFrom').fill('2017-01-01');
      await fee.getByTestId('settings-submit').click();
      await fee.locator('[data-testid^="settings-error-"]').first().waitFor();
      await check('settings (fee refused)');

      // the quota page, its rules and branch forms
      await openNav(page, 'nav-quota', /\/kuota$/, 'quota-table');
      await check('quota');
      // a year with places taken: a quota under them is refused by the server
      const periods = await apiGet<{ year: number; quotaUsed: number; branch: { code: string } }[]>(page, url, 'periods.list');
      const taken = periods.find((p) => p.branch.code === 'KC-MDN' && p.quotaUsed > 0)!;
      await page.getByTestId(`quota-edit-KC-MDN-${taken.year}`).click();
      const quota = page.getByTestId('quota-form');
      await quota.getByTestId('quota-form-quota').fill('0');
      await quota.getByTestId('quota-form-submit').click();
      await quota.getByTestId('quota-error-quota').waitFor();
      await check('quota (server refusal)');
      await page.locator('[data-testid^="rules-open-"]').first().click();
      const rules = page.getByTestId('rules-form');
      await rules.waitFor();
      await check('quota (rules form)');
      await rules.getByTestId('rules-field-passingGrades.writtenTest').fill('101');
      await rules.getByTestId('rules-submit').click();
      await rules.locator('[data-testid^="rules-error-"]').first().waitFor();
      await check('quota (rules form, browser refusal)');
      const branch = page.getByTestId('branch-form');
      await branch.getByTestId('branch-code').fill('KC-MDN');
      await branch.getByTestId('branch-submit').click();
      await branch.locator('[data-testid^="branch-error-"]').first().waitFor();
      await check('quota (branch form, refusals)');
    });
  });
});
