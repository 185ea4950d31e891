// Fault injection for the tests that kill commands part-way (transaction.test.ts): with
// GOV_PORTAL_CRASH_AT=N, the N-th write step of the process (a temporary file written, a rename, a
// journal line, a backup, the commit) is followed by SIGKILL, as a power cut or `kill -9` would end
// it. GOV_PORTAL_CRASH_AT=count prints the number of steps on exit instead. Unset, it costs nothing.
const at = process.env['GOV_PORTAL_CRASH_AT'];
const target = at && at !== 'count' ? Number(at) : undefined;
let steps = 0;
if (at === 'count') process.on('exit', () => process.stderr.write(`fault points: ${steps}\n`));

/** One write step done; the process dies here when it is the step the test chose. */
export function faultPoint(): void {
  if (at === undefined) return;
  steps++;
  if (steps === target) process.kill(process.pid, 'SIGKILL');
}
