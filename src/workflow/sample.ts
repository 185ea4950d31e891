// The quarter's spot-check sample (抽查): which registered sites are inspected this quarter. Pure:
// the same seed, ratio, strata and registry give the same sample on any machine, whatever the
// order of sites.yaml, so anyone can re-draw a published sample and check it.
import { createHash } from 'node:crypto';
import type { Sample } from '../schemas/quarter.ts';
import type { Site, Unit } from '../schemas/registry.ts';
import { InputError } from '../errors.ts';

/** What a draw needs to know of a site. */
export type SampleSite = Pick<Site, 'id' | 'unit' | 'region'>;

/** The parameters of a draw, as recorded in the quarter file. */
export type DrawParams = Pick<Sample, 'seed' | 'ratio' | 'strata'>;

/** One stratum of a draw: its key (region, top unit id, or "all"), display label, size and drawn ids (sorted). */
export interface Stratum {
  key: string;
  label: string;
  size: number;
  drawn: string[];
}

/** Code-unit order: the same on every machine, unlike localeCompare. */
const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The stratum of sites without a region: the city's own level. */
export const NO_REGION = '本级';

/** A site's place in the draw: hex SHA-256 of "seed:id" (lower comes first). */
export function rankKey(seed: number, id: string): string {
  return createHash('sha256').update(`${seed}:${id}`).digest('hex');
}

/** Site ids ranked for a seed, first drawn first; independent of input order, and adding a site never reorders the others. */
export function rankSites(sites: readonly Pick<Site, 'id'>[], seed: number): string[] {
  return sites
    .map((s) => [rankKey(seed, s.id), s.id] as const)
    .sort(([a, ia], [b, ib]) => byCodeUnit(a, b) || byCodeUnit(ia, ib))
    .map(([, id]) => id);
}

/**
 * Sites drawn from a stratum of n: ⌈ratio × n⌉, since the notices set 30 % as a floor (seed 002),
 * and at least one from any non-empty stratum. The 1e-9 absorbs binary rounding: 0.07 × 100 is
 * 7.000000000000001 in floating point, and must give 7, not 8.
 */
export function quota(ratio: number, n: number): number {
  if (n === 0) return 0;
  return Math.min(n, Math.max(1, Math.ceil(ratio * n - 1e-9)));
}

/**
 * A function giving each site's stratum unit: its top-level unit (following parent), or, when the
 * registry has a single top unit (a city's government above its counties and departments), the
 * unit just below it, so the strata are the counties and departments rather than one stratum of
 * everything. A cycle in units.yaml is an InputError.
 */
function topUnits(units: readonly Unit[]): (unitId: string) => Unit {
  const byId = new Map(units.map((u) => [u.id, u]));
  const roots = units.filter((u) => u.parent === undefined);
  const stopBelow = roots.length === 1 ? roots[0]!.id : undefined;
  return (unitId) => {
    let u = byId.get(unitId);
    if (!u) throw new Error(`unit "${unitId}" is not in the registry (load it with loadRegistry, which checks this)`);
    const seen = [u.id];
    while (u.parent !== undefined && u.parent !== stopBelow) {
      const up = byId.get(u.parent);
      if (!up) throw new Error(`unit "${u.parent}" is not in the registry (load it with loadRegistry, which checks this)`);
      if (seen.includes(up.id)) throw new InputError(`units.yaml: the parents of ${unitId} go round in a circle (${[...seen, up.id].join(' → ')})`);
      seen.push(up.id);
      u = up;
    }
    return u;
  };
}

/** The draw, stratum by stratum (strata sorted by key); without strata, one stratum "all". */
export function drawStrata(sites: readonly SampleSite[], units: readonly Unit[], params: DrawParams): Stratum[] {
  const groups = new Map<string, { label: string; sites: SampleSite[] }>();
  const top = params.strata === 'unit' ? topUnits(units) : undefined;
  for (const s of sites) {
    const unit = top?.(s.unit);
    const [key, label] = params.strata === 'region' ? [s.region ?? NO_REGION, s.region ?? NO_REGION] : unit ? [unit.id, unit.name] : ['all', '全部'];
    const g = groups.get(key) ?? groups.set(key, { label, sites: [] }).get(key)!;
    g.sites.push(s);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => byCodeUnit(a, b))
    .map(([key, g]) => ({ key, label: g.label, size: g.sites.length, drawn: rankSites(g.sites, params.seed).slice(0, quota(params.ratio, g.sites.length)).sort(byCodeUnit) }));
}

/** The ids of the sites drawn, sorted: the first ⌈ratio × n⌉ of each stratum by rankKey. */
export function drawSample(sites: readonly SampleSite[], units: readonly Unit[], params: DrawParams): string[] {
  return drawStrata(sites, units, params)
    .flatMap((s) => s.drawn)
    .sort(byCodeUnit);
}

/** True when two samples drew the same sites with the same parameters (the drawn date aside). */
export function sameDraw(a: Sample, b: Sample): boolean {
  return a.seed === b.seed && a.ratio === b.ratio && a.strata === b.strata && a.sites.join(',') === b.sites.join(',');
}

/**
 * The sites `npm run crawl -- --sample` inspects: the quarter's sample, in registry order, narrowed
 * by --only when given. InputError when there is no sample, when sampled sites have left the
 * registry (re-draw, or restore them), or when --only names a site outside the sample.
 */
export function sampledSites<S extends Pick<Site, 'id'>>(registrySites: readonly S[], sample: Sample | undefined, quarter: string, only?: readonly string[]): S[] {
  if (!sample) throw new InputError(`--sample: ${quarter} has no sample; run npm run sample -- --quarter ${quarter} --ratio 0.3 --seed N first`);
  const registered = new Set(registrySites.map((s) => s.id));
  const gone = sample.sites.filter((id) => !registered.has(id));
  if (gone.length) {
    throw new InputError(
      `--sample: the ${quarter} sample names ${gone.length} site${gone.length > 1 ? 's' : ''} no longer in sites.yaml: ${gone.join(', ')}. ` +
        `Restore ${gone.length > 1 ? 'them' : 'it'}, or re-draw the sample with npm run sample while the quarter is a draft.`,
    );
  }
  const drawn = new Set(sample.sites);
  if (only) {
    const outside = only.filter((id) => !drawn.has(id));
    if (outside.length) throw new InputError(`--only: ${outside.join(', ')} ${outside.length > 1 ? 'are' : 'is'} not in the ${quarter} sample; leave out --sample to inspect ${outside.length > 1 ? 'them' : 'it'}`);
  }
  const chosen = only ? new Set(only) : drawn;
  return registrySites.filter((s) => chosen.has(s.id));
}

/** The Chinese summary npm run sample prints: how many of how many, per stratum, and what it replaced. */
export function drawSummary(sample: Sample, strata: readonly Stratum[], previous?: Sample): string {
  const total = strata.reduce((n, s) => n + s.size, 0);
  const by = sample.strata === 'region' ? '，按县区分层' : sample.strata === 'unit' ? '，按主管单位分层' : '';
  const lines = [`抽取 ${sample.sites.length} 个网站（共 ${total} 个；比例 ${+(sample.ratio * 100).toFixed(4)}%，种子 ${sample.seed}${by}；抽取日期 ${sample.drawn}）`];
  if (sample.strata) for (const s of strata) lines.push(`  ${s.label}：${s.drawn.length} / ${s.size}`);
  if (previous && sameDraw(previous, sample)) lines.push(`与已有抽样相同（抽取日期 ${previous.drawn}），未改动季度文件。`);
  else if (previous) {
    const by = previous.strata ? `，按${previous.strata === 'region' ? '县区' : '主管单位'}分层` : '';
    lines.push(`已替换此前的抽样（${previous.drawn}：种子 ${previous.seed}，比例 ${+(previous.ratio * 100).toFixed(4)}%${by}，${previous.sites.length} 个网站）。`);
  }
  return lines.join('\n');
}
