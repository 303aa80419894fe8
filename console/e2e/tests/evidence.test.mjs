// Evidence before approval in a real browser (issue #17): `author` uploads a draft of tiered-perps
// whose bracket-1 maintenance rate is raised from 0.4% to 0.6% (one DMN cell), runs regression
// from the version page and sees the suite's hand-checked bracket-1 expectation fail (MM 120
// expected, 180 computed: 30,000 x 0.6%), runs impact over the last stored decisions (three
// posted through the API first, one of them at ratio 120 / 200 = 0.6 that the draft takes to
// 180 / 200 = 0.9, a margin call) and sees the histogram and the OK -> MARGIN_CALL transition;
// after a reload the runs are still listed; `approver` opens the version page, sees both runs with
// their age, and approves. Expected figures are derived here from the DMN cell and the requests,
// never read from the service.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { strToU8, zipSync } from 'fflate';
import {
  api, apiJson, basic, BASE_URL, consoleMissing, launchBrowser, onPage, REPO_ROOT, route, screenshot, signIn, squash,
  users,
} from './lib.mjs';

const POLICY = 'tiered-perps';
const OLD_RATE = '0.004';
const NEW_RATE = '0.006';
const RUN = Date.now();

const missing = await consoleMissing();
if (missing) console.log(`# evidence tests skipped: ${missing}`);

/** A decision request: `qty` BTC long (cross, leverage 10) bought at the mark 50,000, `wallet` USDT. */
function request(id, qty, wallet) {
  return {
    account: {
      id,
      positions: [{ instrument: 'BTCUSDT', quantity: String(qty), entryPrice: '50000', leverage: '10' }],
      collateral: [{ asset: 'USDT', amount: String(wallet) }],
    },
    market: {
      asOf: '2026-11-25T12:00:00Z',
      valuationCurrency: 'USDT',
      instruments: [{ kind: 'PERPETUAL', symbol: 'BTCUSDT', underlying: 'BTC', settlementAsset: 'USDT', contractSize: '1' }],
      prices: { BTCUSDT: { mark: '50000', index: '49990' } },
      assetPrices: { USDT: '1' },
    },
  };
}

/** Waits until the run row of `kind` on the version page is finished; returns its state. */
async function waitForRun(page, kind, timeout = 120_000) {
  const row = page.locator(`table[data-test="evidence-runs"] tr[data-kind="${kind}"]`).first();
  await row.waitFor({ timeout });
  const deadline = Date.now() + timeout;
  for (;;) {
    const state = await row.getAttribute('data-state');
    if (state === 'DONE' || state === 'FAILED' || state === 'CANCELLED') return state;
    if (Date.now() > deadline) throw new Error(`the ${kind} run is still ${state} after ${timeout} ms`);
    await page.waitForTimeout(500);
  }
}

describe('evidence before approval: regression, impact over stored decisions, the approver sees both', { skip: missing || false }, () => {
  let browser;
  let version;
  const accounts = { call: `e2e-evidence-${RUN}-call`, calm: `e2e-evidence-${RUN}-calm`, b2: `e2e-evidence-${RUN}-b2` };

  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  test('author uploads a draft with bracket 1 at 0.6% and three decisions are stored', { timeout: 120_000 }, async () => {
    const list = await apiJson('/policies', { who: users.author });
    version = String(Math.max(...list.versions.filter((v) => v.policy === POLICY).map((v) => Number(v.version))) + 1);
    const active = (await apiJson('/policies/active', { who: users.author })).active;
    assert.ok(active.startsWith(`${POLICY}@`), `the active policy is ${POLICY}: ${active}`);
    const shippedVersions = readdirSync(join(REPO_ROOT, 'rules', POLICY)).filter((v) => /^\d+$/.test(v));
    const base = shippedVersions.includes(active.split('@')[1]) ? active.split('@')[1] : String(Math.max(...shippedVersions.map(Number)));
    const dir = join(REPO_ROOT, 'rules', POLICY, base);
    const files = Object.fromEntries(readdirSync(dir).map((f) => [f, new Uint8Array(readFileSync(join(dir, f)))]));
    const manifest = readFileSync(join(dir, 'manifest.yaml'), 'utf8');
    files['manifest.yaml'] = strToU8(manifest.replace(/^version: "?\d+"?$/m, `version: "${version}"`));
    const dmn = readFileSync(join(dir, 'brackets.dmn'), 'utf8');
    const cell = new RegExp(`(<outputEntry id="bracket_1_rate"><text>)${OLD_RATE.replace('.', '\\.')}(</text>)`);
    assert.match(dmn, cell, `bracket 1's maintenance rate is ${OLD_RATE} in ${POLICY}@${base}`);
    files['brackets.dmn'] = strToU8(dmn.replace(cell, `$1${NEW_RATE}$2`));
    const res = await fetch(`${BASE_URL}/api/v1/policies/${POLICY}/versions`, {
      method: 'POST',
      headers: { Authorization: basic(users.author), 'Content-Type': 'application/zip', Accept: 'application/json' },
      body: zipSync(files),
      signal: AbortSignal.timeout(90_000),
    });
    const text = await res.text();
    assert.equal(res.status, 201, `upload of ${POLICY}@${version}: ${text.slice(0, 500)}`);

    // Decisions under the active version, through the API: 0.6 BTC = 30,000 notional (bracket 1),
    // MM 30,000 x 0.4% = 120 on a balance of 200: ratio 0.6, OK (0.9 under the draft: a margin call).
    for (const [id, qty, wallet, status] of [[accounts.call, 0.6, 200, 'OK'], [accounts.calm, 0.2, 5000, 'OK'], [accounts.b2, 2, 50000, 'OK']]) {
      const r = await api('/decisions', { who: users.decider, method: 'POST', body: request(id, qty, wallet) });
      const body = await r.text();
      assert.equal(r.status, 201, `POST /decisions for ${id}: ${body.slice(0, 400)}`);
      const posted = JSON.parse(body);
      assert.equal(posted.status ?? posted.decision?.status, status, `the stored decision of ${id}`);
    }
  });

  test('author runs regression from the page: the bracket-1 expectation fails and is shown', { timeout: 150_000 }, async () => {
    assert.ok(version, 'the upload test ran');
    await onPage(browser, 'evidence-regression', async (page, problems) => {
      await signIn(page, users.author);
      await route(page, `#/policies/${POLICY}/${version}`);
      await page.locator('section[data-test="evidence"] [data-test="evidence-none"]').waitFor();
      await page.locator('#run-regression').click();
      await page.locator('[data-test="evidence-started"]').waitFor();
      assert.equal(await waitForRun(page, 'REGRESSION'), 'DONE');
      const row = page.locator('table[data-test="evidence-runs"] tr[data-kind="REGRESSION"]').first();
      assert.equal(await row.getAttribute('data-outcome'), 'FAILED');
      await row.locator('a[data-test="evidence-link"]').click();
      const verdict = page.locator('[data-test="regression-verdict"]');
      await verdict.waitFor();
      assert.equal(await verdict.getAttribute('data-passed'), 'false');
      const failed = page.locator('table[data-test="regression-cases"] tr[data-result="failed"][data-account="b1-cross-long"][data-market="base"]');
      assert.equal(await failed.count(), 1, 'b1-cross-long in the base market failed');
      // 0.6 BTC x 50,000 = 30,000 notional; x 0.4% = 120 expected, x 0.6% = 180 computed.
      const expected = (30000 * 4) / 1000;
      const actual = (30000 * 6) / 1000;
      const messages = (await failed.locator('[data-test="expectation-failure"]').allInnerTexts()).map(squash);
      assert.ok(
        messages.some((m) => m.startsWith('maintenanceMargin') && new RegExp(`expected ${expected}\\b`).test(m) && new RegExp(`was ${actual}\\b`).test(m)),
        `a maintenanceMargin failure ${expected} -> ${actual} among ${JSON.stringify(messages)}`,
      );
      // Expectations pinned to other versions are shown as skipped, not as passed.
      assert.ok(await page.locator('table[data-test="regression-cases"] td li', { hasText: 'only for version(s)' }).count() > 0, 'skipped expectations are listed');
      assert.match(squash(await page.locator('[data-test="evidence-bundle-hash"]').innerText()), /^[0-9a-f]{64}$/);
      await page.locator('#download-junit').click();
      await page.locator('a[data-test="junit-link"]').waitFor();
      await screenshot(page, 'evidence-regression');
      assert.deepEqual(problems, []);
    });
    const jobs = await apiJson(`/evidence?policy=${POLICY}&version=${version}`, { who: users.author });
    const xml = await (await api(`/evidence/${jobs[0].id}/junit.xml`, { who: users.author, headers: { Accept: 'application/xml' } })).text();
    assert.match(xml, /<testsuite name="tiered-perps under tiered-perps@\d+" tests="\d+" failures="[1-9]\d*"/);
  });

  test('author runs impact over the stored decisions: histogram and an OK -> MARGIN_CALL transition', { timeout: 150_000 }, async () => {
    assert.ok(version, 'the upload test ran');
    // A decision of another policy is in the log too: the replay takes this policy's decisions only.
    const other = await api('/decisions?policy=collateral-health', { who: users.decider, method: 'POST',
      body: JSON.parse(readFileSync(join(REPO_ROOT, 'examples', 'aave-eth-loan.json'), 'utf8')) });
    assert.equal(other.status, 201, `a collateral-health decision: ${(await other.text()).slice(0, 300)}`);
    const own = (await apiJson(`/decisions?policy=${POLICY}&size=200`, { who: users.auditor })).total;
    await onPage(browser, 'evidence-impact', async (page, problems) => {
      await signIn(page, users.author);
      await route(page, `#/policies/${POLICY}/${version}`);
      await page.locator('#run-impact-decisions').waitFor();
      await page.locator('#impact-decisions').fill('50');
      await page.locator('#run-impact-decisions').click();
      await page.locator('[data-test="evidence-started"]').waitFor();
      assert.equal(await waitForRun(page, 'IMPACT_DECISIONS'), 'DONE');
      // A reload signs out (credentials live in memory); the run is still there after signing in.
      await page.reload();
      await signIn(page, users.author);
      await route(page, `#/policies/${POLICY}/${version}`);
      const row = page.locator('table[data-test="evidence-runs"] tr[data-kind="IMPACT_DECISIONS"]').first();
      await row.waitFor();
      assert.equal(await row.getAttribute('data-state'), 'DONE');
      const job = (await apiJson(`/evidence?policy=${POLICY}&version=${version}`, { who: users.author }))
        .find((j) => j.kind === 'IMPACT_DECISIONS');
      assert.deepEqual(Object.keys(job.dataHashes).filter((k) => k.startsWith('decisions (')),
        [`decisions (${Math.min(own, 50)}, id:requestHash)`], `only ${POLICY}'s ${own} stored decisions: ${JSON.stringify(job.dataHashes)}`);
      await row.locator('a[data-test="evidence-link"]').click();
      const matrix = page.locator('table[data-test="transition-matrix"]');
      await matrix.waitFor();
      const cell = matrix.locator('[data-from="OK"][data-to="MARGIN_CALL"]');
      assert.ok(Number(await cell.getAttribute('data-count')) >= 1, 'at least one OK -> MARGIN_CALL');
      const top = page.locator(`table[data-test="top-accounts"] tr[data-account="${accounts.call}"]`);
      assert.equal(await top.getAttribute('data-status-changed'), 'true');
      assert.match(squash(await top.innerText()), /180/, 'its new MM 0.6 x 50,000 x 0.6% = 180');
      // The explanation diff names the table's column that changed.
      assert.match(squash(await top.locator('[data-test="table-rows-changed"]').innerText()), /maintenanceMarginRate/);
      assert.equal(await page.locator(`table[data-test="top-accounts"] tr[data-account="${accounts.b2}"]`).count(), 0, 'bracket 2 did not change');
      const mm = page.locator('svg[data-test="histogram-mm"]');
      await mm.waitFor();
      assert.match(await mm.locator('[data-axis="x"]').textContent(), /^Change in maintenance margin/);
      assert.equal(await mm.locator('[data-axis="y"]').textContent(), 'Changed cells');
      const counts = (await mm.locator('rect.bar').evaluateAll((bars) => bars.map((b) => Number(b.getAttribute('data-count')))));
      const changed = Number(squash(await page.locator('dt', { hasText: /^Changed cells$/ }).locator('xpath=following-sibling::dd[1]').innerText()));
      assert.equal(counts.reduce((a, b) => a + b, 0), changed, 'every changed cell is in one bar');
      await screenshot(page, 'evidence-impact');
      assert.deepEqual(problems, []);
    });
  });

  test('approver sees both runs with their age on the version page and approves', { timeout: 120_000 }, async () => {
    assert.ok(version, 'the upload test ran');
    await onPage(browser, 'evidence-approve', async (page, problems) => {
      await signIn(page, users.approver);
      await route(page, `#/policies/${POLICY}/${version}`);
      const runs = page.locator('table[data-test="evidence-runs"]');
      await runs.waitFor();
      for (const kind of ['REGRESSION', 'IMPACT_DECISIONS']) {
        const row = runs.locator(`tr[data-kind="${kind}"]`).first();
        assert.equal(await row.getAttribute('data-state'), 'DONE', `${kind} run listed as DONE`);
        const age = row.locator('[data-test="evidence-age"]');
        assert.match(squash(await age.innerText()), /^\d+ (s|min) ago$/, `${kind}: its age`);
        assert.ok(Number(await age.getAttribute('data-seconds')) < 600, `${kind} ran minutes ago at most`);
      }
      assert.equal(await runs.locator('tr[data-kind="REGRESSION"]').first().getAttribute('data-outcome'), 'FAILED');
      await screenshot(page, 'evidence-review');
      await page.locator('#review-comment').fill('evidence checked: bracket 1 regression failure is the intended change');
      await page.locator('#approve').click();
      const done = page.locator('[data-test="action-result"]');
      await done.waitFor();
      assert.equal(squash(await done.locator('strong').first().innerText()), 'Approved.');
      assert.deepEqual(problems, []);
    });
    assert.equal((await apiJson(`/policies/${POLICY}/versions/${version}`, { who: users.author })).state, 'APPROVED');
  });
});
