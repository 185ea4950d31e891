// content/rules.yaml: the scoring rules an office can change without code.
import { join } from 'node:path';
import { rulesConfigSchema, type RulesConfig } from '../schemas/rules-config.ts';
import { readYaml, validateYaml } from './yaml-file.ts';

/** Load and validate the rules file of a content folder. */
export function loadRulesConfig(contentDir: string): RulesConfig {
  return validateYaml(readYaml(join(contentDir, 'rules.yaml')), rulesConfigSchema);
}
