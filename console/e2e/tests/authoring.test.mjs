// Authoring in the browser (issue #17): `author` opens the newest shipped tiered-perps version,
// takes "New version from", changes a bracket's maintenance rate in the dmn-js table editor,
// introduces a gap between two brackets and sees it flagged on both rows, fixes it, declares a
// bound on a parameter in the manifest's code editor and is refused a value outside it in the
// parameter form (and the service refuses it too, storing nothing), saves, sees the new version
// VALIDATED and the changed cell in the diff against the source version. Rows, ids and values are
// read from the DMN file under rules/, never from the service. Runs first (node --test takes the
// files in name order) and activates nothing, so the other files see the shipped versions active.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { api, apiJson, consoleMissing, launchBrowser, onPage, REPO_ROOT, route, screenshot, signIn, squash, users } from './lib.mjs';

const POLICY = 'tiered-perps';
const DMN = 'brackets.dmn';

const missing = await consoleMissing();
if (missing) console.log(`# authoring tests skipped: ${missing}`);

function latestShipped() {
  const versions = readdirSync(join(REPO_ROOT, 'rules', POLICY)).filter((v) => /^\d+$/.test(v)).map(Number);
  return String(Math.max(...versions));
}

/** The DMN's first table: input and output column ids by name, and per rule its id and cell texts by column id. */
function parseTable(xml) {
  const table = /<decisionTable\b[\s\S]*?<\/decisionTable>/.exec(xml)[0];
  const inputs = [...table.matchAll(/<input\b[^>]*\bid="([^"]*)"[^>]*\blabel="([^"]*)"/g)].map((m) => ({ id: m[1], name: m[2] }));
  const outputs = [...table.matchAll(/<output\b[^>]*\bid="([^"]*)"[^>]*\bname="([^"]*)"/g)].map((m) => ({ id: m[1], name: m[2] }));
  const rules = [...table.matchAll(/<rule\b[^>]*\bid="([^"]*)"[^>]*>([\s\S]*?)<\/rule>/g)].map((r) => {
    const ins = [...r[2].matchAll(/<inputEntry\b[^>]*>\s*<text>([\s\S]*?)<\/text>/g)].map((m) => m[1].trim());
    const outs = [...r[2].matchAll(/<outputEntry\b[^>]*>\s*<text>([\s\S]*?)<\/text>/g)].map((m) => m[1].trim());
    return { id: r[1], inputs: ins, outputs: outs };
  });
  return { inputs, outputs, rules };
}

/** Sets a dmn-js cell's text: click it (its FEEL editor opens), select all, type, leave the cell. */
async function editCell(page, rowId, colId, text) {
  const cell = page.locator(`[data-test="table-editor"] td[data-row-id="${rowId}"][data-col-id="${colId}"]`);
  await cell.click();
  const editor = cell.locator('.cm-content');
  await editor.waitFor();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.insertText(text);
  await page.locator('h1').click();
  await page.waitForFunction(
    ([sel, want]) => document.querySelector(sel)?.textContent?.trim() === want,
    [`[data-test="table-editor"] td[data-row-id="${rowId}"][data-col-id="${colId}"]`, text],
  );
}

/** The table findings once the analysis of the current table has answered. */
async function findings(page) {
  await page.locator('[data-test="table-findings"] [data-test="table-finding"], [data-test="table-findings"] [data-test="table-clean"]').first().waitFor();
  return page.locator('[data-test="table-finding"]').evaluateAll((els) =>
    els.map((e) => ({ kind: e.dataset.kind, error: e.dataset.error === 'true', rows: e.dataset.rows, text: e.textContent })));
}

describe('authoring: new version from, table editor, gap on the rows, parameter bounds, save, diff', { skip: missing || false }, () => {
  let browser;
  const source = latestShipped();
  const original = readFileSync(join(REPO_ROOT, 'rules', POLICY, source, DMN), 'utf8');
  const table = parseTable(original);
  const rate = table.outputs.find((c) => c.name === 'maintenanceMarginRate');
  const notional = table.inputs.find((c) => /notional/.test(c.name));
  // Bracket 5 (its rate is not among the bundle's scenarios, which check brackets 2 to 4), and the
  // bracket after it, whose lower bound opens the gap.
  const changedRow = 5;
  const ruleA = table.rules[changedRow - 1];
  const ruleB = table.rules[changedRow];
  const oldRate = ruleA.outputs[table.outputs.indexOf(rate)];
  const newRate = String(Number(oldRate) + 0.005);
  const intervalB = ruleB.inputs[table.inputs.indexOf(notional)];
  let next;

  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  test('the service refuses a manifest value outside its declared bound and stores nothing', { timeout: 60_000 }, async () => {
    const before = (await apiJson(`/policies/${POLICY}/versions`, { who: users.author })).map((v) => v.version);
    const draft = await apiJson(`/authoring/policies/${POLICY}/versions/${source}/new-version`, { who: users.author });
    next = draft.version;
    assert.equal(Number(next), Math.max(...before.map(Number)) + 1, 'the next version number');
    assert.match(draft.files['manifest.yaml'], new RegExp(`^version: "${next}"$`, 'm'));
    const files = { ...draft.files };
    files['manifest.yaml'] = files['manifest.yaml'].replace(/^ {2}marginCallRatio: 0\.8$/m, '  marginCallRatio: 1.5')
      + 'bounds:\n  marginCallRatio: {min: 0.5, max: 1}\n';
    const check = await apiJson(`/authoring/policies/${POLICY}/check`, { who: users.author, method: 'POST', body: { files } });
    assert.equal(check.passed, false);
    assert.ok(check.problems.some((p) => p.file === 'manifest.yaml' && p.line > 0 && /marginCallRatio = 1\.5 is above its max 1/.test(p.message)),
      `a manifest.yaml:line problem naming the bound in ${JSON.stringify(check.problems)}`);
    const res = await api(`/authoring/policies/${POLICY}/drafts`, { who: users.author, method: 'POST', body: { files } });
    const body = await res.json();
    assert.equal(res.status, 400, JSON.stringify(body));
    assert.ok(body.problems.some((p) => /^manifest\.yaml:\d+: .*above its max 1/.test(p)), JSON.stringify(body.problems));
    const afterList = (await apiJson(`/policies/${POLICY}/versions`, { who: users.author })).map((v) => v.version);
    assert.deepEqual(afterList, before, 'nothing stored');
  });

  test('author edits version N+1 in the browser: rate changed, gap flagged and fixed, bound refused, saved VALIDATED, diff shows the cell', { timeout: 180_000 }, async () => {
    assert.ok(rate && notional && ruleA && ruleB, 'columns and rows in the shipped DMN');
    await onPage(browser, 'authoring', async (page, problems) => {
      await signIn(page, users.author);
      await route(page, `#/policies/${POLICY}/${source}`);
      await page.locator('#new-version').click();
      await page.locator('h1').filter({ hasText: `${POLICY} version ${next}` }).waitFor({ timeout: 60_000 });
      await page.locator(`[data-test="table-editor"] td[data-row-id="${ruleA.id}"]`).first().waitFor({ timeout: 60_000 });
      const initial = await findings(page);
      assert.deepEqual(initial.filter((f) => f.error), [], `no table error in the copy: ${JSON.stringify(initial)}`);

      // A bracket's maintenance rate.
      await editCell(page, ruleA.id, rate.id, newRate);

      // A gap: the next bracket starts higher than this one ends.
      const m = /^\[(\d+)\.\.(\d+)\)$/.exec(intervalB);
      assert.ok(m, `bracket ${changedRow + 1} notional ${intervalB} is [a..b)`);
      const gapped = `[${Number(m[1]) + 5_000_000}..${m[2]})`;
      await editCell(page, ruleB.id, notional.id, gapped);
      const gap = page.locator('[data-test="table-finding"][data-kind="GAP"][data-error="true"]');
      await gap.waitFor({ timeout: 60_000 });
      assert.equal(await gap.getAttribute('data-rows'), `${changedRow},${changedRow + 1}`, 'the gap is on the two brackets around it');
      assert.match(squash(await gap.innerText()), new RegExp(`^Error on rows ${changedRow}, ${changedRow + 1}: .*gap between rows`));
      for (const id of [ruleA.id, ruleB.id]) {
        const index = page.locator(`[data-test="table-editor"] td.rule-index[data-row-id="${id}"]`);
        await page.waitForFunction((sel) => document.querySelector(sel)?.classList.contains('analysis-error'), `[data-test="table-editor"] td.rule-index[data-row-id="${id}"]`);
        assert.match(await index.getAttribute('title'), /gap between rows/);
      }
      await screenshot(page, 'authoring-gap');

      // Fixed: the bracket starts where the previous one ends again.
      await editCell(page, ruleB.id, notional.id, intervalB);
      await page.locator('[data-test="table-finding"][data-kind="GAP"][data-error="true"]').waitFor({ state: 'detached', timeout: 60_000 });
      await page.locator('[data-test="table-findings"][aria-busy="false"]').waitFor({ timeout: 60_000 });
      assert.deepEqual((await findings(page)).filter((f) => f.error), [], 'no table error after the fix');
      assert.equal(await page.locator('[data-test="table-editor"] .analysis-error').count(), 0, 'no row marked after the fix');

      // A bound declared in the manifest's code editor, then a value outside it refused in the form.
      const manifest = page.locator('[data-test="code-editor"][data-file="manifest.yaml"] .cm-content');
      await manifest.click();
      await page.keyboard.press('ControlOrMeta+End');
      await page.keyboard.insertText('bounds:\n  # Desk bound: a margin call comes before liquidation (liquidationMarginRatio 1).\n  marginCallRatio: {min: 0.5, max: 1}\n');
      const row = page.locator('[data-test="parameter-form"] tr[data-parameter="marginCallRatio"]');
      await page.waitForFunction(() => document.querySelector('[data-test="parameter-form"] tr[data-parameter="marginCallRatio"] [data-test="bound"]')?.textContent === 'min 0.5, max 1');
      assert.equal(squash(await row.locator('[data-test="citation"]').innerText()), 'Desk bound: a margin call comes before liquidation (liquidationMarginRatio 1).');
      const input = row.locator('input');
      await input.fill('1.5');
      await input.press('Tab');
      const refused = row.locator('[data-test="parameter-refused"]');
      await refused.waitFor();
      assert.equal(squash(await refused.innerText()), 'Refused: marginCallRatio 1.5 is above its max 1. The manifest keeps 0.8.');
      assert.equal(await input.getAttribute('aria-invalid'), 'true');
      assert.match(await manifest.innerText(), /^ {2}marginCallRatio: 0\.8$/m, 'the manifest text keeps 0.8');
      await screenshot(page, 'authoring-bounds');

      // A DRL mistake: Check shows the service's file:line problem at its line in the code editor; undone.
      const drl = page.locator('[data-test="code-editor"][data-file="margin.drl"] .cm-content');
      await drl.click();
      await page.keyboard.press('ControlOrMeta+End');
      await page.keyboard.insertText('\nrule "unfinished"\nwhen\n  PositionFact( notional > \nthen\nend\n');
      await page.locator('#author-check').click();
      const checked = page.locator('[data-test="check-result"]');
      await checked.waitFor({ timeout: 120_000 });
      assert.match(squash(await checked.locator('strong').innerText()), /^Check failed: \d+ problem\(s\); saving would give a DRAFT\.$/);
      const drlProblem = page.locator('[data-test="code-problems"][data-file="margin.drl"] [data-test="code-problem"]').first();
      await drlProblem.waitFor();
      assert.ok(Number(await drlProblem.getAttribute('data-line')) > 0, 'the problem names its line');
      assert.ok(await page.locator('[data-test="code-editor"][data-file="margin.drl"] .cm-lint-marker-error').count() > 0, 'a lint marker in the gutter');
      await screenshot(page, 'authoring-drl-problem');
      await drl.click();
      await page.keyboard.press('ControlOrMeta+z');
      // (CodeMirror draws the lines in view only: the end of the file, where the rule was, is in view.)
      await page.waitForFunction(() => !document.querySelector('[data-test="code-editor"][data-file="margin.drl"] .cm-content')?.textContent?.includes('unfinished'));

      // Save: a new version through the upload's validation.
      await page.locator('#author-save').click();
      const result = page.locator('[data-test="save-result"]');
      await result.waitFor({ timeout: 120_000 });
      assert.equal(await result.getAttribute('data-state'), 'VALIDATED', squash(await result.innerText()));
      assert.equal(squash(await result.locator('strong').first().innerText()), `${POLICY}@${next} saved: VALIDATED`);
      await screenshot(page, 'authoring-saved');

      // The changes summary: the diff against the source version shows the changed cell.
      await page.locator('#author-diff').click();
      const rows = page.locator(`table[data-test="diff-rows"][data-table]`);
      await rows.first().waitFor({ timeout: 60_000 });
      const changed = page.locator(`table[data-test="diff-rows"] tr[data-row="${changedRow}"] li.changed[data-column="${rate.name}"]`);
      assert.equal(squash(await changed.innerText()), `${rate.name} ${oldRate} → ${newRate}`);
      const changedRows = await page.locator('table[data-test="diff-rows"] tr[data-row]').evaluateAll((trs) => trs.map((tr) => tr.dataset.row));
      assert.deepEqual(changedRows, [String(changedRow)], 'only the edited row differs');
      await screenshot(page, 'authoring-diff');
      assert.deepEqual(problems, [], 'no page error or dialog');
    });

    // Stored: the new version's DMN has the new rate and the file's leading comment; the source is unchanged.
    const v = await apiJson(`/policies/${POLICY}/versions/${next}`, { who: users.author });
    assert.equal(v.state, 'VALIDATED');
    assert.equal(v.author, 'author');
    const res = await api(`/policies/${POLICY}/versions/${next}/files/${DMN}`, { who: users.author, headers: { Accept: 'text/plain' } });
    const saved = await res.text();
    const savedTable = parseTable(saved);
    assert.equal(savedTable.rules[changedRow - 1].outputs[savedTable.outputs.findIndex((c) => c.name === rate.name)], newRate);
    assert.equal(savedTable.rules.length, table.rules.length);
    assert.ok(saved.includes(original.slice(original.indexOf('<!--'), original.indexOf('-->') + 3)), 'the provenance comment is kept');
    const src = await api(`/policies/${POLICY}/versions/${source}/files/${DMN}`, { who: users.author, headers: { Accept: 'text/plain' } });
    assert.equal(await src.text(), original, `version ${source} is unchanged`);
    // The saved version left DRAFT: saving it again is refused and its files stay as they are.
    const again = await apiJson(`/authoring/policies/${POLICY}/versions/${source}/new-version`, { who: users.author });
    again.files['manifest.yaml'] = again.files['manifest.yaml'].replace(/^version: .*$/m, `version: "${next}"`);
    const refused = await api(`/authoring/policies/${POLICY}/drafts`, { who: users.author, method: 'POST', body: { files: again.files } });
    assert.equal(refused.status, 409, await refused.text());
    const still = await api(`/policies/${POLICY}/versions/${next}/files/${DMN}`, { who: users.author, headers: { Accept: 'text/plain' } });
    assert.equal(await still.text(), saved, `version ${next}'s DMN unchanged`);
  });
});
