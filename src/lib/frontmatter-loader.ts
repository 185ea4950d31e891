// A content loader that keeps only the frontmatter of Markdown files (the manual records, whose body
// is kept as raw text with body: true), and never renders a body, as the glob loader does. Files
// are read with the project's one frontmatter reader (src/store/frontmatter.ts), so the portal sees
// exactly the data the workflow wrote and checked. The findings files, 120,000 at 15,000 sites × 8
// quarters, are read outside the content layer (src/lib/findings-files.ts).
import type { Loader } from 'astro/loaders';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { frontmatterData } from '../store/frontmatter.ts';
import { parseYaml } from '../store/yaml-file.ts';
import { filesUnder } from '../store/quarter-paths.ts';

/**
 * Every .md file under dir, id = path without .md with / separators (2026-Q4/linhe), in a stable
 * order. With body: true the Markdown body is kept as the entry's body (raw text, never rendered).
 */
export function frontmatterLoader(dir: string, o: { body?: boolean } = {}): Loader {
  return {
    name: 'frontmatter-only',
    async load({ store, parseData, generateDigest }) {
      store.clear();
      // The same list the publication manifests sign (quarter-paths.ts), so nothing is read unsigned.
      const files = filesUnder(dir).filter((f) => f.endsWith('.md'));
      for (const f of files) {
        const filePath = join(dir, f);
        const text = await readFile(filePath, 'utf8');
        const id = f.slice(0, -3);
        const fm = frontmatterData(filePath, text);
        const data = await parseData({ id, data: fm.data, filePath });
        const body = o.body ? fm.body : undefined;
        store.set({ id, data, digest: generateDigest(text), ...(body === undefined ? {} : { body }) });
      }
    },
  };
}

/** A YAML list of entries with an id each (sites.yaml, media.yaml, notices.yaml); a missing file is an empty list. */
export function yamlListLoader(path: string): Loader {
  return {
    name: 'yaml-list',
    async load({ store, parseData, generateDigest }) {
      store.clear();
      const text = await readFile(path, 'utf8').catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? undefined : Promise.reject(e)));
      if (text === undefined) return;
      const list = parseYaml(path, text).data;
      if (list === null || list === undefined) return;
      if (!Array.isArray(list)) throw new Error(`${path}: must be a YAML list of entries, each starting with "- id: …"`);
      for (const [i, entry] of list.entries()) {
        const id = entry && typeof entry === 'object' && typeof (entry as { id?: unknown }).id === 'string' ? (entry as { id: string }).id : undefined;
        if (!id) throw new Error(`${path}: entry ${i + 1} has no id`);
        const data = await parseData({ id, data: entry as Record<string, unknown>, filePath: path });
        store.set({ id, data, digest: generateDigest(JSON.stringify(entry)) });
      }
    },
  };
}
