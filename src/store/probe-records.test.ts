import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { PROBE_COLUMNS, PROBE_COLUMNS_WITHOUT_VANTAGE, type ProbeDay } from '../schemas/probes.ts';
import { InputError } from '../errors.ts';
import { addProbe, bucketsOf, makeDay, mergeDay, mergeRecords, parseProbeCsv, probeFile, readProbeFile, recordProbes, serializeProbeCsv } from './probe-records.ts';

const HEADER = PROBE_COLUMNS.join(',');
const day = (date: string, probes: Array<[ok: boolean, ms: number]>, vantage?: string): ProbeDay => {
  let d: ProbeDay | undefined;
  for (const [ok, elapsedMs] of probes) d = addProbe(d, date, { ok, elapsedMs }, vantage);
  return d!;
};

describe('adding probes to a day', () => {
  test('a first successful probe', () => {
    expect(addProbe(undefined, '2026-11-19', { ok: true, elapsedMs: 250 })).toMatchObject({ date: '2026-11-19', tries: 1, failures: 0, p50_ms: 250, p95_ms: 250, max_ms: 250, le_300ms: 1 });
  });

  test('a failure counts as a try and leaves latency alone', () => {
    const d = addProbe(addProbe(undefined, '2026-11-19', { ok: true, elapsedMs: 250 }), '2026-11-19', { ok: false, elapsedMs: 15_000 });
    expect(d).toMatchObject({ tries: 2, failures: 1, p50_ms: 250, p95_ms: 250, max_ms: 250, le_300ms: 1 });
  });

  test('a day of failures only has no latency', () => {
    expect(day('2026-11-19', [[false, 3], [false, 15_000]])).toMatchObject({ tries: 2, failures: 2, p50_ms: undefined, p95_ms: undefined, max_ms: undefined });
  });

  test('quantiles are upper bounds read from the buckets (hand-checked)', () => {
    // 10 successes ≤ 100 ms, 9 in 300–500 ms, 1 at 2 500 ms; 1 failure.
    // p50 = rank 10 of 20 → bucket le_100ms → 100; p95 = rank 19 → bucket le_500ms → 500; max 2 500.
    const probes: Array<[boolean, number]> = [...Array(10).fill([true, 80]), ...Array(9).fill([true, 400]), [true, 2500], [false, 15_000]];
    const d = day('2026-11-19', probes);
    expect(d).toMatchObject({ tries: 21, failures: 1, p50_ms: 100, p95_ms: 500, max_ms: 2500, le_100ms: 10, le_500ms: 9, le_3000ms: 1 });
  });

  test('a quantile never exceeds the slowest probe', () => {
    expect(day('2026-11-19', [[true, 1234], [true, 1100]])).toMatchObject({ p50_ms: 1234, p95_ms: 1234, max_ms: 1234, le_1500ms: 2 });
  });

  test('bucket edges: a bound belongs to its own bucket', () => {
    expect(bucketsOf(day('2026-11-19', [[true, 0], [true, 100], [true, 101], [true, 15_000]]))).toEqual([2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
  });

  test('a "success" slower than 15 s is a caller bug', () => {
    expect(() => addProbe(undefined, '2026-11-19', { ok: true, elapsedMs: 15_001 })).toThrow(/should have counted as failed/);
  });

  test('merging two probers’ records of a day equals recording every probe in one', () => {
    const a: Array<[boolean, number]> = [[true, 80], [true, 90], [false, 15_000], [true, 700]];
    const b: Array<[boolean, number]> = [[true, 4000], [true, 120], [false, 2]];
    expect(mergeDay(day('2026-11-19', a), day('2026-11-19', b))).toEqual(day('2026-11-19', [...a, ...b]));
    expect(mergeDay(day('2026-11-19', [[false, 1]]), day('2026-11-19', b))).toEqual(day('2026-11-19', [[false, 1], ...b]));
  });

  test('merging lists of days adds up the days both have and keeps date order', () => {
    const x = [day('2026-11-18', [[true, 80]]), day('2026-11-19', [[true, 80]])];
    const y = [day('2026-11-19', [[false, 1]]), day('2026-11-17', [[true, 90]])];
    expect(mergeRecords(x, y).map((d) => [d.date, d.tries, d.failures])).toEqual([['2026-11-17', 1, 0], ['2026-11-18', 1, 0], ['2026-11-19', 2, 1]]);
  });

  test('a day from two vantages stays two records, sorted by vantage (the unnamed first), then date', () => {
    const x = [day('2026-11-19', [[true, 80]], 'city-intranet'), day('2026-11-18', [[true, 80]], 'city-intranet')];
    const y = [day('2026-11-19', [[false, 15_000]], 'github-hosted'), day('2026-11-19', [[false, 1]]), day('2026-11-19', [[false, 2]], 'city-intranet')];
    expect(mergeRecords(x, y).map((d) => [d.vantage, d.date, d.tries, d.failures])).toEqual([
      [undefined, '2026-11-19', 1, 1],
      ['city-intranet', '2026-11-18', 1, 0],
      ['city-intranet', '2026-11-19', 2, 1],
      ['github-hosted', '2026-11-19', 1, 1],
    ]);
    expect(() => mergeDay(day('2026-11-19', [[true, 80]], 'city-intranet'), day('2026-11-19', [[true, 80]], 'github-hosted'))).toThrow(
      /cannot merge the record of 2026-11-19 from city-intranet with that of 2026-11-19 from github-hosted/,
    );
    expect(() => addProbe(day('2026-11-19', [[true, 80]]), '2026-11-19', { ok: true, elapsedMs: 80 }, 'city-intranet')).toThrow(/from no named vantage/);
  });
});

describe('record files', () => {
  const a = day('2026-11-19', [[true, 80], [true, 420], [false, 15_000]]);
  const b = day('2026-11-18', [[false, 3]]);
  const inside = day('2026-11-19', [[true, 80]], 'city-intranet');
  const abroad = day('2026-11-19', [[false, 15_000], [false, 15_000]], 'github-hosted');
  const abroadEarlier = day('2026-11-18', [[true, 2500]], 'github-hosted');

  test('serialise: header, rows sorted by date, empty cells for absent latency and vantage, LF and a trailing newline', () => {
    expect(serializeProbeCsv([a, b])).toBe(
      `${HEADER}\n` +
        ',2026-11-18,1,1,,,,0,0,0,0,0,0,0,0,0,0,0,0,0\n' +
        ',2026-11-19,3,1,100,420,420,1,0,0,1,0,0,0,0,0,0,0,0,0\n',
    );
  });

  test('serialise: a day from two vantages is two rows; the unnamed vantage first, then by name, then by date', () => {
    expect(serializeProbeCsv([abroad, inside, a, abroadEarlier])).toBe(
      `${HEADER}\n` +
        ',2026-11-19,3,1,100,420,420,1,0,0,1,0,0,0,0,0,0,0,0,0\n' +
        'city-intranet,2026-11-19,1,0,80,80,80,1,0,0,0,0,0,0,0,0,0,0,0,0\n' +
        'github-hosted,2026-11-18,1,0,2500,2500,2500,0,0,0,0,0,0,0,0,1,0,0,0,0\n' +
        'github-hosted,2026-11-19,2,2,,,,0,0,0,0,0,0,0,0,0,0,0,0,0\n',
    );
  });

  test('round trip: parse(serialise(x)) is x, and serialise(parse(text)) gives the same bytes', () => {
    for (const days of [[a, b], [abroad, inside, a, abroadEarlier]]) {
      const text = serializeProbeCsv(days);
      expect(serializeProbeCsv(parseProbeCsv(text, '2026.csv'))).toBe(text);
    }
    expect(parseProbeCsv(serializeProbeCsv([a, b]), '2026.csv')).toEqual([b, a]);
    expect(parseProbeCsv(serializeProbeCsv([abroad, inside, abroadEarlier]), '2026.csv')).toEqual([inside, abroadEarlier, abroad]);
  });

  test('a file written before the vantage column is read with every row unnamed, and rewritten with the column', () => {
    const old = `${PROBE_COLUMNS_WITHOUT_VANTAGE.join(',')}\n2026-11-18,1,1,,,,0,0,0,0,0,0,0,0,0,0,0,0,0\n2026-11-19,3,1,100,420,420,1,0,0,1,0,0,0,0,0,0,0,0,0\n`;
    const days = parseProbeCsv(old, '2026.csv');
    expect(days).toEqual([b, a]);
    expect(days.map((d) => d.vantage)).toEqual([undefined, undefined]);
    expect(serializeProbeCsv(days)).toBe(serializeProbeCsv([a, b]));
  });

  test('the writer refuses two rows for one day and vantage, and invalid records', () => {
    expect(() => serializeProbeCsv([a, a])).toThrow(/two records of 2026-11-19 from no named vantage/);
    expect(() => serializeProbeCsv([inside, inside])).toThrow(/two records of 2026-11-19 from city-intranet/);
    expect(() => serializeProbeCsv([{ ...a, failures: 9 }])).toThrow(/failures/);
    expect(() => serializeProbeCsv([{ ...a, vantage: 'City Intranet' }])).toThrow(/vantage: must be empty \(not named\) or a vantage name/);
    expect(() => makeDay('2026-11-19', 1, 0, [1], 80)).toThrow(/latency buckets/);
  });

  const row = (cells: string) => `${cells}\n`;
  const ok = ',2026-11-19,3,1,100,420,420,1,0,0,1,0,0,0,0,0,0,0,0,0';
  const at = (vantage: string) => ok.replace(/^,/, `${vantage},`);
  test.each([
    ['a wrong header', 'date,tries\n', /x\/2026\.csv:1: the header must be vantage,date,tries,failures/],
    ['an empty file', '', /x\/2026\.csv:1: the file is empty/],
    ['a count that is not a number', HEADER + '\n' + row(ok.replace(',3,1,', ',three,1,')), /x\/2026\.csv:2: tries: must be a whole number ≥ 0/],
    ['a bad date', HEADER + '\n' + row(ok.replace('2026-11-19', '2026-11-31')), /x\/2026\.csv:2: date: must be a date YYYY-MM-DD/],
    ['more failures than tries', HEADER + '\n' + row(ok.replace(',3,1,', ',3,4,')), /x\/2026\.csv:2: failures: is 4, more than the 3 tries/],
    ['latency columns that do not add up', HEADER + '\n' + row(ok.replace(',3,1,', ',5,1,')), /:2: le_100ms: the latency columns count 2 successful probes, but tries − failures is 4/],
    ['a p50 that the buckets do not give', HEADER + '\n' + row(ok.replace(',100,420,', ',90,420,')), /:2: p50_ms: is 90, but the latency columns give 100/],
    ['a maximum outside its bucket', HEADER + '\n' + row(ok.replace(',420,420,', ',420,520,')), /:2: max_ms: is 520, but the slowest success is counted in le_500ms/],
    ['a missing field', HEADER + '\n' + row(ok.replace(/,0$/, '')), /:2: \(row\): has 19 fields, expected 20/],
    ['an old file’s row with the new header', HEADER + '\n' + row(ok.slice(1)), /:2: \(row\): has 19 fields, expected 20 \(vantage,date,/],
    ['a new row under the old header', PROBE_COLUMNS_WITHOUT_VANTAGE.join(',') + '\n' + row(ok), /:2: \(row\): has 20 fields, expected 19 \(date,tries,/],
    ['a vantage with a capital and a space', HEADER + '\n' + row(at('City Intranet')), /x\/2026\.csv:2: vantage: must be empty \(not named\) or a vantage name/],
    ['a vantage in Chinese', HEADER + '\n' + row(at('市政务内网')), /x\/2026\.csv:2: vantage: must be empty/],
    ['rows out of order', `${HEADER}\n${ok}\n${ok.replace('11-19', '11-18')}\n`, /:3: date: 2026-11-18 from no named vantage comes before 2026-11-19 from no named vantage on line 2/],
    ['vantages out of order', `${HEADER}\n${at('github-hosted')}\n${at('city-intranet').replace('11-19', '11-20')}\n`, /:3: vantage: 2026-11-20 from city-intranet comes before 2026-11-19 from github-hosted on line 2/],
    ['two rows for a day', `${HEADER}\n${ok}\n${ok}\n`, /:3: date: 2026-11-19 from no named vantage is a second row for the same day and vantage as line 2/],
    ['two rows for a day from one vantage', `${HEADER}\n${at('city-intranet')}\n${at('city-intranet')}\n`, /:3: date: 2026-11-19 from city-intranet is a second row/],
    ['a day of another year', HEADER + '\n' + row(ok.replace('2026-11-19', '2025-12-31')), /:2: date: 2025-12-31 is not in 2026/],
    ['broken quoting', `${HEADER}\n"2026-11-19,3\n`, /x\/2026\.csv:2: not a readable CSV file/],
  ])('a bad file is refused with file, line and field: %s', (_n, text, message) => {
    let err: unknown;
    try {
      parseProbeCsv(text, 'x/2026.csv');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toMatch(message);
  });

  test('every bad row is reported at once', () => {
    const text = `${HEADER}\n${ok.replace(',3,1,', ',x,1,')}\n${ok.replace('2026-11-19', '2026-11-20').replace(',3,1,', ',3,9,')}\n`;
    expect(() => parseProbeCsv(text, '2026.csv')).toThrow(/2 problems:\n {2}2026\.csv:2: tries[^\n]*\n {2}2026\.csv:3: failures/);
  });
});

describe('recordProbes on disk', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('merges each probe into its site’s file of the year, atomically, and re-reads the same', () => {
    dir = mkdtempSync(join(tmpdir(), 'probes-'));
    recordProbes(dir, [
      { site: 'linhe', date: '2026-12-31', ok: true, elapsedMs: 80 },
      { site: 'linhe', date: '2027-01-01', ok: false, elapsedMs: 15_000 },
      { site: 'linhe-jyj', date: '2026-12-31', ok: true, elapsedMs: 900 },
    ]);
    const written = recordProbes(dir, [{ site: 'linhe', date: '2026-12-31', ok: true, elapsedMs: 600 }]);
    expect(written).toEqual([probeFile(dir, 'linhe', 2026)]);
    expect(readProbeFile(probeFile(dir, 'linhe', 2026))).toEqual([day('2026-12-31', [[true, 80], [true, 600]])]);
    expect(readProbeFile(probeFile(dir, 'linhe', 2027))).toEqual([day('2027-01-01', [[false, 15_000]])]);
    expect(readProbeFile(probeFile(dir, 'linhe-jyj', 2026))).toEqual([day('2026-12-31', [[true, 900]])]);
    expect(readdirSync(join(dir, 'probes', 'linhe')).sort()).toEqual(['2026.csv', '2027.csv']); // no temporary files left
    expect(readProbeFile(probeFile(dir, 'nowhere', 2026))).toEqual([]);
  });

  test('probes of one day from two vantages go to two rows; each vantage’s row adds up its own probes', () => {
    dir = mkdtempSync(join(tmpdir(), 'probes-'));
    recordProbes(dir, [
      { site: 'linhe', date: '2026-11-19', vantage: 'github-hosted', ok: false, elapsedMs: 15_000 },
      { site: 'linhe', date: '2026-11-19', vantage: 'city-intranet', ok: true, elapsedMs: 80 },
    ]);
    recordProbes(dir, [{ site: 'linhe', date: '2026-11-19', vantage: 'github-hosted', ok: false, elapsedMs: 15_000 }]);
    recordProbes(dir, [{ site: 'linhe', date: '2026-11-19', ok: true, elapsedMs: 600 }]);
    expect(readProbeFile(probeFile(dir, 'linhe', 2026))).toEqual([
      day('2026-11-19', [[true, 600]]),
      day('2026-11-19', [[true, 80]], 'city-intranet'),
      day('2026-11-19', [[false, 15_000], [false, 15_000]], 'github-hosted'),
    ]);
  });

  test('an old file gains the vantage column when a probe is added, its rows unnamed', () => {
    dir = mkdtempSync(join(tmpdir(), 'probes-'));
    const file = probeFile(dir, 'linhe', 2026);
    mkdirSync(join(dir, 'probes', 'linhe'), { recursive: true });
    writeFileSync(file, `${PROBE_COLUMNS_WITHOUT_VANTAGE.join(',')}\n2026-11-18,1,1,,,,0,0,0,0,0,0,0,0,0,0,0,0,0\n`);
    recordProbes(dir, [{ site: 'linhe', date: '2026-11-19', vantage: 'city-intranet', ok: true, elapsedMs: 80 }]);
    expect(readFileSync(file, 'utf8')).toBe(`${HEADER}\n,2026-11-18,1,1,,,,0,0,0,0,0,0,0,0,0,0,0,0,0\ncity-intranet,2026-11-19,1,0,80,80,80,1,0,0,0,0,0,0,0,0,0,0,0,0\n`);
  });

  test('a bad file is left alone, the others are written, and the error names the file and line', () => {
    dir = mkdtempSync(join(tmpdir(), 'probes-'));
    const bad = probeFile(dir, 'broken', 2026);
    mkdirSync(join(dir, 'probes', 'broken'), { recursive: true });
    writeFileSync(bad, `${HEADER}\n,2026-11-19,1,2,,,,0,0,0,0,0,0,0,0,0,0,0,0,0\n`);
    const before = readFileSync(bad, 'utf8');
    expect(() =>
      recordProbes(dir!, [
        { site: 'broken', date: '2026-11-20', ok: true, elapsedMs: 80 },
        { site: 'linhe', date: '2026-11-20', ok: true, elapsedMs: 80 },
      ]),
    ).toThrow(/broken\/2026\.csv:2: failures: is 2, more than the 1 tries/);
    expect(readFileSync(bad, 'utf8')).toBe(before);
    expect(readProbeFile(probeFile(dir, 'linhe', 2026))).toHaveLength(1);
  });
});
