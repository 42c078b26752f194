import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/**
 * The browser the suite drives: CHROMIUM_PATH, else Debian's chromium, else Playwright's own
 * download. With none of them it stops with the ways to get one.
 */
export function findChromium(): string {
  const candidates = [
    { source: 'CHROMIUM_PATH', path: process.env.CHROMIUM_PATH },
    { source: 'system chromium', path: SYSTEM_CHROMIUM },
    { source: "Playwright's chromium", path: safePlaywrightPath() },
  ];
  if (process.env.CHROMIUM_PATH && !existsSync(process.env.CHROMIUM_PATH)) {
    throw new Error(`CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist.`);
  }
  const found = candidates.find((candidate) => candidate.path && existsSync(candidate.path));
  if (!found?.path) {
    throw new Error(
      'No Chromium found for the e2e suite. Install one of: Debian/Ubuntu `apt-get install -y chromium`; ' +
        'or `npx playwright install chromium`; or point CHROMIUM_PATH at a Chromium/Chrome binary.',
    );
  }
  return found.path;
}

function safePlaywrightPath(): string | undefined {
  try {
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}
