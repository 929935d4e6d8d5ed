// Before `npm test` runs anything: what the tests need from the machine, each
// missing piece said in one line with what to do about it.
import { existsSync } from 'node:fs';
import { chromiumPath } from './browser.ts';

if (!existsSync(chromiumPath)) {
  console.error(
    `✖ The browser tests need Chromium at ${chromiumPath}: install it (Debian: apt-get install -y chromium) or set CHROMIUM_PATH.`,
  );
  process.exit(1);
}
