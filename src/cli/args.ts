// Helpers shared by the commands' argument parsers.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { contentDir as defaultContentDir } from '../store/content-dir.ts';
import { isIsoDate, todayInShanghai } from '../dates.ts';
import { InputError } from '../errors.ts';
import { vantageNameSchema } from '../schemas/vantage.ts';

/** A --name value that must be a whole number ≥ min; undefined when the switch is absent. */
export function wholeNumber(name: string, v: string | undefined, min: number): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v) || Number(v) < min) throw new InputError(`--${name} must be a whole number ≥ ${min}, got "${v}"`);
  return Number(v);
}

/** The environment variable an office sets on each machine that crawls or probes: its vantage's name. */
export const VANTAGE_ENV = 'GOV_PORTAL_VANTAGE';

/**
 * Where this run checks from: --vantage, else GOV_PORTAL_VANTAGE (an empty one is unset), trimmed;
 * undefined when neither names one. A name rules.yaml could never match is refused, saying where it came from.
 */
export function vantageArg(flag: string | undefined, env: string | undefined): string | undefined {
  const name = (flag ?? env)?.trim();
  if (flag !== undefined && !name) throw new InputError('--vantage needs a name, e.g. --vantage city-intranet');
  if (!name) return undefined;
  const r = vantageNameSchema.safeParse(name);
  if (!r.success) throw new InputError(`${flag !== undefined ? '--vantage' : VANTAGE_ENV} ${r.error.issues[0]!.message}, got "${name}"`);
  return name;
}

/** What the workflow commands' parsers fall back on: today in Asia/Shanghai, and CONTENT_DIR or content/. */
export interface ArgDefaults {
  today?: string;
  contentDir?: string;
}

/** --date, or today in Asia/Shanghai; anything but a real YYYY-MM-DD date is refused. */
export function dateArg(v: string | undefined, d: ArgDefaults): string {
  const date = v ?? d.today ?? todayInShanghai();
  if (!isIsoDate(date)) throw new InputError(`--date must be a date YYYY-MM-DD, got "${date}"`);
  return date;
}

/** --content, or the default content folder (CONTENT_DIR, else content). */
export function contentArg(v: string | undefined, d: ArgDefaults): string {
  if (v === '') throw new InputError('--content needs a folder');
  return v ?? d.contentDir ?? defaultContentDir();
}

/** node:util parseArgs (strict by default); a bad switch becomes an InputError followed by the command's usage. */
export function parseFlags<T extends ParseArgsConfig>(config: T, usage: string): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (e) {
    throw new InputError(`${(e as Error).message}\n\n${usage}`);
  }
}

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** A duration such as 72m, 1.5h, 15s or 300ms, in ms; `bare` is the unit of a number without one. */
export function parseDuration(name: string, v: string, bare?: 's' | 'ms'): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(v.trim());
  const unit = m?.[2] ?? bare;
  if (!m || !unit) throw new InputError(`--${name} must be a duration such as 72m, 1h, 15s or 500ms, got "${v}"`);
  return Math.round(Number(m[1]) * UNIT_MS[unit]!);
}
