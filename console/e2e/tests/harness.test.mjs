// Checks of the harness itself, valid with or without the console: Chromium drives the running
// service and writes a screenshot, and the API refuses a wrong password.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { api, apiJson, BASE_URL, launchBrowser, newPage, screenshot, users } from './lib.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

test('Chromium opens the readiness check and the OpenAPI document, with screenshots', { timeout: 150_000 }, async () => {
  const { context, page, problems } = await newPage(browser);
  try {
    const ready = await page.goto(`${BASE_URL}/health/ready`);
    assert.equal(ready.status(), 200);
    const health = JSON.parse(await page.locator('body').innerText());
    assert.equal(health.status, 'UP', `readiness: ${JSON.stringify(health)}`);
    await screenshot(page, 'harness-health-ready');

    // The service builds its OpenAPI document on the first request: slow on a busy machine.
    const openapi = await page.goto(`${BASE_URL}/openapi`, { timeout: 120_000 });
    assert.equal(openapi.status(), 200);
    const text = await page.locator('body').innerText();
    assert.match(text, /^openapi: 3\./m, 'the OpenAPI document (YAML) starts with its version');
    assert.match(text, /\/api\/v1\/decisions:/, 'the OpenAPI document lists POST /api/v1/decisions');
    await screenshot(page, 'harness-openapi', { fullPage: false });
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('the API answers 401 to a wrong password and 200 to the right one', { timeout: 60_000 }, async () => {
  const wrong = await api('/policies', { who: { user: users.author.user, password: 'not-the-password' } });
  await wrong.arrayBuffer();
  assert.equal(wrong.status, 401, 'a wrong password is refused');

  const anonymous = await api('/policies');
  await anonymous.arrayBuffer();
  assert.equal(anonymous.status, 401, 'no credentials are refused');

  const list = await apiJson('/policies', { who: users.author });
  assert.ok(list.versions.some((v) => v.policy === 'tiered-perps'), 'the right password lists the policies');
});
