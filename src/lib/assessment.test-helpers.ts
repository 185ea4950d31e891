// One small office for the assessment tests (assessment.test.ts, annual.test.ts): every figure
// the tests expect is worked out by hand from what is written here.
import { manualRecordSchema, type ManualRecord } from '../schemas/manual.ts';
import type { AssessmentData, RecordEntry } from './assessment.ts';
import { row } from './fixtures.test-helpers.ts';
import { unitTree } from './units.ts';

/** A valid manual record file of a quarter. */
export function record(quarter: string, name: string, fields: Partial<ManualRecord> & Pick<ManualRecord, 'indicator'>): RecordEntry {
  return { file: `manual/${quarter}/${name}.md`, data: manualRecordSchema.parse({ target: '测试', inspector: '张三', date: '2026-05-01', ...fields }) };
}

const check = (site: string, unit: string, quarter: string, verdict: 'pass' | 'fail') => row({ site, name: site, unit, quarter, verdict, score: verdict === 'fail' ? 50 : 90 });

/**
 * Units: 临河市人民政府 (top) › 市政府办公室, 发展改革委 (no sites), 河西县人民政府 › 县教育局, 县民政局;
 * 省司法厅 (top). Amounts: failing portal 2, department 1, late message 5, self-inspection 5,
 * city notice 2, cap 1 / 1 / 3.
 *
 * 2026-Q1, published, dated 2026-04-10: hexi (portal) fails −2; hexi-jyj (department, closed
 * 04-11, after the notice) fails −1; hexi-mzj (department, closed 04-10, the notice's day) fails
 * −0; gone (not in the registry, unit hexi-jyj) fails, charged as a portal −2; linhe passes; old-x
 * (unit old-unit, not in the registry) passes.
 * 2026-Q2, published 2026-07-05 without a 成文日期: linhe (portal) fails −2; sft (portal) fails −2;
 * hexi and gone pass. Records: a late message on hexi (→ hexi-zf) −5; a late error report on gone
 * (registry has no such site: the quarter's row says hexi-jyj) −5; linhe-bgs sent no
 * self-inspection report −5; linhe-wx (linhe-bgs's account) fails a veto (named, no points); a
 * media problem (not counted).
 * 2026-Q3, draft: linhe fails; sheng-sft sent no report. Nothing of it counts.
 * Notices: the city, 2026-03-02, hexi-jyj; the province, 2026-09-01, linhe-bgs and hexi-zf; the
 * State Council, 2025-12-20, linhe-zf.
 */
export function office(): AssessmentData {
  return {
    units: unitTree([
      { id: 'linhe-zf', name: '临河市人民政府' },
      { id: 'linhe-bgs', name: '临河市人民政府办公室', parent: 'linhe-zf' },
      { id: 'linhe-fgw', name: '临河市发展和改革委员会', parent: 'linhe-zf' },
      { id: 'hexi-zf', name: '河西县人民政府', parent: 'linhe-zf' },
      { id: 'hexi-jyj', name: '河西县教育局', parent: 'hexi-zf' },
      { id: 'hexi-mzj', name: '河西县民政局', parent: 'hexi-zf' },
      { id: 'sheng-sft', name: '省司法厅' },
    ]),
    registrySites: new Map([
      ['linhe', { unit: 'linhe-bgs', kind: 'portal' as const }],
      ['hexi', { unit: 'hexi-zf', kind: 'portal' as const }],
      ['hexi-jyj', { unit: 'hexi-jyj', kind: 'department' as const, closed: '2026-04-11' }],
      ['hexi-mzj', { unit: 'hexi-mzj', kind: 'department' as const, closed: '2026-04-10' }],
      ['sft', { unit: 'sheng-sft', kind: 'portal' as const }],
    ]),
    media: [{ id: 'linhe-wx', unit: 'linhe-bgs' }],
    assessment: { failingSite: { portal: 2, department: 1 }, overdueMessage: 5, selfInspectionMissing: 5, namedByCity: 2, ratingCap: { stateCouncil: 1, province: 1, city: 3 } },
    quarters: [
      {
        quarter: '2026-Q3',
        rows: [check('linhe', 'linhe-bgs', '2026-Q3', 'fail')],
        file: { data: { status: 'draft' } },
      },
      {
        quarter: '2026-Q1',
        rows: [
          check('hexi', 'hexi-zf', '2026-Q1', 'fail'),
          check('hexi-jyj', 'hexi-jyj', '2026-Q1', 'fail'),
          check('hexi-mzj', 'hexi-mzj', '2026-Q1', 'fail'),
          check('gone', 'hexi-jyj', '2026-Q1', 'fail'),
          check('linhe', 'linhe-bgs', '2026-Q1', 'pass'),
          check('old-x', 'old-unit', '2026-Q1', 'pass'),
        ],
        file: { data: { status: 'published', date: '2026-04-10', published: '2026-04-12' } },
      },
      {
        quarter: '2026-Q2',
        rows: [check('linhe', 'linhe-bgs', '2026-Q2', 'fail'), check('sft', 'sheng-sft', '2026-Q2', 'fail'), check('hexi', 'hexi-zf', '2026-Q2', 'pass'), check('gone', 'hexi-jyj', '2026-Q2', 'pass')],
        file: { data: { status: 'published', published: '2026-07-05' } },
      },
    ],
    manual: new Map([
      [
        '2026-Q2',
        [
          record('2026-Q2', 'hexi-msg', { site: 'hexi', indicator: 'message-overdue' }),
          record('2026-Q2', 'gone-err', { site: 'gone', indicator: 'error-report-overdue' }),
          record('2026-Q2', 'linhe-bgs-self', { unit: 'linhe-bgs', indicator: 'self-inspection-missing' }),
          record('2026-Q2', 'linhe-wx-veto', { media: 'linhe-wx', indicator: 'media-not-updated' }),
          record('2026-Q2', 'linhe-wx-low', { media: 'linhe-wx', indicator: 'media-low-original' }),
        ],
      ],
      ['2026-Q3', [record('2026-Q3', 'sft-self', { unit: 'sheng-sft', indicator: 'self-inspection-missing' })]],
    ]),
    notices: [
      { id: 'city-1', level: 'city', title: '市通报', date: '2026-03-02', units: ['hexi-jyj'] },
      { id: 'province-1', level: 'province', title: '省通报', date: '2026-09-01', units: ['linhe-bgs', 'hexi-zf'] },
      { id: 'sc-1', level: 'state-council', title: '国办通报', date: '2025-12-20', units: ['linhe-zf'] },
    ],
  };
}
