// The review flow in a real browser, step by step on one service (the tests share state and
// run in order): `lead` uploads a new tiered-perps version as a zip through the Policies page (one
// decision-table cell changed), sees it VALIDATED and the changed cell in the diff; `lead` (its
// author) is refused the approval; `approver` approves and activates it; a decision posted through
// the API as `decider` is found by account, shows its figures, the matched bracket row and an
// identical replay; the audit page shows the chain intact, then names the broken link after a
// decision is edited in the database (the test WAR's TamperResource), and the edit is undone. Expected values are read from the DMN
// file under rules/, never from the service. The flow activates a version that rules/ lacks, so
// it runs after console.test.mjs (node --test runs the files one at a time, in name order), whose
// version-page test reads the active version's tables from rules/.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { strToU8, zipSync } from 'fflate';
import {
  api, apiJson, BASE_URL, consoleMissing, launchBrowser, onPage, REPO_ROOT, route, screenshot, signIn, squash,
  tableRows, users,
} from './lib.mjs';

const POLICY = 'tiered-perps';
const DMN = 'brackets.dmn';
const COLUMN = 'maxLeverage';
const ACCOUNT = `e2e-flow-${Date.now()}`;
const EXAMPLE = 'btc-isolated-long.json';

const missing = await consoleMissing();
if (missing) console.log(`# flow tests skipped: ${missing}`);

/** The newest shipped version of the policy under rules/ (numeric folder names). */
function latestShipped() {
  const versions = readdirSync(join(REPO_ROOT, 'rules', POLICY)).filter((v) => /^\d+$/.test(v)).map(Number);
  return String(Math.max(...versions));
}

/** The first decision table of a DMN text: output column names and, per rule, input and output entry texts. */
function parseTable(xml) {
  const table = /<decisionTable\b[\s\S]*?<\/decisionTable>/.exec(xml);
  assert.ok(table, 'a decisionTable in the DMN file');
  const outputs = [...table[0].matchAll(/<output\b[^>]*\bname="([^"]*)"/g)].map((m) => m[1]);
  const rules = [...table[0].matchAll(/<rule\b[\s\S]*?<\/rule>/g)].map((r) => ({
    xml: r[0],
    inputs: [...r[0].matchAll(/<inputEntry\b[^>]*>\s*<text>([\s\S]*?)<\/text>/g)].map((m) => m[1].trim()),
    outputs: [...r[0].matchAll(/<outputEntry\b[^>]*>\s*<text>([\s\S]*?)<\/text>/g)].map((m) => m[1].trim()),
  }));
  return { outputs, rules };
}

/** Whether x lies in a FEEL interval such as [250000..1000000). */
function inInterval(text, x) {
  const m = /^([[(\]])\s*([\d.]+)\s*\.\.\s*([\d.]+)\s*([\])[])$/.exec(text);
  if (!m) return false;
  const lo = Number(m[2]);
  const hi = Number(m[3]);
  return (m[1] === '[' ? x >= lo : x > lo) && (m[4] === ']' ? x <= hi : x < hi);
}

/** The figure a facts list shows for a label, as the dd's text. */
async function fact(scope, label) {
  const exact = new RegExp(`^\\s*${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
  return squash(await scope.locator('dt', { hasText: exact }).first().locator('xpath=following-sibling::dd[1]').innerText());
}

describe('review flow: upload, diff, four eyes, approve, activate, decide, replay, audit', { skip: missing || false }, () => {
  let browser;
  let work;
  const shipped = latestShipped();
  const original = readFileSync(join(REPO_ROOT, 'rules', POLICY, shipped, DMN), 'utf8');
  const table = parseTable(original);
  const col = table.outputs.indexOf(COLUMN);
  // The row changed: the last-but-one rule; its maxLeverage lowered by one (still >= 1).
  const rowNumber = table.rules.length - 1;
  const oldValue = table.rules[rowNumber - 1].outputs[col];
  const newValue = String(Number(oldValue) - 1);
  let newVersion;
  let activeBefore;
  let decisionId;
  let decisionSequence = 0;

  before(async () => {
    browser = await launchBrowser();
    work = mkdtempSync(join(tmpdir(), 'fulcrum-e2e-flow-'));
  });
  after(async () => {
    await browser?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  test('lead uploads a zip with one cell changed, sees it VALIDATED and the changed cell in the diff', { timeout: 180_000 }, async () => {
    assert.ok(col >= 0, `column ${COLUMN} in ${DMN} outputs ${table.outputs}`);
    assert.ok(Number(oldValue) >= 2, `row ${rowNumber} ${COLUMN} is ${oldValue}: can be lowered by one`);
    const list = await apiJson('/policies', { who: users.author });
    newVersion = String(Math.max(...list.versions.filter((v) => v.policy === POLICY).map((v) => Number(v.version))) + 1);
    activeBefore = (await apiJson('/policies/active', { who: users.author })).active.split('@')[1];

    // The bundle: the shipped version's files at the zip's root, the manifest's version raised and
    // one DMN cell changed.
    const shippedDir = join(REPO_ROOT, 'rules', POLICY, shipped);
    const files = Object.fromEntries(readdirSync(shippedDir).map((f) => [f, new Uint8Array(readFileSync(join(shippedDir, f)))]));
    const manifest = readFileSync(join(shippedDir, 'manifest.yaml'), 'utf8');
    const versionLine = /^version: "?\d+"?$/m;
    assert.match(manifest, versionLine, 'the manifest has a version line');
    files['manifest.yaml'] = strToU8(manifest.replace(versionLine, `version: "${newVersion}"`));
    const rule = table.rules[rowNumber - 1].xml;
    const entries = [...rule.matchAll(/<outputEntry\b[^>]*>\s*<text>[\s\S]*?<\/text>/g)].map((m) => m[0]);
    const changedRule = rule.replace(entries[col], entries[col].replace(`<text>${oldValue}</text>`, `<text>${newValue}</text>`));
    assert.notEqual(changedRule, rule, 'the cell was changed');
    files[DMN] = strToU8(original.replace(rule, changedRule));
    const zipPath = join(work, `${POLICY}-${newVersion}.zip`);
    writeFileSync(zipPath, zipSync(files));

    await onPage(browser, 'flow-upload', async (page, problems) => {
      await signIn(page, users.lead);
      await route(page, '#/policies');
      await page.locator('#upload-file').waitFor();
      await page.locator('#upload-policy').fill(POLICY);
      await page.locator('#upload-file').setInputFiles(zipPath);
      await page.locator('#upload').click();
      const result = page.locator('[data-test="upload-result"]');
      await result.waitFor({ timeout: 120_000 });
      assert.equal(squash(await result.locator('strong').first().innerText()), `${POLICY}@${newVersion} uploaded: VALIDATED`);
      const row = page.locator(`table[data-test="policies"] tr[data-ref="${POLICY}@${newVersion}"]`);
      assert.equal(await row.getAttribute('data-state'), 'VALIDATED');
      assert.equal(squash(await row.locator('td').nth(3).innerText()), 'lead', 'the author column names lead');
      await screenshot(page, 'flow-upload');

      await route(page, `#/diff/${POLICY}/${activeBefore}/${newVersion}`);
      const rows = page.locator('table[data-test="diff-rows"]');
      await rows.waitFor();
      assert.deepEqual((await tableRows(rows)).map((cells) => cells[0]), [String(rowNumber)], 'exactly one changed row');
      const changed = rows.locator(`tr[data-row="${rowNumber}"] li.changed`);
      assert.equal(await changed.count(), 1, 'one changed cell');
      assert.equal(await changed.getAttribute('data-column'), COLUMN);
      assert.equal(squash(await changed.innerText()), `${COLUMN} ${oldValue} → ${newValue}`);
      // Side by side: the new version's table marks the cell, in its row, with the new value.
      const cell = page.locator('table[data-test="diff-table"][data-side="to"] td.changed');
      assert.equal(await cell.count(), 1, 'one changed cell in the new version\'s table');
      assert.equal(await cell.getAttribute('data-column'), COLUMN);
      assert.equal(squash(await cell.innerText()), newValue);
      const oldCell = page.locator('table[data-test="diff-table"][data-side="from"] td.changed');
      assert.equal(squash(await oldCell.innerText()), oldValue);
      await screenshot(page, 'flow-diff');
      assert.deepEqual(problems, []);
    });
  });

  test('lead, its author, is refused the approval: the page says why and shows the 403', { timeout: 120_000 }, async () => {
    assert.ok(newVersion, 'the upload test ran');
    await onPage(browser, 'flow-four-eyes', async (page, problems) => {
      await signIn(page, users.lead);
      await route(page, `#/policies/${POLICY}/${newVersion}`);
      await page.locator('h1').filter({ hasText: `${POLICY} version ${newVersion}` }).waitFor();
      const why = page.locator('[data-test="four-eyes"]');
      assert.match(squash(await why.innerText()), /^Four eyes: you \(lead\) authored this version/);
      await page.locator('#review-comment').fill('approving my own version');
      await page.locator('#approve').click();
      const refused = page.locator('section[data-ref] .problem[role="alert"]');
      await refused.waitFor();
      assert.equal(squash(await refused.locator('strong').innerText()), 'Forbidden (403)', 'the service\'s 403 is shown');
      const detail = squash(await refused.locator('p').first().innerText());
      assert.match(detail, new RegExp(`^user lead uploaded ${POLICY}\\S*${newVersion} and may not review it: another approver must \\(four eyes\\)$`),
        `the service's reason: "${detail}"`);
      await screenshot(page, 'flow-four-eyes');
      assert.deepEqual(problems, []);
    });
    const v = await apiJson(`/policies/${POLICY}/versions/${newVersion}`, { who: users.author });
    assert.equal(v.state, 'VALIDATED', 'the refused approval changed nothing');
  });

  test('approver approves with a comment and activates; the Policies page shows it ACTIVE', { timeout: 150_000 }, async () => {
    assert.ok(newVersion, 'the upload test ran');
    const comment = `four eyes: checked ${COLUMN} row ${rowNumber}`;
    await onPage(browser, 'flow-approve', async (page, problems) => {
      await signIn(page, users.approver);
      await route(page, `#/policies/${POLICY}/${newVersion}`);
      await page.locator('#approve').waitFor();
      await page.locator('#review-comment').fill(comment);
      await page.locator('#approve').click();
      const done = page.locator('[data-test="action-result"]');
      await done.waitFor();
      assert.equal(squash(await done.locator('strong').first().innerText()), 'Approved.');
      assert.equal(await fact(done, 'Audit event'), `APPROVE ${POLICY}@${newVersion}`);
      assert.equal(await fact(done, 'By'), 'approver');
      assert.equal(await fact(page, 'Review comment'), comment);
      await screenshot(page, 'flow-approved');

      await page.locator('#activate-reason').fill('e2e: reviewed bracket change');
      await page.locator('#activate').click();
      await page.locator('[data-test="action-result"] strong', { hasText: 'Activated.' }).waitFor();
      assert.equal(await fact(page.locator('[data-test="action-result"]'), 'Audit event'), `ACTIVATE ${POLICY}@${newVersion}`);

      await route(page, '#/policies');
      const row = page.locator(`table[data-test="policies"] tr[data-ref="${POLICY}@${newVersion}"]`);
      await row.waitFor();
      assert.equal(await row.getAttribute('data-state'), 'ACTIVE');
      const cells = (await tableRows(page.locator('table[data-test="policies"]')))
        .find((c) => c[0] === POLICY && c[1] === newVersion);
      assert.equal(cells?.[2], 'ACTIVE active now', `the state cell of ${POLICY} ${newVersion}: ${JSON.stringify(cells)}`);
      assert.equal(await page.locator('table[data-test="policies"] tr[data-state="ACTIVE"]').count(), 1, 'one ACTIVE version');
      await screenshot(page, 'flow-policies-active');
      assert.deepEqual(problems, []);
    });
    assert.equal((await apiJson('/policies/active', { who: users.author })).active, `${POLICY}@${newVersion}`);
  });

  test('a decision posted as decider is found by account with its figures, matched row and identical replay', { timeout: 150_000 }, async () => {
    assert.ok(newVersion, 'the upload test ran');
    const request = JSON.parse(readFileSync(join(REPO_ROOT, 'examples', EXAMPLE), 'utf8'));
    request.account.id = ACCOUNT;
    const res = await api('/decisions', { who: users.decider, method: 'POST', body: request });
    const text = await res.text();
    assert.equal(res.status, 201, `POST /decisions as decider: ${text.slice(0, 500)}`);
    const posted = JSON.parse(text);
    decisionId = posted.id;
    decisionSequence = Number(posted.sequence);
    // The status the API answered (the console must show the same).
    const expectedStatus = posted.status ?? posted.decision?.status;
    assert.match(String(expectedStatus), /^[A-Z_]+$/, `the decision's status in ${text.slice(0, 300)}`);
    assert.ok(decisionId, `the stored decision's id in ${text.slice(0, 300)}`);

    // Independently: the position's notional, the bracket row it falls in and its maintenance margin.
    const [position] = request.account.positions;
    const notional = Number(position.quantity) * Number(request.market.prices[position.instrument].mark);
    const hits = table.rules.map((r, i) => ({ r, n: i + 1 })).filter(({ r }) => inInterval(r.inputs[1], notional));
    assert.equal(hits.length, 1, `one bracket holds notional ${notional}`);
    const [{ r: bracket, n: matchedRow }] = hits;
    const rate = Number(bracket.outputs[table.outputs.indexOf('maintenanceMarginRate')]);
    const amount = Number(bracket.outputs[table.outputs.indexOf('maintenanceAmount')]);
    const maintenance = notional * rate - amount;

    await onPage(browser, 'flow-decision', async (page, problems) => {
      await signIn(page, users.auditor);
      await route(page, '#/decisions');
      await page.locator('#filter-account').fill(ACCOUNT);
      await page.locator('#search').click();
      // The search result: one decision, this run's (the unfiltered list shows others too).
      await page.locator('[data-test="page-info"]', { hasText: /· 1 decisions$/ }).waitFor();
      const list = page.locator('table[data-test="decisions"]');
      const rows = await tableRows(list);
      assert.equal(rows.length, 1, `exactly one decision for ${ACCOUNT}: ${JSON.stringify(rows)}`);
      const [, account, status, policy, by, sequence] = rows[0];
      assert.deepEqual([account, status, policy, by, sequence], [ACCOUNT, expectedStatus, `${POLICY}@${newVersion}`, 'decider', String(decisionSequence)]);
      await screenshot(page, 'flow-decisions');
      await list.locator(`a[href="#/decisions/${encodeURIComponent(decisionId)}"]`).click();

      await page.locator('h1 .account', { hasText: ACCOUNT }).waitFor();
      assert.equal(squash(await page.locator('h1 .account').innerText()), ACCOUNT);
      assert.equal(await fact(page, 'Policy'), `${POLICY}@${newVersion}`);
      const figures = page.locator('[data-test="figures"]');
      const shown = await fact(figures, 'Maintenance margin');
      const m = /^(-?[\d.]+) USDT$/.exec(shown);
      assert.ok(m, `maintenance margin "${shown}"`);
      assert.equal(Number(m[1]), maintenance, `maintenance margin ${notional} x ${rate} - ${amount}`);

      // Bankruptcy price per position and the liquidation moves, as the API answered them; the
      // move shown as a percentage (checked here by floating point against the exact string).
      const answered = posted.decision ?? posted;
      const positionRows = await tableRows(page.locator('table[data-test="positions"]'));
      assert.equal(positionRows[0][8], answered.positions[0].bankruptcyPrice ?? '—', 'bankruptcy price column');
      const moves = answered.liquidationMoves ?? [];
      if (moves.length > 0) {
        const moveRows = await tableRows(page.locator('table[data-test="liquidation-moves"]'));
        assert.equal(moveRows.length, moves.length, 'one row per underlying');
        const shownMove = Number(moveRows[0][4].replace('%', ''));
        assert.ok(Math.abs(shownMove - Number(moves[0].liquidationMove) * 100) < 1e-9, `move ${moveRows[0][4]} vs ${moves[0].liquidationMove}`);
        assert.equal(moveRows[0][5], moves[0].priceAtLiquidation);
      }

      // The whole decision table (it replaces the step's selected rows once loaded): one row marked.
      const full = page.locator('table[data-test="decision-table"][data-decision]');
      await full.locator('tr.hit').first().waitFor();
      assert.equal(await full.count(), 1, 'one decision table in the explanation');
      assert.equal((await tableRows(full)).length, table.rules.length, 'every row of the table');
      const hit = full.locator('tr.hit');
      assert.equal(await hit.count(), 1, 'one row marked hit');
      assert.equal(await hit.getAttribute('data-row'), String(matchedRow), `the matched row is ${matchedRow}`);
      const [hitCells] = await tableRows(full).then((rows) => rows.filter((c) => c[0] === String(matchedRow)));
      assert.deepEqual(hitCells.slice(0, 1 + bracket.inputs.length + bracket.outputs.length),
        [String(matchedRow), ...bracket.inputs, ...bracket.outputs], `row ${matchedRow} as in ${DMN}`);
      await screenshot(page, 'flow-decision');

      await page.locator('#replay').click();
      const verdict = page.locator('.tool-output dt', { hasText: /^Identical$/ }).locator('xpath=following-sibling::dd[1]');
      await verdict.waitFor();
      assert.equal(squash(await verdict.innerText()), 'identical');
      assert.equal(await page.locator('[data-test="replay-differences"]').count(), 0, 'no replay differences');
      await screenshot(page, 'flow-replay');
      assert.deepEqual(problems, []);
    });
  });

  test('the audit page shows the chain intact', { timeout: 90_000 }, async () => {
    const verify = await apiJson('/audit/verify', { who: users.auditor });
    await onPage(browser, 'flow-audit', async (page, problems) => {
      await signIn(page, users.auditor);
      await route(page, '#/audit');
      const chain = page.locator('[data-test="chain"]');
      await chain.waitFor();
      assert.equal(squash(await chain.locator('strong').first().innerText()), 'The audit chain is intact.');
      assert.equal(await chain.getAttribute('class'), 'done');
      assert.equal(await fact(chain, 'First broken link'), 'none');
      // The same walk as the API's, nothing audited in between; the decision of this run is in it.
      assert.equal(await fact(chain, 'Head sequence'), String(verify.headSequence));
      assert.equal(await fact(chain, 'Records checked'), String(verify.checkedRecords));
      assert.equal(await fact(chain, 'Head hash'), verify.headHash);
      assert.ok(decisionSequence > 0 && verify.headSequence >= decisionSequence,
        `head sequence ${verify.headSequence} covers this run's decision (sequence ${decisionSequence})`);
      await screenshot(page, 'flow-audit');
      assert.deepEqual(problems, []);
    });
  });
  test('the auditor checks the decision in the signed log in the browser: columns, record, leaf, proof, checkpoint signature', { timeout: 90_000 }, async () => {
    assert.ok(decisionId, 'the decision test ran');
    // run-e2e.sh's signing key has a '+' in its base64 key: the browser must read such keys too.
    const served = (await (await api('/audit/key', { who: users.auditor, headers: { Accept: 'text/plain' } })).text()).trim();
    assert.match(served.split('+').slice(2).join('+'), /\+/, `a verifier key with '+' in its key part: ${served}`);
    await onPage(browser, 'flow-inclusion', async (page, problems) => {
      await signIn(page, users.auditor);
      await route(page, `#/decisions/${encodeURIComponent(decisionId)}`);
      await page.locator('#verify-in-log').click();
      const verdict = page.locator('[data-test="inclusion-verdict"]');
      await verdict.waitFor({ timeout: 30_000 });
      const checks = await tableRows(page.locator('table[data-test="inclusion-checks"]'));
      assert.deepEqual(checks.map((c) => [c[0], c[1]]), [
        ['Verifier key', 'ok'], ['Checkpoint signature', 'ok'], ['Stored columns', 'ok'],
        ['Audit record', 'ok'], ['Leaf', 'ok'], ['Inclusion proof', 'ok'],
      ], JSON.stringify(checks));
      assert.equal(squash(await verdict.innerText()), 'Verified in this browser: the decision is in the signed log.');
      // The root the browser folded is the checkpoint's, which the service signed: as the API serves it.
      const note = await (await api('/audit/checkpoint', { who: users.auditor, headers: { Accept: 'text/plain' } })).text();
      const rootHex = Buffer.from(note.split('\n')[2], 'base64').toString('hex');
      const treeSize = Number(note.split('\n')[1]);
      const proofRow = checks.find((c) => c[0] === 'Inclusion proof');
      if (Number(await page.locator('[data-test="checkpoint-size"]').innerText()) === treeSize) {
        assert.ok(proofRow[2].endsWith(`the checkpoint's root is ${rootHex}`), proofRow[2]);
      }
      await screenshot(page, 'flow-inclusion');
      assert.deepEqual(problems, []);
    });
  });

  test('a decision edited in the database behind the service breaks the chain: the audit page names that link', { timeout: 90_000 }, async () => {
    assert.ok(decisionId && decisionSequence > 0, 'the decision test ran');
    const stored = await apiJson(`/decisions/${encodeURIComponent(decisionId)}`, { who: users.auditor });
    const status = stored.status ?? stored.decision?.status;
    const forged = status === 'OK' ? 'LIQUIDATE' : 'OK';
    // The test WAR's TamperResource (run-e2e.sh adds it to a copy of the WAR) sets the stored
    // status directly in the database and answers the one it replaced.
    const tamper = (to) => api(`/test-support/tamper/${encodeURIComponent(decisionId)}?status=${to}`,
      { method: 'POST', headers: { Accept: '*/*' } });
    const edited = await tamper(forged);
    const replaced = (await edited.text()).trim();
    assert.equal(edited.status, 200, `tamper: ${replaced}`);
    assert.equal(replaced, status, 'the tamper endpoint replaced the stored status');
    try {
      const verify = await apiJson('/audit/verify', { who: users.auditor });
      assert.equal(verify.intact, false, `the service's own check: ${JSON.stringify(verify)}`);
      assert.equal(verify.firstBroken.sequence, decisionSequence, 'the broken link is the edited decision');
      await onPage(browser, 'flow-audit-broken', async (page, problems) => {
        await signIn(page, users.auditor);
        await route(page, '#/audit');
        const chain = page.locator('[data-test="chain"]');
        await chain.waitFor();
        const broken = chain.locator('[data-test="first-broken"]');
        await broken.waitFor();
        const text = squash(await broken.innerText());
        assert.ok(text.startsWith(`sequence ${decisionSequence}, ${verify.firstBroken.kind}`), `first broken link: "${text}"`);
        if (verify.firstBroken.subjectId) {
          assert.ok(text.includes(verify.firstBroken.subjectId), `names ${verify.firstBroken.subjectId}: "${text}"`);
        }
        assert.ok(text.endsWith(`: ${squash(verify.firstBroken.problem)}`), `the problem as the API states it: "${text}"`);
        assert.notEqual(squash(await chain.locator('strong').first().innerText()), 'The audit chain is intact.');
        await screenshot(page, 'flow-audit-broken');
        assert.deepEqual(problems, []);
      });
      // The browser's own check of that decision fails at its stored columns (the forged status).
      await onPage(browser, 'flow-inclusion-broken', async (page, problems) => {
        await signIn(page, users.auditor);
        await route(page, `#/audit?verify=${encodeURIComponent(decisionId)}`);
        const verdict = page.locator('[data-test="inclusion-verdict"]');
        await verdict.waitFor({ timeout: 30_000 });
        assert.equal(squash(await verdict.innerText()), 'Not verified: see the failed check.');
        const checks = await tableRows(page.locator('table[data-test="inclusion-checks"]'));
        assert.deepEqual(checks.filter((c) => c[1] !== 'ok').map((c) => c[0]), ['Stored columns'], JSON.stringify(checks));
        await screenshot(page, 'flow-inclusion-broken');
        assert.deepEqual(problems, []);
      });
    } finally {
      // Undo, so later tests see an intact chain again.
      const undone = await tamper(status);
      assert.equal(undone.status, 200, `undo: ${await undone.text()}`);
    }
    assert.equal((await apiJson('/audit/verify', { who: users.auditor })).intact, true, 'intact again after the undo');
  });
});
