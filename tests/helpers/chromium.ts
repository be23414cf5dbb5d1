import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { oracle } from './oracles.ts';

/** Debian's chromium (`apt-get install -y chromium`; .ci/run installs it), or HLSFORGE_CHROMIUM. */
export const CHROMIUM = process.env.HLSFORGE_CHROMIUM ?? '/usr/bin/chromium';

let available: boolean | undefined;
/** Locally absent → the browser tests are skipped loudly; with CI=true absent → the test file fails. */
export const hasChromium = (): boolean => (available ??= oracle(`chromium (${CHROMIUM})`, existsSync(CHROMIUM), 'apt-get install -y chromium'));

/**
 * One headless browser with a new empty profile, nothing fetched in the background; `close` ends it and removes the
 * profile.
 */
export async function launchChromium(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'hlsforge-chromium-'));
  try {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      // chromium's own temporary files (.ses, mat-debug-*.log) go into the profile, removed with it
      env: { ...process.env, TMPDIR: profile },
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    return {
      context,
      close: async () => {
        await context.close().finally(() => rmSync(profile, { recursive: true, force: true }));
      },
    };
  } catch (e) {
    rmSync(profile, { recursive: true, force: true });
    throw e;
  }
}
