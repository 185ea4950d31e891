// The project's import graph, read with the TypeScript parser, and what data flowing one way asks
// of it: no runtime import cycle between files, and no two folders (or files) with the same parent
// that import each other. tests/architecture.test.ts adds the table of what each part may import.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

/** One import of a project file by another, paths relative to the root with / separators. */
export interface Edge {
  from: string;
  to: string;
  /** Loaded at run time: not `import type` / `export type` (an `import { type X }` still loads the module). */
  runtime: boolean;
}

/** The TypeScript of an .astro file: its frontmatter and its <script> blocks. */
function astroCode(text: string): string {
  const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '';
  const scripts = [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  return [front, ...scripts].join('\n');
}

/** The relative imports of one source text, with whether each is loaded at run time. */
export function importsOf(code: string, file = 'x.ts'): Array<{ spec: string; runtime: boolean }> {
  const sf = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const out: Array<{ spec: string; runtime: boolean }> = [];
  const add = (spec: ts.Expression | undefined, runtime: boolean) => {
    if (spec && ts.isStringLiteral(spec) && spec.text.startsWith('.')) out.push({ spec: spec.text, runtime });
  };
  const visit = (n: ts.Node): void => {
    if (ts.isImportDeclaration(n)) add(n.moduleSpecifier, !n.importClause?.isTypeOnly);
    else if (ts.isExportDeclaration(n)) add(n.moduleSpecifier, !n.isTypeOnly);
    else if (ts.isCallExpression(n) && n.expression.kind === ts.SyntaxKind.ImportKeyword) add(n.arguments[0], true);
    else if (ts.isImportTypeNode(n) && ts.isLiteralTypeNode(n.argument)) add(n.argument.literal as ts.Expression, false);
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

/** Every .ts, .mjs and .astro file under the given folders of root (tests included), relative paths. */
export function sourceFiles(root: string, folders: readonly string[]): string[] {
  return folders.flatMap((f) =>
    (readdirSync(join(root, f), { recursive: true }) as string[])
      .filter((p) => /\.(ts|mjs|astro)$/.test(p) && !p.split(sep).includes('node_modules'))
      .map((p) => join(f, p).split(sep).join('/')),
  );
}

/** The graph of the given files: their imports of one another (imports of packages left out). */
export function importGraph(root: string, files: readonly string[]): Edge[] {
  const edges: Edge[] = [];
  for (const file of files) {
    const text = readFileSync(join(root, file), 'utf8');
    for (const { spec, runtime } of importsOf(file.endsWith('.astro') ? astroCode(text) : text, file)) {
      const to = relative(root, resolve(root, dirname(file), spec)).split(sep).join('/');
      edges.push({ from: file, to, runtime });
    }
  }
  return edges;
}

/** Import cycles through runtime imports only, each as the files in it (sorted); none when the graph is a DAG. */
export function runtimeCycles(edges: readonly Edge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const e of edges) if (e.runtime && e.from !== e.to) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  // Tarjan's strongly connected components.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  let n = 0;
  const strong = (v: string): void => {
    index.set(v, n);
    low.set(v, n++);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        strong(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1) out.push(scc.sort());
    }
  };
  for (const v of [...next.keys()].sort()) if (!index.has(v)) strong(v);
  return out;
}

/**
 * For an import from a to b, the two siblings it joins: the entries (folder or file) of their
 * deepest common folder that hold a and b. src/inspector/gather/site.ts → src/inspector/rules/x.ts
 * joins src/inspector/gather and src/inspector/rules; undefined within one file.
 */
export function siblings(a: string, b: string): [string, string] | undefined {
  const pa = a.split('/');
  const pb = b.split('/');
  let i = 0;
  while (i < pa.length - 1 && i < pb.length - 1 && pa[i] === pb[i]) i++;
  const x = pa.slice(0, i + 1).join('/');
  const y = pb.slice(0, i + 1).join('/');
  return x === y ? undefined : [x, y];
}

/** Pairs of siblings that import each other (any import, types too), each with one import each way. */
export function mutualPairs(edges: readonly Edge[]): Array<{ pair: [string, string]; there: Edge; back: Edge }> {
  const first = new Map<string, Edge>();
  for (const e of edges) {
    const s = siblings(e.from, e.to);
    if (s && !first.has(s.join('\u0000'))) first.set(s.join('\u0000'), e);
  }
  const out: Array<{ pair: [string, string]; there: Edge; back: Edge }> = [];
  for (const [key, there] of first) {
    const [x, y] = key.split('\u0000') as [string, string];
    const back = first.get(`${y}\u0000${x}`);
    if (back && x < y) out.push({ pair: [x, y], there, back });
  }
  return out.sort((p, q) => (p.pair.join() < q.pair.join() ? -1 : 1));
}
