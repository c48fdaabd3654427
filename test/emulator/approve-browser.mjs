#!/usr/bin/env node
/**
 * A scripted person with a browser, for BROWSER=path/to/approve-browser.mjs: opens the URL
 * given as the first argument (the emulator's /device or /authorize page), finds the approval
 * form and clicks "Allow" (or "Deny" when EMULATOR_BROWSER_ACTION=deny), following redirects
 * as a browser would (so a PKCE client's loopback callback receives the code).
 *
 * It prints nothing on success and, on failure, only a path and a status: URLs carry codes.
 */

import { click } from './browser-click.mjs';

const url = process.argv[2];
const label = process.env.EMULATOR_BROWSER_ACTION === 'deny' ? 'Deny' : 'Allow';
if (!url) {
  process.stderr.write('usage: approve-browser.mjs URL\n');
  process.exit(2);
}
try {
  await click(url, label);
  process.exit(0);
} catch (error) {
  process.stderr.write(`approve-browser: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
