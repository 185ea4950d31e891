import { describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { benchRecordsCsv, measureImport, recordImportCommand } from './record-import.ts';

describe('bench:import', () => {
  test('the spreadsheet spreads its rows over the sites in turn, each row its own target', () => {
    const rows = parse(benchRecordsCsv(['a', 'b'], 5, '2026-12-01')) as string[][];
    expect(rows[0]).toEqual(['site', 'indicator', 'target', 'points', 'inspector', 'date', 'evidence']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(['a', 'b', 'a', 'b', 'a']);
    expect(new Set(rows.slice(1).map((r) => r[2])).size).toBe(5);
  });

  test('runs the npm script’s own command line, node flags included', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-import-'));
    try {
      const pkg = join(dir, 'package.json');
      writeFileSync(pkg, JSON.stringify({ scripts: { 'record:import': 'node --optimize-for-size scripts/record-import.ts' } }));
      expect(recordImportCommand(pkg)).toEqual(['--optimize-for-size', 'scripts/record-import.ts']);
      writeFileSync(pkg, JSON.stringify({ scripts: { 'record:import': 'tsx scripts/record-import.ts' } }));
      expect(() => recordImportCommand(pkg)).toThrow('does not start with node');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('imports the rows into a copy of the demo’s draft quarter and measures the process', async () => {
    const m = await measureImport({ rows: 40 });
    expect(m.exitCode).toBe(0);
    expect(m.tail).toMatch(/→/);
    expect(m.peak).toBeGreaterThan(20 * 2 ** 20);
    expect(m.seconds).toBeGreaterThan(0);
  }, 60_000);
});
