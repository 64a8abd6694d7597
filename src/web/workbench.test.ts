/**
 * The workbench in a real browser (Debian's Chromium, driven by playwright-core): the page
 * loads an example, runs it, shows the violated Article 4 duty and its explanation, and
 * switching a reading changes the answer. CI installs chromium; elsewhere the test is skipped
 * with a message when no browser is installed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { buildServer } from '../server/server.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const haveBrowser = existsSync(CHROMIUM);
if (!haveBrowser && process.env.CI) throw new Error(`CI needs a browser at ${CHROMIUM} (apt-get install chromium)`);

test('the workbench runs a scenario and explains a position', { skip: haveBrowser ? false : `no browser at ${CHROMIUM}` }, async () => {
  const app = buildServer();
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(address);
    const row = page.locator('tr[data-id="rus-prk-2024/art4.assist/PRK-RUS"]');
    await row.waitFor({ timeout: 15000 });
    assert.equal((await row.locator('td.status').textContent())?.trim(), 'violated');
    assert.match((await page.locator('#why').textContent()) ?? '', /Kursk Oblast \(RU-KRS\) is territory of RUS under international law/);
    assert.match((await page.locator('#treaties').textContent()) ?? '', /rus-prk-2024 in-force since 2024-12-04/);
    assert.ok((await page.locator('#timeline svg circle').count()) >= 3, 'timeline marks events and status changes');
    mkdirSync('bench/results', { recursive: true });
    await page.screenshot({ path: 'bench/results/workbench.png', fullPage: true });

    // choose the state-of-war reading: the same duty is no longer triggered
    await page.locator('#readings input[value="art4.state-of-war"]').check();
    await page.waitForFunction(() => document.querySelector('tr[data-id="rus-prk-2024/art4.assist/PRK-RUS"] td.status')?.textContent === 'not-triggered', undefined, { timeout: 15000 });

    // a mistake in the YAML is shown with its line and column
    await page.locator('#yaml').fill('treaties: [rus-prk-2024]\nas_of: 2025-02-01\nevents:\n  - {date: 2025-01-10, type: armed_atack, by: UKR, on: RUS}\n');
    await page.locator('#run').click();
    await page.waitForFunction(() => (document.querySelector('#errors')?.textContent ?? '').includes('line 4, column 30'), undefined, { timeout: 15000 });
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
    await app.close();
  }
});
