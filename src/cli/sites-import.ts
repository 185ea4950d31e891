// npm run sites:import -- FILE.csv [--content DIR]: the office's registry spreadsheet (UTF-8, UTF-8
// with BOM, or GBK) into content/sites.yaml and units.yaml.
import { InputError } from '../errors.ts';
import { importSites } from '../workflow/sites-import.ts';
import { parseFlags } from './args.ts';
import { withContentLock } from '../store/lock.ts';

export const SITES_IMPORT_USAGE = `Usage: npm run sites:import -- FILE.csv [--content DIR]
Columns (Chinese or English headers): 网站ID/id, 网站名称/name, 首页地址/url, 单位ID/unit,
主管单位/unitName, 地区/region, 类型/kind (门户/portal or 部门/department), 网站标识码/siteCode.
Every bad row, line and field is reported at once, and nothing is written then.`;

/** npm run sites:import. */
export function sitesImportCommand(argv: string[]): number {
  const { values, positionals } = parseFlags({ args: argv, allowPositionals: true, options: { content: { type: 'string', default: 'content' }, help: { type: 'boolean', short: 'h' } } }, SITES_IMPORT_USAGE);
  if (values.help) {
    console.log(SITES_IMPORT_USAGE);
    return 0;
  }
  const [file, ...more] = positionals;
  if (!file || more.length) throw new InputError(SITES_IMPORT_USAGE);
  const r = withContentLock(values.content, `npm run sites:import -- ${argv.join(' ')}`, () => importSites(values.content, file));
  console.log(`Imported ${r.sites.length} sites and ${r.units.length} units from ${file} (${r.encoding}) into ${r.sitesPath} and ${r.unitsPath}.`);
  if (r.removed.length) {
    const shown = r.removed.slice(0, 20).join(', ');
    console.log(`The spreadsheet replaces the registry: ${r.removed.length} site${r.removed.length > 1 ? 's' : ''} no longer registered (${shown}${r.removed.length > 20 ? ', …' : ''}).`);
  }
  return 0;
}
