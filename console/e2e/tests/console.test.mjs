// The console in a real browser (issue #13, first slice), through the DOM hooks the console
// contract names: the sign-in form #user, #password, #sign-in; tables with data-test. Every test
// here is skipped, with the reason, only when this WAR has no console (/console/ answers 404).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  api, apiJson, BASE_URL, consoleMissing, dmnTables, launchBrowser, onPage, REPO_ROOT, route, screenshot,
  signIn, squash, tableRows, users,
} from './lib.mjs';

const POLICY = 'tiered-perps';
const MARKUP = '<script>alert(1)</script>';

const missing = await consoleMissing();
if (missing) console.log(`# console tests skipped: ${missing}`);

describe('console', { skip: missing || false }, () => {
  let browser;
  before(async () => { browser = await launchBrowser(); });
  after(async () => { await browser?.close(); });

  test('every /console/ response carries the content-security policy', { timeout: 60_000 }, async () => {
    for (const path of ['/console/', '/console/index.html']) {
      const res = await fetch(`${BASE_URL}${path}`, { signal: AbortSignal.timeout(30_000) });
      await res.arrayBuffer();
      assert.equal(res.status, 200, `GET ${path}`);
      const csp = res.headers.get('content-security-policy') || '';
      for (const directive of ["default-src 'self'", "script-src 'self'", "frame-ancestors 'none'", "base-uri 'none'"]) {
        assert.ok(csp.includes(directive), `GET ${path}: Content-Security-Policy "${csp}" lacks ${directive}`);
      }
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff', `GET ${path}: X-Content-Type-Options`);
    }
  });

  test('an author signs in and sees tiered-perps with its active version', { timeout: 90_000 }, async () => {
    const active = (await apiJson('/policies/active', { who: users.author })).active; // e.g. tiered-perps@3
    assert.match(active, new RegExp(`^${POLICY}@`), `active policy ${active}`);
    const version = active.split('@')[1];
    await onPage(browser, 'console-policies', async (page, problems) => {
      await page.goto(`${BASE_URL}/console/`);
      await screenshot(page, 'console-sign-in');
      await signIn(page, users.author);
      await route(page, '#/policies');
      const table = page.locator('table[data-test="policies"]');
      await table.waitFor();
      await table.locator('td').first().waitFor();
      // Rows as their cells' texts: the active version's row names the policy, the version (a cell
      // of its own or id@version) and the state ACTIVE.
      const rows = await tableRows(table);
      const isActiveRow = (cells) => {
        const text = cells.join(' | ');
        return text.includes(POLICY) && /\bACTIVE\b/.test(text)
          && (cells.includes(version) || text.includes(`${POLICY}@${version}`));
      };
      const matching = rows.filter(isActiveRow);
      assert.equal(matching.length, 1, `one row of ${POLICY} version ${version} marked ACTIVE in ${JSON.stringify(rows)}`);
      const policyRows = rows.filter((cells) => cells.join(' ').includes(POLICY));
      assert.equal(policyRows.filter((cells) => /\bACTIVE\b/.test(cells.join(' '))).length, 1, `one ${POLICY} version is ACTIVE`);
      await screenshot(page, 'console-policies');
      assert.deepEqual(problems, []);
    });
  });

  test('the version page shows the decision tables row by row, as in the DMN file', { timeout: 90_000 }, async () => {
    const version = (await apiJson('/policies/active', { who: users.author })).active.split('@')[1];
    const tables = dmnTables(POLICY, version);
    assert.ok(tables.length > 0 && tables.every((t) => t.rules.length > 0), `decision tables in rules/${POLICY}/${version}`);
    await onPage(browser, 'console-version', async (page, problems) => {
      await signIn(page, users.author);
      await route(page, `#/policies/${POLICY}/${version}`);
      await page.locator('h1').filter({ hasText: POLICY }).waitFor();
      for (const t of tables) {
        await page.getByText(t.decision).first().waitFor().catch((e) => {
          throw new Error(`the version page does not show the decision table "${t.decision}" of ${t.file} (${t.rules.length} rules): ${e.message}`);
        });
        // The rendered table: the one showing an input entry of the first rule that no other rule has.
        const marker = t.rules[0].find((e) => t.rules.slice(1).every((r) => !r.includes(e))) ?? t.rules[0][0];
        const rendered = page.locator('table').filter({ hasText: marker }).first();
        await rendered.waitFor();
        const rows = (await tableRows(rendered)).map((cells) => cells.join(' | '));
        assert.equal(rows.length, t.rules.length, `${t.file} "${t.decision}": ${t.rules.length} rows in ${JSON.stringify(rows)}`);
        t.rules.forEach((entries, i) => {
          for (const e of entries) {
            assert.ok(rows[i].includes(e), `${t.file} "${t.decision}" row ${i + 1} shows ${e}: "${rows[i]}"`);
          }
        });
      }
      await screenshot(page, 'console-version');
      assert.deepEqual(problems, []);
    });
  });

  test('an account id with markup renders as text on the decisions page', { timeout: 120_000 }, async () => {
    const request = JSON.parse(readFileSync(join(REPO_ROOT, 'examples', 'btc-isolated-long.json'), 'utf8'));
    request.account.id = MARKUP;
    const res = await api('/decisions', { who: users.decider, method: 'POST', body: request });
    const stored = await res.text();
    assert.equal(res.status, 201, `POST /decisions as decider: ${stored.slice(0, 500)}`);

    await onPage(browser, 'console-decisions', async (page, problems) => {
      await signIn(page, users.auditor);
      await route(page, '#/decisions');
      const table = page.locator('table[data-test="decisions"]');
      await table.waitFor();
      const cell = table.locator('td', { hasText: MARKUP });
      await cell.first().waitFor().catch((e) => {
        throw new Error(`no cell of the decisions table shows the account id ${MARKUP} as text (rendered as markup?): ${e.message}`);
      });
      assert.equal(squash(await cell.first().innerText()).includes(MARKUP), true, 'the account id shows as typed');
      assert.equal(await table.locator('script').count(), 0, 'no script element inside the decisions table');
      await screenshot(page, 'console-decisions');
      assert.deepEqual(problems, [], 'no dialog (alert) and no page error');
    });
  });
});
