// Makes a plain `astro build` fail, not only npm run build, when a published quarter's files
// differ from its manifest: a portal must never show a published notice that was changed without
// an erratum.
import type { AstroIntegration } from 'astro';
import { contentDir } from '../store/content-dir.ts';
import { describeProblems, verifyPublished } from '../workflow/manifest.ts';

/** An integration whose astro:build:start hook runs verifyPublished on the content folder and throws listing the problems. */
export function publishedCheck(dir: () => string = contentDir): AstroIntegration {
  return {
    name: 'published-quarters',
    hooks: {
      'astro:build:start': () => {
        const folder = dir();
        const problems = verifyPublished(folder);
        if (problems.length) throw new Error(describeProblems(folder, problems));
      },
    },
  };
}
