// Continuous calibration in a real browser (issue #19): `author` uploads the monitoring test bundle
// hvar-99 (a 1 BTC long under a 99% one-day historical VaR, 250-day window) on the shipped BTC
// history, `approver` approves it, the monitoring sweep runs; the Monitoring page lists it, its
// page shows one traffic-light cell per stored day, the margin against the realised loss with one
// dot per breach day, and a recalibration proposal lands as a new version that needs an approver
// (the active policy is unchanged). The breach days are checked here from the stored margin and
// loss (a breach is a loss above the margin), not taken from the service's flag.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { strToU8, zipSync } from 'fflate';
import { api, apiJson, basic, BASE_URL, consoleMissing, launchBrowser, onPage, REPO_ROOT, route, screenshot, signIn, squash, tableRows, users } from './lib.mjs';

const POLICY = 'hvar-99';
const BUNDLE = join(REPO_ROOT, 'policy-admin', 'src', 'test', 'resources', 'monitoring', POLICY, '1');

const missing = await consoleMissing();
if (missing) console.log(`# monitoring tests skipped: ${missing}`);

async function until(what, probe, timeout = 120_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeout} ms`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}

describe('continuous calibration: the monitoring page and a proposal', { skip: missing || false }, () => {
  let browser;
  let monitored;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  test('author uploads hvar-99 on the shipped BTC history, approver approves, the sweep stores its days', { timeout: 240_000 }, async () => {
    const files = {};
    for (const name of readdirSync(BUNDLE)) {
      const text = readFileSync(join(BUNDLE, name), 'utf8');
      // The shipped data set of the service instead of the IT's own btc-monitor.
      files[name] = strToU8(name === 'manifest.yaml' ? text.replace(/^(\s*dataSet:\s*)btc-monitor\s*$/m, '$1btc-usd-daily') : text);
    }
    assert.match(readFileSync(join(BUNDLE, 'manifest.yaml'), 'utf8'), /^\s*dataSet:\s*btc-monitor\s*$/m, 'the bundle names its data set');
    const res = await fetch(`${BASE_URL}/api/v1/policies/${POLICY}/versions`, {
      method: 'POST',
      headers: { Authorization: basic(users.author), 'Content-Type': 'application/zip', Accept: 'application/json' },
      body: zipSync(files),
      signal: AbortSignal.timeout(90_000),
    });
    const text = await res.text();
    assert.equal(res.status, 201, `upload of ${POLICY}: ${text.slice(0, 500)}`);
    const approved = await api(`/policies/${POLICY}/versions/1/approve`, { who: users.approver, method: 'POST', body: { comment: 'monitoring browser test' } });
    assert.equal(approved.status, 200, await approved.text());
    const run = await api('/monitoring/run', { who: users.author, method: 'POST' });
    assert.ok(run.status < 300, `POST /monitoring/run: ${run.status}`);
    monitored = await until('hvar-99 monitored', async () => {
      const m = await apiJson(`/monitoring/${POLICY}`, { who: users.auditor }).catch(() => null);
      return m && m.results.length > 0 ? m : null;
    });
    assert.equal(monitored.policy, `${POLICY}@1`);
    for (const r of monitored.results) assert.equal(r.breach, r.loss > r.margin, `${r.day}: breach is loss ${r.loss} > margin ${r.margin}`);
  });

  test('the Monitoring page lists it; its page shows the traffic light, the breaches and the latest figures', { timeout: 120_000 }, async () => {
    assert.ok(monitored, 'the upload test ran');
    const days = monitored.results.length;
    const breaches = monitored.results.filter((r) => r.loss > r.margin).map((r) => r.day);
    const latest = monitored.results[days - 1];
    await onPage(browser, 'monitoring', async (page, problems) => {
      await signIn(page, users.author);
      await route(page, '#/monitoring');
      const list = page.locator('table[data-test="monitored"]');
      await list.waitFor();
      const rows = await tableRows(list);
      const row = rows.find((r) => r[0] === `${POLICY}@1`);
      assert.ok(row, `hvar-99@1 listed: ${JSON.stringify(rows)}`);
      assert.equal(row[4], latest.zone);
      await screenshot(page, 'monitoring-list');
      await list.locator('a', { hasText: `${POLICY}@1` }).click();

      await page.locator('[data-test="latest-day"]').waitFor();
      assert.equal(squash(await page.locator('[data-test="latest-day"]').innerText()), latest.day);
      assert.equal(squash(await page.locator('[data-test="latest-zone"]').innerText()), latest.zone);
      assert.equal(await page.locator('svg[data-test="zone-strip"] rect[data-day]').count(), days, 'one traffic-light cell per day');
      assert.equal(await page.locator(`svg[data-test="zone-strip"] rect[data-day="${latest.day}"]`).getAttribute('data-zone'), latest.zone);
      const dots = await page.locator('svg[data-test="margin-loss-chart"] circle[data-breach]').evaluateAll((cs) => cs.map((c) => c.getAttribute('data-breach')));
      assert.deepEqual(dots, breaches, 'one dot per day whose loss exceeded its margin');
      await screenshot(page, 'monitoring-policy');

      const active = (await apiJson('/policies/active', { who: users.auditor })).active;
      await page.locator('#propose').click();
      const proposal = page.locator('[data-test="proposal"]');
      await proposal.waitFor({ timeout: 90_000 });
      const text = squash(await proposal.innerText());
      const m = /^Proposed (hvar-99@(\d+)) /.exec(text);
      assert.ok(m, `a proposal: "${text}"`);
      const version = await apiJson(`/policies/${POLICY}/versions/${m[2]}`, { who: users.auditor });
      assert.ok(['DRAFT', 'VALIDATED'].includes(version.state), `the proposal awaits review: ${version.state}`);
      assert.equal((await apiJson('/policies/active', { who: users.auditor })).active, active, 'nothing activated');
      await screenshot(page, 'monitoring-proposal');
      assert.deepEqual(problems, []);
    });
  });
});
