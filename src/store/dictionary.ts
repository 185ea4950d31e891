// content/dictionary.yaml: the wording-error dictionary an office keeps up to date.
import { join } from 'node:path';
import { dictionarySchema, type Dictionary } from '../schemas/dictionary.ts';
import { readYaml, validateYaml } from './yaml-file.ts';

/** Load and validate the dictionary of a content folder. */
export function loadDictionary(contentDir: string): Dictionary {
  return validateYaml(readYaml(join(contentDir, 'dictionary.yaml')), dictionarySchema);
}
