/**
 * The workbench in a real browser (Debian's Chromium, driven by playwright-core): the page
 * loads an example, runs it, shows the violated Article 4 duty and its explanation, and
 * switching a reading changes the answer. CI installs chromium; elsewhere the test is skipped
 * with a message when no browser is installed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { chromium, type Page } from 'playwright-core';
import { buildServer } from '../server/server.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const haveBrowser = existsSync(CHROMIUM);
if (!haveBrowser && process.env.CI) throw new Error(`CI needs a browser at ${CHROMIUM} (apt-get install chromium)`);

/**
 * The server on a free port, a headless browser and a page 1400px wide for one test; both
 * closed afterwards. `problems` collects the page's uncaught errors; screenshots go to bench/results.
 */
async function withWorkbench(body: (address: string, page: Page, problems: string[]) => Promise<void>): Promise<void> {
  const app = buildServer();
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    mkdirSync('bench/results', { recursive: true });
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await body(address, page, problems);
  } finally {
    await browser.close();
    await app.close();
  }
}

test('the workbench runs a scenario and explains a position', { skip: haveBrowser ? false : `no browser at ${CHROMIUM}` }, () =>
  withWorkbench(async (address, page, problems) => {
    await page.goto(address);
    const row = page.locator('tr[data-id="rus-prk-2024/art4.assist/PRK-RUS"]');
    await row.waitFor({ timeout: 15000 });
    assert.equal((await row.locator('td.status').textContent())?.trim(), 'violated');
    assert.match((await page.locator('#why').textContent()) ?? '', /Kursk Oblast \(RU-KRS\) is territory of RUS under international law/);
    assert.match((await page.locator('#treaties').textContent()) ?? '', /rus-prk-2024 in-force since 2024-12-04/);
    assert.ok((await page.locator('#timeline svg circle').count()) >= 3, 'timeline marks events and status changes');
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
  withWorkbench(async (address, page, problems) => {
    await page.goto(address);
    await page.locator('tr[data-id="rus-prk-2024/art4.assist/PRK-RUS"]').waitFor({ timeout: 15000 });

    // tabs: the scenario view comes first; arrow keys move to the next tab
    assert.deepEqual(await page.locator('[role=tab]').allTextContents(), ['Scenario', 'Network', 'Compare', 'Codes', 'Commentary', 'Cascade']);
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
    for (const tab of ['scenario', 'network', 'compare', 'codes', 'commentary', 'cascade']) {
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

test('the workbench follows an attack through the alliances (cascade), with the assumptions in view', { skip: haveBrowser ? false : `no browser at ${CHROMIUM}` }, () =>
  withWorkbench(async (address, page, problems) => {
    await page.goto(`${address}/#cascade`);
    await page.locator('#cas-scenario option[value="attack-estonia-2025"]').waitFor({ state: 'attached', timeout: 15000 });
    assert.equal(await page.locator('#tab-cascade').getAttribute('aria-selected'), 'true');
    assert.equal(await page.locator('#cas-scenario').inputValue(), 'attack-estonia-2025');
    // the assumptions banner is there before anything runs, and the defaults are shown
    assert.ok(await page.locator('#cas-banner').isVisible());
    assert.match((await page.locator('#cas-banner').textContent()) ?? '', /^These probabilities are assumptions you chose, not estimates\./);
    assert.equal(await page.locator('#cas-automatic').inputValue(), '0.8');
    assert.equal((await page.locator('#cas-automatic-default').textContent())?.trim(), 'default 0.8');
    assert.equal(await page.locator('#cas-discretionary').inputValue(), '0.5');

    // every duty honoured, helping counts as fighting: the attack on Estonia draws in the DPRK (via Russia), not Japan
    for (const cls of ['automatic', 'discretionary', 'unspecified']) await page.locator(`#cas-${cls}`).fill('1');
    assert.equal(await page.locator('#cas-automatic-range').inputValue(), '1', 'the slider follows the number');
    await page.locator('#cas-runs').fill('3');
    // pressed from the page itself, to read the busy state before the (quick) answer arrives
    const busy = await page.evaluate(() => {
      const button = document.querySelector<HTMLButtonElement>('#cas-run')!;
      button.click();
      return { busy: document.querySelector('#cas-out')!.getAttribute('aria-busy'), disabled: button.disabled, label: button.textContent, status: document.querySelector('#cas-status')!.textContent };
    });
    assert.deepEqual({ ...busy, status: busy.status?.replace(/\d+ s/, 'N s') }, { busy: 'true', disabled: true, label: 'Running…', status: ' 0 of 3 runs done… N s' });

    const prk = page.locator('#cas-chart g.bar[data-state="PRK"]');
    await prk.waitFor({ timeout: 30000 });
    assert.equal(await prk.getAttribute('data-p'), '1');
    assert.match((await prk.locator('title').textContent()) ?? '', /^Democratic People's Republic of Korea \(PRK\): at war in 100% of runs; a defence duty of its fell due in 100%$/);
    assert.match((await prk.locator('text.value').textContent()) ?? '', /^100%$/);
    assert.equal(await page.locator('#cas-chart g.bar[data-state="JPN"]').count(), 0, 'Japan stays out (US–Japan Art. V: territory under Japanese administration)');
    assert.equal(await page.locator('#cas-out').getAttribute('aria-busy'), null);
    const summary = (await page.locator('#cas-summary').textContent()) ?? '';
    assert.match(summary, /^In 3 runs with these assumptions, the attack by the Russian Federation on Estonia drew in 37 states on average besides the two states already fighting, so 39 states were at war in all\./);
    assert.match(summary, /if none were, 2 states\.$/);
    assert.match((await page.locator('#cas-assumptions').textContent()) ?? '', /^These probabilities are assumptions you chose, not estimates\. This result was computed with: a due duty is honoured with probability 1 if automatic, 1 if discretionary, 1 otherwise; escalation: a state that honours its duty fights the attacker/);
    assert.match((await page.locator('#cas-bound-all').textContent()) ?? '', /39 states at war after 4 rounds/);
    assert.match((await page.locator('#cas-bound-none').textContent()) ?? '', /2 states at war.*EST, RUS/);
    // the bars are sorted, highest first, and each can be reached with the keyboard
    const ps = (await page.locator('#cas-chart g.bar').evaluateAll((gs) => gs.map((g) => Number(g.getAttribute('data-p')))));
    assert.deepEqual(ps, [...ps].sort((a, b) => b - a));
    assert.equal(await page.locator('#cas-chart g.bar[tabindex="0"]').count(), ps.length);
    assert.equal(await page.locator('#cas-histogram g.col[data-n="39"]').count(), 1);
    assert.match((await page.locator('#cas-treaties tr[data-treaty="nato-1949"]').textContent()) ?? '', /NATO|North Atlantic/);
    assert.equal(await page.locator('#cas-treaties tr[data-treaty="rus-prk-2024"]').count(), 1);
    assert.ok(await page.evaluate(noOverflow), 'no horizontal scrolling at 1400px');

    // without escalation the cascade stops at NATO: the DPRK is absent
    await page.locator('#cas-esc-none').check();
    await page.locator('#cas-run').click();
    await page.waitForFunction(() => (document.querySelector('#cas-assumptions')?.textContent ?? '').includes('nothing spreads beyond'), undefined, { timeout: 30000 });
    assert.equal(await page.locator('#cas-chart g.bar[data-state="PRK"]').count(), 0);
    assert.equal(await page.locator('#cas-chart g.bar[data-state="DEU"]').getAttribute('data-p'), '1');
    assert.match((await page.locator('#cas-summary').textContent()) ?? '', /so 32 states were at war in all/);

    // the form refuses what the server would refuse, and says why
    await page.locator('#cas-runs').fill('5000');
    await page.locator('#cas-run').click();
    assert.match((await page.locator('#cas-errors').textContent()) ?? '', /Runs must be a whole number from 1 to 2000/);
    await page.locator('#cas-reset').click();
    assert.equal(await page.locator('#cas-runs').inputValue(), '200');
    assert.equal(await page.locator('#cas-automatic').inputValue(), '0.8');
    assert.ok(await page.locator('#cas-esc-attack').isChecked());

    // the editor's scenario, with a mistake: the error names the line and column
    await page.locator('#tab-scenario').click();
    await page.locator('tr[data-id="rus-prk-2024/art4.assist/PRK-RUS"]').waitFor({ timeout: 15000 });
    await page.locator('#yaml').fill('treaties: [nato-1949]\nas_of: 2025-03-15\nevents:\n  - {date: 2025-03-01, type: armed_atack, by: RUS, on: EST}\n');
    await page.locator('#tab-cascade').click();
    await page.locator('#cas-scenario').selectOption('__editor__');
    await page.locator('#cas-runs').fill('2');
    await page.locator('#cas-run').click();
    await page.waitForFunction(() => (document.querySelector('#cas-errors')?.textContent ?? '').includes('line 4, column 30'), undefined, { timeout: 15000 });
    assert.match((await page.locator('#cas-errors').textContent()) ?? '', /^In the Scenario tab’s editor: request, line 4, column 30: unknown event type 'armed_atack'/);

    // the default probabilities on the attack on Pyongyang; then 900px: stacked, nothing scrolls sideways
    await page.locator('#cas-scenario').selectOption('attack-pyongyang-2025');
    await page.locator('#cas-runs').fill('20');
    await page.locator('#cas-run').click();
    // the server streams its progress: the bar moves between 0 and the total while it runs
    await page.waitForFunction(() => {
      const bar = document.querySelector<HTMLProgressElement>('#cas-status progress');
      return bar !== null && bar.value > 0 && bar.value < bar.max;
    }, undefined, { timeout: 30000, polling: 20 });
    await page.waitForFunction(() => (document.querySelector('#cas-status')?.textContent ?? '').startsWith('Done'), undefined, { timeout: 30000 });
    assert.match((await page.locator('#cas-summary').textContent()) ?? '', /^In 20 runs with these assumptions, the attack by the United States of America on the Democratic People's Republic of Korea drew in /);
    assert.ok(await page.evaluate(noOverflow), 'no horizontal scrolling at 1400px');
    await page.screenshot({ path: 'bench/results/workbench-cascade.png', fullPage: true });
    await page.setViewportSize({ width: 900, height: 1000 });
    assert.ok(await page.evaluate(noOverflow), 'no horizontal scrolling at 900px');
    await page.screenshot({ path: 'bench/results/workbench-cascade-900.png', fullPage: true });
    assert.deepEqual(problems, []);
  }));
