// Opens a notebook in a real browser, runs all its cells through the kernel and reports what the page shows.
//
//   node run-notebook.mjs <server-url> <token> <notebook path on the server> <screenshot.png> <timeout seconds>
//
// Drives Debian's chromium (never a browser of Playwright's own) headless, with a fresh profile, through the classic
// Jupyter Notebook UI: Cell > Run All, then waits until no cell is running and the kernel is idle. Prints one JSON
// line: the counts of rendered tables, chart images (decoded, with a size), error outputs and stderr outputs, the
// prompts, and the text of any error. Called by scar.kernel.NotebookInBrowserTest, which judges the result.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [url, token, notebook, screenshot, timeoutArg] = process.argv.slice(2);
const timeoutMs = Number(timeoutArg || 600) * 1000;
const profile = mkdtempSync(join(tmpdir(), 'scar-chromium-'));
const started = Date.now();
let context;
try {
  context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const page = context.pages()[0] ?? await context.newPage();
  const consoleErrors = [];
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  await page.goto(`${url}/notebooks/${encodeURI(notebook)}?token=${token}`, { timeout: 120_000 });
  // the notebook is loaded and its kernel connected and idle
  await page.waitForFunction(() => window.Jupyter && Jupyter.notebook && Jupyter.notebook.kernel
      && Jupyter.notebook.kernel.is_connected() && document.querySelector('#kernel_indicator_icon.kernel_idle_icon'),
  null, { timeout: 180_000, polling: 250 });
  const kernelName = await page.evaluate(() => Jupyter.notebook.kernel.name);
  // Cell > Run All, as a person would
  await page.click('#celllink');
  await page.click('#run_all_cells');
  await page.waitForFunction(() => {
    const cells = Jupyter.notebook.get_cells().filter((c) => c.cell_type === 'code');
    const done = cells.every((c) => typeof c.input_prompt_number === 'number');
    return done && document.querySelectorAll('.code_cell.running').length === 0
        && document.querySelector('#kernel_indicator_icon.kernel_idle_icon');
  }, null, { timeout: timeoutMs, polling: 500 });
  // let the images finish decoding before they are counted and photographed
  await page.waitForFunction(() => [...document.querySelectorAll('.output_png img')].every((i) => i.complete),
    null, { timeout: 60_000 });
  const result = await page.evaluate(() => {
    const text = (el) => el.innerText.trim();
    const images = [...document.querySelectorAll('.output_png img')];
    return {
      codeCells: Jupyter.notebook.get_cells().filter((c) => c.cell_type === 'code').length,
      prompts: Jupyter.notebook.get_cells().filter((c) => c.cell_type === 'code').map((c) => c.input_prompt_number),
      tables: document.querySelectorAll('.output_html table').length,
      tableHeaders: [...document.querySelectorAll('.output_html table th')].map(text).slice(0, 40),
      images: images.length,
      decodedImages: images.filter((i) => i.naturalWidth > 50 && i.naturalHeight > 50).length,
      errors: [...document.querySelectorAll('.output_error')].map(text),
      stderr: [...document.querySelectorAll('.output_stderr')].map(text),
      title: document.title,
    };
  });
  // the notebook scrolls inside #site; let the page grow instead, so that the screenshot shows every cell
  await page.evaluate(() => {
    for (const el of [document.documentElement, document.body, document.querySelector('#site')]) {
      el.style.height = 'auto';
      el.style.overflow = 'visible';
    }
  });
  await page.screenshot({ path: screenshot, fullPage: true });
  console.log(JSON.stringify({ ok: true, kernelName, seconds: (Date.now() - started) / 1000, consoleErrors,
    ...result }));
} catch (e) {
  console.log(JSON.stringify({ ok: false, error: String(e && e.stack || e) }));
  process.exitCode = 1;
} finally {
  if (context) {
    await context.close();
  }
  rmSync(profile, { recursive: true, force: true });
}
