// npm run review -- --quarter 2026-Q4 --list | --site ID --indicator ID --target "…" --confirm | --dismiss --reason "…" | --reply "…"   (--help for the options)
import { parseReviewArgs, REVIEW_USAGE } from '../src/cli/review-args.ts';
import { InputError } from '../src/store/yaml-file.ts';
import { assertDraft } from '../src/store/quarter-paths.ts';
import { reviewFinding, reviewList, reviewListText, reviewResultText } from '../src/workflow/review-list.ts';

try {
  const args = parseReviewArgs(process.argv.slice(2));
  if (!args) {
    console.log(REVIEW_USAGE);
    process.exit(0);
  }
  if (args.mode === 'list') {
    console.log(reviewListText(reviewList(args.contentDir, args.quarter, args.site), args.quarter));
  } else {
    assertDraft(args.contentDir, args.quarter, 'review');
    console.log(reviewResultText(reviewFinding(args.contentDir, args.quarter, args.request)));
  }
} catch (e) {
  if (e instanceof InputError) {
    console.error(e.message);
    process.exit(2);
  }
  throw e;
}
