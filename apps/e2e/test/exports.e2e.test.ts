import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apiGet, DEMO_USERS, setupKader, signIn } from './harness';

/**
 * "Unduh CSV" on the board (issue 12): the browser downloads the period's board as the list shows
 * it, with the session cookie, and the file reads back: the Indonesian format's header, one line
 * per application the board counts, NIKs masked for a viewer (no whole-NIK link offered).
 */
const kader = setupKader();
const { withPage } = kader;

type Board = { columns: { total: number }[] };

describe('exporting the board', () => {
  it("downloads the period's board as CSV and reads it back", async () => {
    const url = kader.server.url;
    await withPage('export-board', async (page) => {
      await signIn(page, url, DEMO_USERS.viewer);
      const link = page.getByTestId('export-board');
      await link.waitFor();
      await expect(page.getByTestId('export-board-full-nik').count()).resolves.toBe(0);
      const href = (await link.getAttribute('href'))!;
      const periodId = Number(new URL(href, url).searchParams.get('periodId'));
      expect(periodId).toBeGreaterThan(0);

      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      expect(download.suggestedFilename()).toMatch(/^kader-papan-\d{4}-\d{2}-\d{2}\.csv$/);
      const text = readFileSync((await download.path())!, 'utf8');
      // starts with the byte-order mark Excel needs to read it as UTF-8
      expect(text.startsWith('\uFEFF')).toBe(true);
      const lines = text.slice(1).split('\r\n');
      expect(lines[0]).toBe('id_lamaran;nama;nik;wilayah_kerja;tahap;masuk_tahap');
      const rows = lines.slice(1, -1).map((l) => l.split(';'));
      const board = await apiGet<Board>(page, url, 'applications.board', { periodId });
      expect(rows.length).toBe(board.columns.reduce((n, c) => n + c.total, 0));
      expect(rows.length).toBeGreaterThan(0);
      for (const r of rows) {
        expect(r[2]).toMatch(/^\d{4} •••• •••• \d{4}$/);
        expect(r[5]).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
      }
    });
  });
});
