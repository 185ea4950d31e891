// npm run review: list the quarter's automated findings, or decide one (confirm, dismiss with a
// reason) or record the site's reply to it.
import { InputError } from '../errors.ts';
import { assertDraft } from '../workflow/draft.ts';
import { saveRectifyAnswer } from '../workflow/rectify.ts';
import { readQuarterFile } from '../store/quarter-file.ts';
import { reviewFinding, reviewList, reviewListText, reviewResultText, type ReviewRequest } from '../workflow/review-list.ts';
import { contentArg, dateArg, parseFlags, type ArgDefaults } from './args.ts';
import { withContentLock } from '../store/lock.ts';

/** npm run review -- --list */
export interface ReviewListArgs {
  mode: 'list';
  contentDir: string;
  quarter: string;
  site?: string;
}

/** npm run review -- --confirm | --dismiss | --reply */
export interface ReviewDecideArgs {
  mode: 'review';
  contentDir: string;
  quarter: string;
  request: ReviewRequest;
}

export type ReviewArgs = ReviewListArgs | ReviewDecideArgs;

export const REVIEW_USAGE = `Usage:
  npm run review -- --quarter 2026-Q4 --list [--site ID]
  npm run review -- --quarter 2026-Q4 --site ID --indicator ID --target "…" --confirm --inspector 姓名
  npm run review -- --quarter 2026-Q4 --site ID --indicator ID --target "…" --dismiss --reason "…" --inspector 姓名
  npm run review -- --quarter 2026-Q4 --site ID --indicator ID --target "…" --reply "…"

--list prints the quarter's automated findings by site with their status (未复核, 已确认,
已排除) and the sites' replies. A decision or reply names one finding by site, indicator and
target exactly as the list shows them; it is saved in content/review/<quarter>.yaml (deciding the
same finding again replaces the entry) and the quarter is re-scored: a dismissed finding no longer counts.

  --quarter 2026-Q4      the quarter (required)
  --list                 list the findings to review (with --site: one site's)
  --site ID              the site (content/sites.yaml)
  --indicator ID         the finding's indicator id
  --target TEXT          the finding's target, exactly as listed
  --confirm              upheld after checking by hand
  --dismiss              a false finding: it no longer counts (needs --reason)
  --reason TEXT          why; required with --dismiss, shown next to the finding
  --reply TEXT           the site's answer to the finding, shown next to it
  --inspector NAME       who decided (required with --confirm and --dismiss)
  --date YYYY-MM-DD      day of the decision or of the reply (default: today, Asia/Shanghai)
  --content DIR          content folder (default: CONTENT_DIR, or content)
  -h, --help             this text`;

const STRING = { type: 'string' } as const;
const FLAG = { type: 'boolean' } as const;

/** Parse argv (without node and script); throws InputError on bad input, returns undefined for --help. */
export function parseReviewArgs(argv: string[], d: ArgDefaults = {}): ReviewArgs | undefined {
  const { values } = parseFlags(
    {
      args: argv,
      options: {
        quarter: STRING,
        list: FLAG,
        site: STRING,
        indicator: STRING,
        target: STRING,
        confirm: FLAG,
        dismiss: FLAG,
        reason: STRING,
        reply: STRING,
        inspector: STRING,
        date: STRING,
        content: STRING,
        help: { type: 'boolean', short: 'h' },
      },
    },
    REVIEW_USAGE,
  );
  if (values.help) return undefined;
  if (values.quarter === undefined) throw new InputError(`--quarter is required\n\n${REVIEW_USAGE}`);
  const quarter = values.quarter;
  if (!/^\d{4}-Q[1-4]$/.test(quarter)) throw new InputError(`--quarter must look like 2026-Q4, got "${quarter}"`);
  if (values.content === '') throw new InputError('--content needs a folder');
  const contentDir = contentArg(values.content, d);
  const modes = (['list', 'confirm', 'dismiss', 'reply'] as const).filter((k) => values[k] !== undefined && values[k] !== false);
  if (modes.length !== 1) throw new InputError(`give one of --list, --confirm, --dismiss and --reply${modes.length ? ` (got ${modes.map((m) => `--${m}`).join(', ')})` : ''}\n\n${REVIEW_USAGE}`);
  const mode = modes[0]!;
  if (mode === 'list') {
    const extra = (['indicator', 'target', 'reason', 'inspector', 'date'] as const).filter((k) => values[k] !== undefined);
    if (extra.length) throw new InputError(`--list takes only --site (got ${extra.map((k) => `--${k}`).join(', ')})`);
    return { mode: 'list', contentDir, quarter, ...(values.site !== undefined ? { site: values.site } : {}) };
  }
  const missing: string[] = (['site', 'indicator', 'target', ...(mode === 'reply' ? [] : (['inspector'] as const))] as const).filter((k) => !values[k]?.trim());
  if (mode === 'dismiss' && !values.reason?.trim()) missing.push('reason');
  if (missing.length) throw new InputError(`--${mode} needs ${missing.map((k) => `--${k}`).join(', ')}${mode === 'dismiss' && missing.includes('reason') ? ' (the reason is shown next to the dismissed finding)' : ''}\n\n${REVIEW_USAGE}`);
  if (mode === 'reply' && values.reason !== undefined) throw new InputError('--reason goes with --dismiss or --confirm, not --reply');
  if (mode === 'reply' && !values.reply?.trim()) throw new InputError('--reply needs the text of the site’s answer');
  const date = dateArg(values.date, d);
  const reason = values.reason?.trim();
  const request: ReviewRequest = {
    site: values.site!.trim(),
    indicator: values.indicator!.trim(),
    // The target is matched exactly, as the findings file writes it: not trimmed.
    target: values.target!,
    action: mode === 'reply' ? { reply: values.reply!.trim() } : mode === 'dismiss' ? { decision: 'dismissed', reason: reason! } : { decision: 'confirmed', ...(reason ? { reason } : {}) },
    ...(values.inspector?.trim() ? { inspector: values.inspector.trim() } : {}),
    date,
  };
  return { mode: 'review', contentDir, quarter, request };
}

/** npm run review: --list prints; a decision or a reply is written and the site's file re-scored. */
export function reviewCommand(argv: string[]): number {
  const args = parseReviewArgs(argv);
  if (!args) {
    console.log(REVIEW_USAGE);
    return 0;
  }
  if (args.mode === 'list') {
    console.log(reviewListText(reviewList(args.contentDir, args.quarter, args.site), args.quarter));
  } else {
    const { request } = args;
    // After publication a reply is the unit's answer on rectification (整改): kept apart from the
    // signed review, shown beside what the re-checks verified. Decisions still need a draft.
    if ('reply' in request.action && readQuarterFile(args.contentDir, args.quarter)?.status === 'published') {
      const reply = { site: request.site, indicator: request.indicator, target: request.target, date: request.date, text: request.action.reply };
      const file = withContentLock(args.contentDir, `npm run review -- ${argv.join(' ')}`, () => saveRectifyAnswer(args.contentDir, args.quarter, reply));
      console.log(`已记录整改答复（${args.quarter} 通报已发布，答复不改变通报，与复核结果并列显示）：${file}`);
      return 0;
    }
    const done = withContentLock(args.contentDir, `npm run review -- ${argv.join(' ')}`, () => {
      assertDraft(args.contentDir, args.quarter, 'review');
      return reviewFinding(args.contentDir, args.quarter, request);
    });
    console.log(reviewResultText(done));
  }
  return 0;
}
