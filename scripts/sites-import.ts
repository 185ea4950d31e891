// npm run sites:import -- FILE.csv [--content DIR]
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { importSitesCsv, registryYaml } from '../src/workflow/sites-import.ts';
import { loadRegistry } from '../src/store/registry.ts';
import { InputError, readYaml } from '../src/store/yaml-file.ts';
import { writeFileAtomic } from '../src/store/atomic.ts';
import type { Unit } from '../src/schemas/registry.ts';

try {
  const { values, positionals } = parseArgs({ args: process.argv.slice(2), allowPositionals: true, options: { content: { type: 'string', default: 'content' } } });
  const file = positionals[0];
  if (!file) throw new InputError('Usage: npm run sites:import -- FILE.csv [--content DIR]\nColumns: id, 网站名称, 首页地址, 单位ID, 主管单位, 地区, 类型, 网站标识码');
  const unitsPath = join(values.content, 'units.yaml');
  const existing = existsSync(unitsPath) ? ((readYaml(unitsPath).data as Unit[] | null) ?? []) : [];
  const result = importSitesCsv(readFileSync(file), file, existing);
  writeFileAtomic(join(values.content, 'units.yaml'), registryYaml('Units responsible for the sites (content/units.yaml).', result.units));
  writeFileAtomic(join(values.content, 'sites.yaml'), registryYaml(`Registered sites, imported from ${file}.`, result.sites));
  loadRegistry(values.content);
  console.log(`Imported ${result.sites.length} sites and ${result.units.length} units from ${file} (${result.encoding}) into ${values.content}/sites.yaml and units.yaml.`);
} catch (e) {
  if (e instanceof InputError) {
    console.error(e.message);
    process.exit(2);
  }
  throw e;
}
