/**
 * The analyst's web app in a real browser (Debian's Chromium driven by playwright-core) against
 * the built server on a fresh database with the demo corpus: log in with the one-time password
 * and change it, search, open an incident, review a field and see the review persist after a
 * reload, acknowledge an alert, open a chain, read a document, log out. Every page is
 * screenshotted into a folder under /tmp (VIGIL_SHOTS, default /tmp/vigil-web-shots) for a person
 * to look at, and the time to interactive of the dashboard and the incidents page is measured and
 * printed (reported, not asserted). The page's Content Security Policy is the server's; any
 * violation or console error fails the test.
 *
 * Skips, saying why, when /usr/bin/chromium is missing (`apt-get install -y chromium`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** The few DOM names used by the functions that run in the page (this file compiles without the DOM library). */
interface PageElement {
  textContent: string | null;
}
interface PolicyViolation {
  violatedDirective: string;
  blockedURI: string;
  sourceFile: string;
  lineNumber: number;
}
declare const document: {
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): Iterable<PageElement>;
  addEventListener(type: 'securitypolicyviolation', listener: (e: PolicyViolation) => void): void;
};

const CHROMIUM = '/usr/bin/chromium';
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(ROOT, 'dist/cli/main.js');
const WEB = join(ROOT, 'web/dist/index.html');
const SHOTS = process.env.VIGIL_SHOTS ?? '/tmp/vigil-web-shots';
const NEW_PASSWORD = 'correct horse battery staple 42';
const hasChromium = existsSync(CHROMIUM);

if (!hasChromium)
  console.warn(
    `browser tests skipped: ${CHROMIUM} is missing (apt-get update && apt-get install -y chromium)`,
  );

/** A TCP port nobody listens on now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** The one-time password in what `vigil serve` printed on first start (`…with the one-time password X`). */
function oneTimePassword(output: string): string | undefined {
  return /one-time password:?\s+(\S+)/i.exec(output)?.[1];
}

interface Server {
  child: ChildProcess;
  url: string;
  stderr: () => string;
}

/** Start `vigil serve` on a fresh database and wait until it answers and printed the admin's password. */
async function startServer(dir: string): Promise<Server> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [CLI, 'serve', '--db', join(dir, 'vigil.db'), '--port', String(port)],
    {
      cwd: dir,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 170_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`vigil serve exited with ${child.exitCode}:\n${err}\n${out}`);
    try {
      const health = await fetch(`${url}/api/health`);
      if (health.ok && oneTimePassword(err + out)) return { child, url, stderr: () => err + out };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill('SIGTERM');
  throw new Error(`vigil serve did not start within 170 s:\n${err}\n${out}`);
}

describe.skipIf(!hasChromium)('web app in Chromium', () => {
  let dir: string;
  let server: Server;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const problems: string[] = [];
  const timings: Record<string, number[]> = {};
  const shots: string[] = [];

  async function shot(name: string): Promise<void> {
    // Let lazy chunks, fonts and the graph settle before the picture.
    await page.waitForLoadState('networkidle').catch(() => undefined);
    const path = join(SHOTS, `${String(shots.length + 1).padStart(2, '0')}-${name}.png`);
    await page.screenshot({ path, fullPage: true });
    shots.push(path);
  }

  /** Load `path` afresh and return the ms from navigation start until `ready` holds (time to interactive). */
  async function timeToInteractive(path: string, ready: string): Promise<number> {
    await page.goto(`${server.url}${path}`, { waitUntil: 'commit' });
    const handle = await page.waitForFunction(
      (selector) => (document.querySelector(selector) ? performance.now() : false),
      ready,
      { timeout: 30_000, polling: 'raf' },
    );
    return Number(await handle.jsonValue());
  }

  beforeAll(async () => {
    if (!existsSync(CLI) || !existsSync(WEB))
      throw new Error('build first: npm run build (dist/cli/main.js and web/dist/index.html are needed)');
    rmSync(SHOTS, { recursive: true, force: true });
    mkdirSync(SHOTS, { recursive: true });
    dir = mkdtempSync(join(tmpdir(), 'vigil-web-'));
    server = await startServer(dir);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox'] });
    context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-GB' });
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) =>
        console.error(
          `CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`,
        ),
      );
    });
    page = await context.newPage();
    page.on('console', (m) => {
      // A 401 is how the app learns that nobody is signed in (and a wrong password is one too).
      if (m.type() === 'error' && !/Failed to load resource: .*status of 401/.test(m.text()))
        problems.push(`console: ${m.text()} at ${page.url()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message} at ${page.url()}`));
  }, 200_000);

  afterAll(async () => {
    await browser?.close();
    if (server?.child && server.child.exitCode === null) {
      server.child.kill('SIGTERM');
      await new Promise((r) => server.child.once('exit', r));
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
    const report = Object.fromEntries(
      Object.entries(timings).map(([k, v]) => [
        k,
        { runs: v.map(Math.round), medianMs: Math.round(median(v)) },
      ]),
    );
    if (shots.length > 0) {
      writeFileSync(join(SHOTS, 'timings.json'), JSON.stringify(report, null, 2));
      console.log(`screenshots in ${SHOTS}:\n  ${shots.join('\n  ')}`);
      console.log('time to interactive (navigation start → data on screen), ms:', JSON.stringify(report));
    }
  });

  it('walks through login, search, incident review, alerts, chains and documents', async () => {
    const { url } = server;
    const password = oneTimePassword(server.stderr())!;

    // Strangers land on the login page.
    await page.goto(`${url}/incidents`);
    await page.waitForURL(/\/login/);
    await expect(page.getByRole('heading', { name: 'Sign in' }).isVisible()).resolves.toBe(true);
    await page.getByLabel('Username').fill('admin');
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toMatch(/wrong username or password/i);
    await shot('login-error');

    // First login: the one-time password must be changed.
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    await shot('change-password');
    await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('New password again').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: /set password/i }).click();
    await page.waitForURL(/\/incidents$/);
    await page.locator('[data-ready="incidents"]').waitFor();
    const header = (await page.locator('header.app-header').textContent()) ?? '';
    expect(header).toContain('admin');
    expect(header).toContain('(admin)');
    expect(header).toMatch(/TLP:RED/);

    // Dashboard and incidents: time to interactive, three fresh loads each.
    for (let run = 0; run < 3; run++) {
      (timings.dashboard ??= []).push(await timeToInteractive('/', '[data-ready="dashboard"]'));
      (timings.incidents ??= []).push(
        await timeToInteractive(
          '/incidents',
          '[data-ready="incidents"] .map-point, [data-ready="incidents"] .status-empty',
        ),
      );
    }
    await page.goto(`${url}/`);
    await page.locator('[data-ready="dashboard"]').waitFor();
    expect(await page.locator('.dash-weekly svg.chart rect.bar').count()).toBeGreaterThan(0);
    await shot('dashboard');

    await page.goto(`${url}/incidents`);
    await page.locator('[data-ready="incidents"] .map-point').first().waitFor();
    const rows = await page.locator('table.incidents-table tbody tr').count();
    expect(rows).toBeGreaterThan(5);
    expect(await page.locator('.timeline-point').count()).toBeGreaterThan(5);
    await shot('incidents');

    // Export: the STIX link downloads a bundle of what this reader may see.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'STIX 2.1' }).click(),
    ]);
    const bundle = JSON.parse(readFileSync((await download.path())!, 'utf8')) as {
      type: string;
      objects: unknown[];
    };
    expect(bundle.type).toBe('bundle');
    expect(bundle.objects.length).toBeGreaterThan(10);

    // Filters: Afghanistan only.
    await page.getByLabel('Country (ISO code)').fill('AF');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/country=AF/);
    await page.locator('[data-ready="incidents"]').waitFor();
    await page.waitForFunction(() =>
      [...document.querySelectorAll('table.incidents-table tbody tr td:nth-child(3)')].every((td) =>
        td.textContent?.includes('Afghanistan'),
      ),
    );
    await shot('incidents-filtered');

    // Search from the header.
    await page.getByRole('searchbox', { name: 'Search documents' }).fill('car bomb');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\?q=car/);
    await page.locator('ol.hits li').first().waitFor();
    expect(await page.locator('ol.hits mark').count()).toBeGreaterThan(0);
    expect(await page.locator('.credit').first().textContent()).toMatch(/CC BY 2\.5/);
    await shot('search');

    // A document in the reader, with its annotations and the extraction beside it.
    await page.locator('ol.hits li .item-title a').first().click();
    await page.locator('[data-ready^="document:"]').waitFor();
    expect(await page.locator('.doc-text mark').count()).toBeGreaterThan(3);
    expect(await page.locator('.reader .credit').textContent()).toMatch(/Wikinews.*CC BY 2\.5/);
    await shot('document');

    // An incident with a death toll: every field, evidence, review.
    await page.goto(`${url}/incidents?country=AF`);
    await page.locator('[data-ready="incidents"]').waitFor();
    const withToll = page.locator('table.incidents-table tbody tr', {
      has: page.locator('td.num', { hasText: /^\d+$/ }),
    });
    await withToll.first().locator('td:nth-child(2) a').click();
    await page.locator('[data-ready^="incident:"]').waitFor();
    await page.locator('.evidence-doc mark.evidence').first().waitFor();
    await shot('incident');

    const killedRow = page.locator('tr[data-field="killed"]');
    await killedRow.getByRole('button', { name: /correct/i }).click();
    await killedRow.getByLabel('Corrected killed (victims)').fill('77');
    await killedRow.getByRole('button', { name: 'Save' }).click();
    await killedRow.getByText('Corrected.').waitFor();
    await page.waitForFunction(() =>
      document.querySelector('tr[data-field="killed"] td.field-value')?.textContent?.startsWith('77'),
    );
    await shot('incident-reviewed');
    await page.reload();
    await page.locator('[data-ready^="incident:"]').waitFor();
    expect(await page.locator('tr[data-field="killed"] td.field-value').textContent()).toMatch(/^77/);

    // Alerts: acknowledge the newest; it stays acknowledged after a reload.
    await page.goto(`${url}/alerts`);
    await page.locator('[data-ready="alerts"]').waitFor();
    const before = await page.locator('.alert-item').count();
    expect(before).toBeGreaterThan(0);
    await shot('alerts');
    const first = page.locator('.alert-item').first();
    const explanation = (await first.locator('.alert-explanation').textContent()) ?? '';
    await first.getByRole('button', { name: 'Acknowledge' }).click();
    await first.getByText(/acknowledged/).waitFor();
    await page.reload();
    await page.locator('[data-ready="alerts"]').waitFor();
    expect(await page.locator('.alert-item').count()).toBe(before - 1);
    await page.goto(`${url}/alerts?show=all`);
    await page.locator('[data-ready="alerts"]').waitFor();
    const acked = page.locator('.alert-item', { hasText: explanation }).first();
    expect(await acked.textContent()).toMatch(/acknowledged by admin/);
    await shot('alerts-all');

    // A retaliation chain drawn by Cytoscape.
    await page.goto(`${url}/chains`);
    await page.locator('[data-ready^="chain:"]').waitFor();
    await page.locator('.chain-graph canvas').first().waitFor();
    expect(await page.locator('ol.chain-steps > li').count()).toBeGreaterThan(1);
    await shot('chain');

    // A statement of the chain: its fields with evidence, and the incident it invokes.
    await page.locator('ol.chain-steps a[href^="/statements/"]').first().click();
    await page.locator('[data-ready^="statement:"]').waitFor();
    await page.locator('.evidence-doc mark.evidence').first().waitFor();
    await shot('statement');

    // Actors: a group page with aliases.
    await page.goto(`${url}/actors?kind=group&q=taliban`);
    await page.locator('[data-ready="actors"]').waitFor();
    await shot('actors');
    await page.getByRole('link', { name: 'Taliban', exact: true }).first().click();
    await page.locator('[data-ready^="actor:"]').waitFor();
    expect(await page.locator('.alias-list li').count()).toBeGreaterThan(0);
    await shot('actor');

    // Documents list, and an unknown address.
    await page.goto(`${url}/documents`);
    await page.locator('[data-ready="documents"]').waitFor();
    await shot('documents');

    // Log out: back to the login page, and the API refuses the old session.
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL(/\/login/);
    await page.goto(`${url}/alerts`);
    await page.waitForURL(/\/login\?next=%2Falerts/);

    expect(problems).toEqual([]);
  }, 240_000);
});
