// Prints one plain closing line, "Tests: N passed, N failed, N skipped", that any CI log reader
// understands, and before it one line for each suite skipped for want of something this machine
// lacks (tests/needs.test-helpers.ts), with why.
import { relative } from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';
import { SKIPPED_MARK } from './needs.test-helpers.ts';

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    const lines: string[] = [];
    for (const m of testModules) {
      for (const t of m.children.allTests()) {
        const s = t.result().state;
        if (s === 'passed') passed++;
        else if (s === 'failed') failed++;
        else skipped++;
      }
      for (const suite of m.children.allSuites()) {
        const at = suite.name.indexOf(SKIPPED_MARK);
        if (at >= 0) lines.push(`Skipped: ${relative(process.cwd(), m.moduleId)} › ${suite.name.slice(0, at)} (${suite.name.slice(at + SKIPPED_MARK.length)})`);
      }
    }
    if (lines.length) process.stdout.write(`\n${lines.sort().join('\n')}\n`);
    process.stdout.write(`\nTests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
