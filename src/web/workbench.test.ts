/**
 * The workbench in a real browser (Debian's Chromium, driven by playwright-core): the page
 * loads an example, runs it, shows the violated Article 4 duty and its explanation, and
 * switching a reading changes the answer. CI installs chromium; elsewhere the test is skipped
 * with a message when no browser is installed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { buildServer } from '../server/server.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const haveBrowser = existsSync(CHROMIUM);
if (!haveBrowser && process.env.CI) throw new Error(`CI needs a browser at ${CHROMIUM} (apt-get install chromium)`);

/** The server on a free port and a headless browser for one test; both closed afterwards. */
async function withWorkbench(body: (address: string, browser: Browser) => Promise<void>): Promise<void> {
  const app = buildServer();
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    await body(address, browser);
  } finally {
    await browser.close();
    await app.close();
  }
}

test('the workbench runs a scenario and explains a position', { skip: haveBrowser ? false : `no browser at ${CHROMIUM}` }, () =>
  withWorkbench(async (address, browser) => {
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
  }));

// a short text written for this test (not taken from any article)
const ARTICLE = [
  'Moscow and Pyongyang agree a new pact',
  '',
  'The agreement signed on Wednesday will take effect next year, officials said.',
  '"Nobody should feel threatened by this," said Dmitry Peskov, the Kremlin spokesman.',
  'Article 4 obliges each side to send military help at once if the other is attacked.',
  'Others argued the mutual defence clause only applies in a formal state of war.',
  '',
  'The mutual defence clause only applies in a formal state of war.',
  '',
].join('\n');

const noOverflow = () => document.documentElement.scrollWidth <= window.innerWidth;

test('the workbench shows the network, a comparison, the codes and an article read against the treaty', { skip: haveBrowser ? false : `no browser at ${CHROMIUM}` }, () =>
  withWorkbench(async (address, browser) => {
    mkdirSync('bench/results', { recursive: true });
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(address);
    await page.locator('tr[data-id="rus-prk-2024/art4.assist/PRK-RUS"]').waitFor({ timeout: 15000 });

    // tabs: the scenario view comes first; arrow keys move to the next tab
    assert.deepEqual(await page.locator('[role=tab]').allTextContents(), ['Scenario', 'Network', 'Compare', 'Codes', 'Commentary']);
    assert.equal(await page.locator('#tab-scenario').getAttribute('aria-selected'), 'true');
    await page.locator('#tab-scenario').focus();
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.locator('#tab-network').getAttribute('aria-selected'), 'true');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'tab-network');
    assert.ok(await page.locator('#view-scenario').isHidden());

    // Network: the 2025 network has a RUS–PRK defence edge, drawn and listed
    await page.locator('#net-svg svg').waitFor({ timeout: 15000 });
    assert.match((await page.locator('#net-summary').textContent()) ?? '', /^On 1 June 2025, \d+ treaties of this collection were in force/);
    assert.equal(await page.locator('#net-edges tr[data-edge="PRK-RUS defence rus-prk-2024"]').count(), 1);
    assert.ok((await page.locator('#net-svg svg path title', { hasText: 'PRK – RUS rus-prk-2024: defence' }).count()) >= 1);
    assert.match((await page.locator('#view-network ul.legend').textContent()) ?? '', /defence — must help the other party if it is attacked/);
    assert.ok(await page.evaluate(noOverflow), 'no horizontal scrolling at 1400px');
    await page.screenshot({ path: 'bench/results/workbench-network.png', fullPage: true });
    // in 1962 the Soviet treaty is there and the 2024 one is not
    await page.locator('#net-form button[data-date="1962-01-01"]').click();
    await page.waitForFunction(() => (document.querySelector('#net-summary')?.textContent ?? '').startsWith('On 1 January 1962'), undefined, { timeout: 15000 });
    assert.equal(await page.locator('#net-edges tr[data-edge="PRK-RUS defence rus-prk-2024"]').count(), 0);
    assert.equal(await page.locator('#net-treaties tr[data-treaty="sun-prk-1961"]').count(), 1);

    // Compare: the three Moscow–Pyongyang treaties; the defence row differs and is highlighted
    await page.locator('#tab-compare').click();
    const defence = page.locator('#cmp-table tr[data-section="defence"][data-field="present"]');
    await defence.waitFor({ timeout: 15000 });
    assert.deepEqual((await page.locator('#cmp-table thead th .muted').allTextContents()).map((s) => s.trim()), ['sun-prk-1961', 'rus-prk-2000', 'rus-prk-2024']);
    assert.match((await defence.getAttribute('class')) ?? '', /\bdiffers\b/);
    assert.equal(await defence.evaluate((tr) => getComputedStyle(tr.querySelector('td')!).backgroundColor), 'rgb(255, 247, 224)');
    assert.equal((await defence.locator('td').nth(1).textContent())?.trim(), 'no');
    assert.match((await page.locator('#cmp-table tr[data-section="consultation"][data-field="present"]').getAttribute('class')) ?? '', /\bsame\b/);
    // only the differences; and at most four treaties can be chosen
    await page.locator('#cmp-diff').check();
    assert.equal(await page.locator('#cmp-table tr.same').count(), 0);
    await page.locator('#cmp-pick input[value="nato-1949"]').check();
    assert.equal(await page.locator('#cmp-pick input:checked').count(), 4);
    assert.ok(await page.locator('#cmp-pick input[value="usa-jpn-1960"]').isDisabled(), 'a fifth treaty cannot be chosen');
    assert.match((await page.locator('#cmp-count').textContent()) ?? '', /^4 chosen/);
    await page.screenshot({ path: 'bench/results/workbench-compare.png', fullPage: true });

    // Codes: one treaty, then all
    await page.locator('#tab-codes').click();
    const art4 = page.locator('tr[data-code="rus-prk-2024/art4.assist:defence"]');
    await art4.waitFor({ timeout: 15000 });
    assert.match((await art4.textContent()) ?? '', /Article 4/);
    assert.match((await art4.textContent()) ?? '', /set off by: armed attack/);
    await page.locator('#codes-treaty').selectOption('all');
    await page.waitForFunction(() => document.querySelectorAll('section.codes-treaty').length >= 10, undefined, { timeout: 15000 });
    assert.equal(await page.locator('section.codes-treaty[data-treaty="nato-1949"] tr[data-code^="nato-1949/"]').first().isVisible(), true);

    // Commentary: a text dated 2024-06-20 that says the pact "will take effect next year" is marked FALSE
    await page.locator('#tab-commentary').click();
    await page.locator('#ing-text').fill(ARTICLE);
    await page.locator('#ing-date').fill('2024-06-20');
    await page.locator('#ing-run').click();
    const claim = page.locator('#ing-claims li.claim[data-line="3"]');
    await claim.waitFor({ timeout: 15000 });
    assert.match((await claim.locator('.verdict').textContent()) ?? '', /^FALSE/);
    assert.match((await claim.locator('.check').textContent()) ?? '', /entered into force on 2024-12-04/);
    assert.equal(await claim.locator('.verdict').evaluate((e) => getComputedStyle(e).color), 'rgb(192, 57, 43)');
    assert.match((await page.locator('#ing-quotes').textContent()) ?? '', /Dmitry Peskov/);
    assert.match((await page.locator('#ing-refs').textContent()) ?? '', /mutual defence clause/);
    assert.match((await page.locator('#ing-claims li.claim[data-line="6"]').textContent()) ?? '', /supports reading art4\.state-of-war/);
    // the author holds both readings (lines 5 and 8); the view of line 6 is held by 'others'
    assert.match((await page.locator('#ing-claims li.claim[data-line="6"]').textContent()) ?? '', /others \(unnamed/);
    assert.match((await page.locator('#ing-contradictions').textContent()) ?? '', /Line 5 and line 8/);
    await page.screenshot({ path: 'bench/results/workbench-commentary.png', fullPage: true });
    // an empty text is refused with a clear message
    await page.locator('#ing-text').fill('');
    await page.locator('#ing-run').click();
    await page.waitForFunction(() => (document.querySelector('#ing-errors')?.textContent ?? '').includes('empty file: nothing to ingest'), undefined, { timeout: 15000 });

    // 900px wide: the views stack and nothing scrolls sideways
    await page.setViewportSize({ width: 900, height: 1000 });
    for (const tab of ['scenario', 'network', 'compare', 'codes', 'commentary']) {
      await page.locator(`#tab-${tab}`).click();
      assert.ok(await page.evaluate(noOverflow), `no horizontal scrolling at 900px in ${tab}`);
    }
    await page.locator('#tab-network').click();
    await page.screenshot({ path: 'bench/results/workbench-network-900.png', fullPage: true });
    // a link to a view opens it
    await page.goto(`${address}/#compare`);
    await page.locator('#cmp-table').waitFor({ timeout: 15000 });
    assert.deepEqual(problems, []);
  }));
