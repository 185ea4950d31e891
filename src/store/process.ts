// Whether a process of this machine still runs: what the content lock and the recovery of a killed
// command's leftovers both decide by.

/** False only when no process has the id (a process of another user still counts as running). */
export function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}
