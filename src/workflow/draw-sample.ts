// npm run sample's work: draw the quarter's spot-check sample from the registry (sample.ts, pure) and
// keep it in the quarter file, which only a draft quarter may change.
import { InputError } from '../errors.ts';
import type { Sample } from '../schemas/quarter.ts';
import { editQuarterFile, readQuarterFile } from '../store/quarter-file.ts';
import { loadRegistry } from '../store/registry.ts';
import { assertDraft } from './draft.ts';
import { drawSample, drawStrata, sameDraw, type Stratum } from './sample.ts';

/** What drawing a quarter's sample did. */
export interface SampleDraw {
  sample: Sample;
  strata: Stratum[];
  /** The sample the quarter file had before. */
  previous?: Sample;
  /** The same draw as before: the file (and its drawn date) was left alone, so a re-run makes no diff. */
  unchanged: boolean;
}

/** Draw the quarter's sample from the registry and write it into the quarter file (a draft's only). */
export function drawQuarterSample(contentDir: string, quarter: string, params: Pick<Sample, 'seed' | 'ratio' | 'strata'>, date: string): SampleDraw {
  assertDraft(contentDir, quarter, 'sample');
  const registry = loadRegistry(contentDir);
  if (!registry.sites.length) throw new InputError(`${contentDir}/sites.yaml lists no sites: nothing to draw from`);
  const strata = drawStrata(registry.sites, registry.units, params);
  // Key order as in the schema: seed, ratio, strata, drawn, sites.
  const drawn: Sample = { ...params, drawn: date, sites: drawSample(registry.sites, registry.units, params) };
  const previous = readQuarterFile(contentDir, quarter)?.sample;
  const unchanged = previous !== undefined && sameDraw(previous, drawn);
  if (!unchanged) editQuarterFile(contentDir, quarter, (doc) => doc.set('sample', doc.createNode(drawn)));
  return { sample: unchanged ? previous : drawn, strata, ...(previous ? { previous } : {}), unchanged };
}
