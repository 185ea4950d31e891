// Data flows one way (../shared/STYLE.md): registry → gathered snapshot → rule results → score →
// frontmatter → Markdown file → Astro collection → pages. This test reads every import of the
// project and fails on a runtime import cycle, on two folders (or files) of one parent importing
// each other, and on an import a folder is not allowed (the table below is the architecture).
import { existsSync, readdirSync, readFileSync, type Dirent } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, test } from 'vitest';
import { importGraph, importsOf, mutualPairs, runtimeCycles, siblings, sourceFiles, type Edge } from './import-graph.test-helpers.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const FILES = sourceFiles(ROOT, ['src', 'scripts', 'tests']).concat(['astro.config.mjs', 'vitest.config.ts']);
/** Tests may import anything they test; the rules are about the product's own code. */
const isTest = (f: string) => /\.test(-helpers)?\.ts$/.test(f) || f.startsWith('tests/') || f === 'vitest.config.ts';
const EDGES = importGraph(ROOT, FILES);
const PRODUCT = EDGES.filter((e) => !isTest(e.from));

/**
 * What each part may import besides itself, lowest first. A folder imports only what is listed
 * for it; anything listed may be a folder or a file. src/inspector's parts have their own table.
 */
const MAY_IMPORT: Readonly<Record<string, readonly string[]>> = {
  'src/errors.ts': [],
  'src/dates.ts': [],
  'src/schemas': ['src/dates.ts'],
  'src/store': ['src/schemas', 'src/dates.ts', 'src/errors.ts'],
  'src/inspector': ['src/store', 'src/schemas', 'src/dates.ts', 'src/errors.ts'],
  'src/workflow': ['src/inspector', 'src/store', 'src/schemas', 'src/dates.ts', 'src/errors.ts'],
  'src/sandbox': ['src/schemas', 'src/dates.ts'],
  'src/demo': ['src/sandbox', 'src/workflow', 'src/inspector', 'src/store', 'src/schemas', 'src/dates.ts', 'src/errors.ts'],
  'src/bench': ['src/demo', 'src/sandbox', 'src/workflow', 'src/inspector', 'src/store', 'src/schemas', 'src/dates.ts', 'src/errors.ts'],
  // The portal's read side: the indicator catalogue of the engine, never its crawler or rules' code.
  'src/lib': ['src/inspector/catalogue', 'src/inspector/indicator.ts', 'src/store', 'src/schemas', 'src/dates.ts', 'src/errors.ts'],
  'src/client': ['src/lib'],
  'src/postbuild': ['src/workflow', 'src/lib', 'src/store', 'src/schemas', 'src/dates.ts', 'src/errors.ts'],
  'src/cli': ['src/postbuild', 'src/bench', 'src/demo', 'src/sandbox', 'src/workflow', 'src/inspector', 'src/store', 'src/schemas', 'src/dates.ts', 'src/errors.ts'],
  'src/content.config.ts': ['src/lib', 'src/store', 'src/schemas'],
  'src/styles': [],
  'src/components': ['src/lib', 'src/client', 'src/schemas'],
  'src/layouts': ['src/lib', 'src/client', 'src/styles'],
  'src/pages': ['src/components', 'src/layouts', 'src/lib', 'src/schemas'],
  'astro.config.mjs': ['src/postbuild', 'src/lib'],
  // Entry points stay thin: they call a command of src/cli.
  scripts: ['src/cli', 'src/errors.ts'],
};

/** The engine's own stages: gather → snapshot → rules → engine → scoring → report, one way. */
const ENGINE_MAY_IMPORT: Readonly<Record<string, readonly string[]>> = {
  // The contracts: what the gatherer hands over, and what an indicator is.
  'src/inspector/snapshot.ts': [],
  'src/inspector/indicator.ts': [],
  'src/inspector/workdays.ts': [],
  'src/inspector/text': [],
  'src/inspector/gather': ['src/inspector/snapshot.ts'],
  'src/inspector/rules': ['src/inspector/snapshot.ts', 'src/inspector/indicator.ts', 'src/inspector/text', 'src/inspector/workdays.ts'],
  'src/inspector/catalogue': ['src/inspector/rules', 'src/inspector/indicator.ts'],
  'src/inspector/engine': ['src/inspector/catalogue', 'src/inspector/rules', 'src/inspector/indicator.ts', 'src/inspector/snapshot.ts', 'src/inspector/workdays.ts'],
  'src/inspector/scoring': ['src/inspector/indicator.ts'],
  'src/inspector/report': ['src/inspector/scoring', 'src/inspector/catalogue', 'src/inspector/indicator.ts'],
  'src/inspector/inspect.ts': ['src/inspector/report', 'src/inspector/scoring', 'src/inspector/engine', 'src/inspector/catalogue', 'src/inspector/rules', 'src/inspector/gather', 'src/inspector/snapshot.ts', 'src/inspector/indicator.ts', 'src/inspector/workdays.ts'],
};

/** Imports of `part` (a key of the table) that reach outside it to anything the table does not allow. */
function forbidden(edges: readonly Edge[], table: Readonly<Record<string, readonly string[]>>, within = ''): string[] {
  const under = (f: string, top: string) => f === top || f.startsWith(`${top}/`);
  const partOf = (f: string) => Object.keys(table).find((top) => under(f, top));
  const out: string[] = [];
  for (const e of edges) {
    if (within && !(under(e.from, within) && under(e.to, within))) continue;
    const from = partOf(e.from);
    if (!from || under(e.to, from)) continue;
    const allowed = table[from]!;
    if (!allowed.some((top) => under(e.to, top))) out.push(`${e.from} → ${e.to} (${from} may import ${allowed.join(', ') || 'nothing of the project'})`);
  }
  return out;
}

describe('the project’s imports', () => {
  test('every file belongs to a part of the architecture table', () => {
    const parts = [...Object.keys(MAY_IMPORT), 'tests', 'vitest.config.ts'];
    const unknown = FILES.filter((f) => !isTest(f) && !parts.some((p) => f === p || f.startsWith(`${p}/`)));
    expect(unknown).toEqual([]);
  });

  test('no runtime import cycle between files', () => {
    expect(runtimeCycles(EDGES.filter((e) => !isTest(e.from) && !isTest(e.to)))).toEqual([]);
  });

  test('no two folders (or files) of one parent import each other', () => {
    expect(mutualPairs(PRODUCT).map((p) => `${p.pair[0]} ⇄ ${p.pair[1]}: ${p.there.from} → ${p.there.to}; ${p.back.from} → ${p.back.to}`)).toEqual([]);
  });

  test('each part imports only what the table allows it', () => {
    expect(forbidden(PRODUCT, MAY_IMPORT)).toEqual([]);
  });

  test("the engine's stages import only the stages before them", () => {
    expect(forbidden(PRODUCT, ENGINE_MAY_IMPORT, 'src/inspector')).toEqual([]);
  });

  test('the engine, the store, the workflow and the commands never import Astro (but its zod)', () => {
    const astro = FILES.filter((f) => /^src\/(inspector|store|workflow|cli|sandbox|demo|bench|dates\.ts|errors\.ts)/.test(f) && !isTest(f)).filter((f) =>
      /from ['"]astro(?!\/zod['"])[^'"]*['"]/.test(readText(f)),
    );
    expect(astro).toEqual([]);
  });
});

const readText = (f: string) => readFileSync(new URL(`../${f}`, import.meta.url), 'utf8');

/**
 * The entries of the README's Structure block, as paths: a line starting with a path names it; an
 * indented one is inside the last entry one level up (two spaces a level).
 */
function structureEntries(readme: string): string[] {
  const block = /## Structure\s+```\n([\s\S]*?)\n```/.exec(readme)?.[1] ?? '';
  const out: string[] = [];
  const parents: string[] = [];
  for (const line of block.split('\n')) {
    const m = /^( *)([\w.\[\]-]+(?:\/[\w.\[\]-]+)*\/?)(?: |$)/.exec(line);
    if (!m || m[2]!.length < 2 || !/[./]/.test(m[2]!)) continue;
    const level = m[1]!.length / 2;
    const path = level === 0 ? m[2]! : `${parents[level - 1]}${m[2]}`;
    parents[level] = path.endsWith('/') ? path : `${path}/`;
    out.push(path.replace(/\/$/, ''));
  }
  return out;
}

describe("the README's Structure section", () => {
  const listed = structureEntries(readText('README.md'));
  const dirs = (readdirSync(new URL('../src', import.meta.url), { recursive: true, withFileTypes: true }) as Dirent[])
    .filter((e) => e.isDirectory())
    .map((e) => join(relative(ROOT, e.parentPath), e.name).split(sep).join('/'))
    // Page routes mirror URLs; the section names src/pages/ once.
    .filter((d) => !d.startsWith('src/pages/'));

  test('names every folder of src/', () => {
    expect(dirs.filter((d) => !listed.includes(d)).sort()).toEqual([]);
  });

  test('names nothing that is not there', () => {
    expect(listed.filter((p) => !existsSync(join(ROOT, p)))).toEqual([]);
  });

  test('reads nested entries as paths', () => {
    expect(structureEntries('## Structure\n\n```\nsrc/a/        x\n  b/          y\n    c.ts      z\n  d.ts        w\n              more words\n```\n')).toEqual(['src/a', 'src/a/b', 'src/a/b/c.ts', 'src/a/d.ts']);
  });
});

// The checker itself, on graphs made up for the purpose: each rule must be able to fail.
describe('the import checker', () => {
  const edge = (from: string, to: string, runtime = true): Edge => ({ from, to, runtime });

  test('reads runtime and type-only imports apart', () => {
    expect(importsOf(`import type { A } from './a.ts';\nimport { type B } from './b.ts';\nimport c from './c.ts';\nexport type { D } from './d.ts';\nexport * from './e.ts';\nconst f = await import('./f.ts');\nimport x from 'cheerio';`)).toEqual([
      { spec: './a.ts', runtime: false },
      { spec: './b.ts', runtime: true },
      { spec: './c.ts', runtime: true },
      { spec: './d.ts', runtime: false },
      { spec: './e.ts', runtime: true },
      { spec: './f.ts', runtime: true },
    ]);
  });

  test('finds a runtime cycle, and not one closed only by a type import', () => {
    expect(runtimeCycles([edge('src/a.ts', 'src/b.ts'), edge('src/b.ts', 'src/c.ts'), edge('src/c.ts', 'src/a.ts')])).toEqual([['src/a.ts', 'src/b.ts', 'src/c.ts']]);
    expect(runtimeCycles([edge('src/a.ts', 'src/b.ts'), edge('src/b.ts', 'src/a.ts', false)])).toEqual([]);
  });

  test('finds two folders that import each other, at any depth, types included', () => {
    expect(siblings('src/inspector/gather/site.ts', 'src/inspector/rules/x.ts')).toEqual(['src/inspector/gather', 'src/inspector/rules']);
    expect(siblings('src/lib/a.ts', 'src/lib/b.ts')).toEqual(['src/lib/a.ts', 'src/lib/b.ts']);
    const pairs = mutualPairs([edge('src/store/a.ts', 'src/schemas/x.ts'), edge('src/schemas/y.ts', 'src/store/b.ts', false), edge('src/lib/a.ts', 'src/schemas/x.ts')]);
    expect(pairs.map((p) => p.pair)).toEqual([['src/schemas', 'src/store']]);
  });

  test('finds an import the table does not allow', () => {
    const table = { 'src/store': ['src/schemas'], 'src/schemas': [] };
    expect(forbidden([edge('src/store/a.ts', 'src/schemas/x.ts'), edge('src/schemas/x.ts', 'src/store/a.ts')], table)).toEqual([
      'src/schemas/x.ts → src/store/a.ts (src/schemas may import nothing of the project)',
    ]);
  });

});
