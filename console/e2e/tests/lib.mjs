// Shared set-up of the browser tests: where the service is, where screenshots go, the browser,
// and small HTTP helpers for the API (Node's fetch).
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
/** The repository's root folder (console/e2e/tests is three levels below it). */
export const REPO_ROOT = resolve(here, '..', '..', '..');

if (!process.env.BASE_URL) {
  throw new Error('BASE_URL is not set: run console/e2e/run-e2e.sh, or set BASE_URL=http://127.0.0.1:<port>');
}
/** The running service, without a trailing slash, e.g. http://127.0.0.1:8080. */
export const BASE_URL = process.env.BASE_URL.replace(/\/+$/, '');
export const SCREENSHOT_DIR = resolve(
  process.env.SCREENSHOT_DIR || join(REPO_ROOT, 'policy-admin', 'target', 'console-screenshots'));
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

/** Demo users (README, "Users and roles"): password `<name>-demo`. */
export const users = {
  decider: { user: 'decider', password: 'decider-demo' },
  auditor: { user: 'auditor', password: 'auditor-demo' },
  author: { user: 'author', password: 'author-demo' },
  approver: { user: 'approver', password: 'approver-demo' },
  lead: { user: 'lead', password: 'lead-demo' }, // author and approver: shows four eyes
};

/** Headless Chromium from the machine (never a downloaded browser). */
export async function launchBrowser() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: install it (apt-get install -y chromium chromium-driver) or set CHROMIUM`);
  }
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
}

/**
 * A new page 1280 px wide that fails the test on a JavaScript dialog (alert, confirm) or an
 * uncaught page error: both are recorded in `problems`, which the caller checks.
 */
export async function newPage(browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  const problems = [];
  page.on('dialog', async (d) => {
    problems.push(`dialog ${d.type()}: ${d.message()}`);
    await d.dismiss();
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  return { context, page, problems };
}

/** Writes a full-page screenshot `<name>.png` and returns its path, checking it is not empty. */
export async function screenshot(page, name, { fullPage = true } = {}) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage });
  if (statSync(path).size < 1000) throw new Error(`screenshot ${path} is nearly empty`);
  return path;
}

export function basic({ user, password }) {
  return 'Basic ' + Buffer.from(`${user}:${password}`, 'utf8').toString('base64');
}

/** An API call under /api/v1 as `who` (or anonymous): the response, body not read. */
export function api(path, { who, method = 'GET', body, headers = {} } = {}) {
  const h = { Accept: 'application/json', ...headers };
  if (who) h.Authorization = basic(who);
  if (body !== undefined) h['Content-Type'] = 'application/json';
  return fetch(`${BASE_URL}/api/v1${path}`, {
    method, headers: h, body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
}

/** An API call that must answer `expected`; returns the parsed JSON body. */
export async function apiJson(path, options = {}, expected = 200) {
  const res = await api(path, options);
  const text = await res.text();
  if (res.status !== expected) {
    throw new Error(`${options.method || 'GET'} /api/v1${path}: expected ${expected}, got ${res.status}: ${text.slice(0, 500)}`);
  }
  return JSON.parse(text);
}

/**
 * Why the console tests cannot run here, or null when they can: the console is not built into
 * this WAR when /console/ answers 404. Anything else but 200 is an error.
 */
export async function consoleMissing() {
  const res = await fetch(`${BASE_URL}/console/`, { signal: AbortSignal.timeout(30_000) });
  await res.arrayBuffer();
  if (res.status === 404) return 'console not built: GET /console/ answers 404 (no fulcrum-console in this WAR)';
  if (res.status !== 200) throw new Error(`GET /console/ answered ${res.status}, expected 200 (or 404 without the console)`);
  return null;
}

/** Signs in through the console's form (contract: #user, #password, #sign-in). */
export async function signIn(page, { user, password }) {
  await page.goto(`${BASE_URL}/console/#/sign-in`);
  await page.locator('#user').fill(user);
  await page.locator('#password').fill(password);
  await page.locator('#sign-in').click();
  // Signed in when the form is gone; otherwise say what the page shows (e.g. its problem box).
  await page.locator('#sign-in').waitFor({ state: 'detached' }).catch(async (e) => {
    const shown = squash(await page.locator('body').innerText()).slice(0, 300);
    throw new Error(`signing in as ${user} did not leave the sign-in form; the page shows "${shown}": ${e.message}`);
  });
}

/** Moves the console to a hash route (e.g. `#/policies`) in the same document: the sign-in stays. */
export async function route(page, hash) {
  await page.evaluate((h) => { window.location.hash = h; }, hash);
}

/** Text with runs of white space made one space, trimmed. */
export function squash(s) {
  return String(s).replace(/\s+/g, ' ').trim();
}

/**
 * The decision tables of a shipped bundle read straight from its DMN files (an account
 * independent of the service): per table its decision name and, per rule, the input entries' texts.
 */
export function dmnTables(policy, version) {
  const dir = join(REPO_ROOT, 'rules', policy, version);
  const decode = (s) => s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  const tables = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.dmn')).sort()) {
    const xml = readFileSync(join(dir, file), 'utf8');
    for (const d of xml.matchAll(/<(?:\w+:)?decision\b[^>]*\bname="([^"]*)"[^>]*>([\s\S]*?)<\/(?:\w+:)?decision>/g)) {
      const table = /<(?:\w+:)?decisionTable\b[\s\S]*?<\/(?:\w+:)?decisionTable>/.exec(d[2]);
      if (!table) continue;
      const rules = [...table[0].matchAll(/<(?:\w+:)?rule\b[\s\S]*?<\/(?:\w+:)?rule>/g)].map((r) =>
        [...r[0].matchAll(/<(?:\w+:)?inputEntry\b[\s\S]*?<(?:\w+:)?text>([\s\S]*?)<\/(?:\w+:)?text>/g)]
          .map((m) => squash(decode(m[1]))));
      tables.push({ file, decision: decode(d[1]), rules });
    }
  }
  return tables;
}

/**
 * The data rows of a rendered table (rows with at least one td; header rows of th only are left
 * out, with or without a tbody), each as its cells' texts: a cell's text nodes joined by one space
 * (a state badge and a marker next to it, `ACTIVE` `active now`, stay two words).
 */
export function tableRows(table) {
  return table.locator('tr').evaluateAll((trs) => trs
    .filter((tr) => tr.querySelector(':scope > td'))
    .map((tr) => [...tr.cells].map((cell) => {
      const parts = [];
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) parts.push(n.nodeValue);
      return parts.map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean).join(' ');
    })));
}

/**
 * Runs `body(page, problems)` on a new page and closes it; when the body fails, first writes the
 * screenshot `<name>-failed.png` of what the page showed.
 */
export async function onPage(browser, name, body) {
  const { context, page, problems } = await newPage(browser);
  try {
    await body(page, problems);
  } catch (e) {
    await screenshot(page, `${name}-failed`).catch(() => {});
    throw e;
  } finally {
    await context.close();
  }
}
