// reports/index.html in a real browser: a check run's report rendered in
// headless Chromium (Debian's `chromium`, driven by playwright-core) loads
// without console errors, shows the verdict table, the heatmap and every
// counterexample, and is saved as screenshots (reports/index.png, the
// whole page, and reports/index-heatmap.png). Without
// Chromium the test is skipped loudly — never a silent pass; .ci/run
// installs it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
const browserPath = CANDIDATES.find((p): p is string => p !== undefined && p !== '' && existsSync(p));
if (browserPath === undefined) {
  console.warn('\n*** SKIPPED: src/report/index-html.browser.test.ts — no Chromium found (apt-get install -y chromium, or set CHROMIUM_PATH) ***\n');
}

describe.skipIf(browserPath === undefined)('reports/index.html in headless Chromium', () => {
  it('loads without console errors and shows the verdicts, the heatmap and every counterexample', async () => {
    const out = mkdtempSync(join(tmpdir(), 'zdspec-index-'));
    const run = spawnSync(process.execPath, [join(ROOT, 'bin/zdspec.js'), 'check', 'coherent-v1', '--runs', '60', '--workers', '1', '--max-commands', '20', '--seed', '1', '-q', '-o', out], {
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(1);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { proposals: { counterexamples: unknown[] }[] };
    const found = summary.proposals.reduce((n, p) => n + p.counterexamples.length, 0);
    expect(found).toBeGreaterThan(0);

    const browser = await chromium.launch({ executablePath: browserPath!, args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(e.message));
      const requests: string[] = [];
      page.on('request', (r) => {
        if (!r.url().startsWith('file:') && !r.url().startsWith('about:') && !r.url().startsWith('data:')) requests.push(r.url());
      });
      await page.goto(pathToFileURL(join(out, 'index.html')).href);
      expect(await page.locator('#verdicts td.violated').count()).toBeGreaterThan(0);
      expect(await page.locator('section.counterexample').count()).toBe(found);
      const heatmap = page.frameLocator('#heatmap');
      expect(await heatmap.locator('svg, table').count()).toBeGreaterThan(0);
      mkdirSync(join(ROOT, 'reports'), { recursive: true });
      await page.screenshot({ path: join(ROOT, 'reports/index.png'), fullPage: true });
      await page.locator('#heatmap').screenshot({ path: join(ROOT, 'reports/index-heatmap.png') });
      expect(errors).toEqual([]);
      expect(requests).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
