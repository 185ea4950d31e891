// Run as a child process by renderer.test.ts: start a renderer, print the browser's pid, wait to be signalled.
import { Renderer } from './renderer.ts';

const r = await Renderer.start({ userAgent: 'GovSiteInspector/test', allowPrivate: true, pages: 1, timeoutMs: 3_000 });
process.stdout.write(`${r.pid}\n`);
setInterval(() => {}, 1_000);
