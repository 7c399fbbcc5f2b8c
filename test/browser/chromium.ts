import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/**
 * The real-browser tests drive the system's Chromium (Debian's `chromium` package, installed by .ci/run) through
 * playwright-core: no browser download. CHROMIUM_PATH points elsewhere if needed.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_AVAILABLE = existsSync(CHROMIUM_PATH);

/** Set by `npm run test:browser`: there, a missing browser is a failure, not a note. */
export const BROWSER_REQUIRED = process.env.KAMEN_REQUIRE_BROWSER === '1';

export const MISSING_CHROMIUM_NOTE = `The real-browser test (test/browser) did not run: no Chromium at ${CHROMIUM_PATH}. Install it (Debian: apt-get install -y chromium, as .ci/run does; or set CHROMIUM_PATH) and run \`npm run test:browser\`.`;

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    // Chromium refuses to start its sandbox as root (CI containers run as root).
    args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
  });
}
