// Run as a child process by renderer.test.ts: start a renderer, render a page (so that the browser
// has its helper processes: zygote, renderer), print the browser's pid, wait to be signalled.
import { Renderer } from './renderer.ts';

const r = await Renderer.start({ userAgent: 'GovSiteInspector/test', allowPrivate: true, pages: 1, timeoutMs: 3_000 });
await r.render('data:text/html,<p>x</p>');
process.stdout.write(`${r.pid}\n`);
setInterval(() => {}, 1_000);
