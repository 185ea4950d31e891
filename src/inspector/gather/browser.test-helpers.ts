// Run as a child process by browser.test.ts: find and launch Chromium once, print "ok <source>" or the error.
import { findChromium, launchChromium } from './browser.ts';

try {
  const found = await findChromium();
  if (!found) throw new Error('no Chromium');
  const running = await launchChromium(found);
  await running.close();
  process.stdout.write(`ok ${found.source}\n`);
} catch (e) {
  process.stdout.write(`${(e as Error).message.split('\n')[0]}\n`);
}
