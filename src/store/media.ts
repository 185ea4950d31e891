// content/media.yaml: the office's new media accounts, validated and checked against the units.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { mediaAccountSchema, type MediaAccount } from '../schemas/media.ts';
import { duplicates, validateList } from './registry.ts';
import { InputError } from '../errors.ts';
import { readYaml } from './yaml-file.ts';

/** The accounts of a content folder (none when there is no media.yaml); every problem at once. */
export function loadMedia(contentDir: string, unitIds: ReadonlySet<string>): MediaAccount[] {
  const path = join(contentDir, 'media.yaml');
  if (!existsSync(path)) return [];
  const y = readYaml(path);
  if (y.data === null || y.data === undefined) return [];
  const errors: string[] = [];
  const list = validateList(y, mediaAccountSchema, 'media', errors);
  duplicates(y, list, (m) => m.id, 'account id', errors);
  for (const [m, i] of list) if (!unitIds.has(m.unit)) errors.push(`${path}:${y.lineOf([i, 'unit'])}: media[${i}] (${m.id}) unit: no unit with id "${m.unit}" in units.yaml`);
  if (errors.length) throw new InputError(`${path} has ${errors.length} problem${errors.length > 1 ? 's' : ''}:\n  ${errors.join('\n  ')}`);
  return list.map(([m]) => m);
}
