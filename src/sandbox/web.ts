// The simulated government web: a registry of sites and units, each site's plan, and the ground
// truth of seeded defects. Pure and deterministic: no I/O, same options → same web.
import { dutyTruth } from './duty.ts';
import { siteControls } from './controls.ts';
import { siteTruth } from './ground-truth.ts';
import { trapClassesOf } from './traps.ts';
import type { Scripted } from './look.ts';
import { buildSiteModel } from './model.ts';
import { resolveAaaa, resolveNs } from './dns.ts';
import { roleOf } from './roles.ts';
import { DEPTS, PLACE_SYLLABLES, PROVINCES, type Dept } from './names.ts';
import { at, hashString, rng } from './random.ts';
import { dayNumber } from './dates.ts';
import type { Place, SandboxOptions, SandboxSite, SandboxUnit, SandboxWeb, SitePlan } from './types.ts';

export { resolveAaaa } from './dns.ts';
export type { Place, SandboxOptions, SandboxSite, SandboxUnit, SandboxWeb, SitePlan, TruthEntry } from './types.ts';

/** Host of the robustness-test site (served whether or not it is in the registry). */
export const HOSTILE_HOST = 'hostile.sandbox.gov.cn';

/** Number of roles: any 12 consecutive sites carry every kind of seeded defect. */
export const ROLE_COUNT = 12;
/** The role of the site that refuses connections. */
export const DOWN_ROLE = 0;

/** The role used instead of DOWN_ROLE for most sites after the first dozen (no defects). */
export const CLEAN_ROLE = 5;

/** Smallest pagesPerSite the generator accepts (home, board and three small columns). */
export const MIN_PAGES_PER_SITE = 10;
/** A web of at most this many sites has a portal collecting the others' 年度报表 (annual-report-missing). */
export const COLLECTING_WEB = 60;

/** Generates the registry, plans and ground truth; fast enough for 15,000 sites. */
export function generateWeb(opts: SandboxOptions): SandboxWeb {
  if (!Number.isInteger(opts.sites) || opts.sites < 0) throw new Error(`sites must be a non-negative integer, got ${opts.sites}`);
  if (!Number.isInteger(opts.pagesPerSite) || opts.pagesPerSite < MIN_PAGES_PER_SITE) {
    throw new Error(`pagesPerSite must be an integer >= ${MIN_PAGES_PER_SITE}, got ${opts.pagesPerSite}`);
  }
  if (!Number.isInteger(opts.seed)) throw new Error(`seed must be an integer, got ${opts.seed}`);
  dayNumber(opts.asOf);

  const { sites, units, plans } = buildRegistry(opts);
  const hosts = new Map<string, number>();
  const portals = new Map<string, number>();
  for (const p of plans) {
    hosts.set(p.host, p.index);
    if (p.dept === null && !p.hostile) portals.set(p.place.pinyin, p.index);
  }
  const web: SandboxWeb = {
    options: { ...opts }, sites, units, truth: [], controls: [], plans, hosts, portals, scripted: new Map(), traps: new Map(),
    resolveAaaa: (host) => resolveAaaa(web, host),
    resolveNs: (name) => resolveNs(web, name),
  };
  for (const plan of plans) {
    if (plan.hostile) continue;
    const model = buildSiteModel(web, plan.index);
    const truth = [...siteTruth(model), ...dutyTruth(model, plan)];
    web.truth.push(...truth);
    web.controls.push(...siteControls(model, truth));
    if (model.scripted) web.scripted.set(model.site.id, scriptedParts(model.scripted));
    for (const t of trapClassesOf(model)) web.traps.set(t, [...(web.traps.get(t) ?? []), model.site.id]);
  }
  return web;
}

/** The parts a script-built site writes with scripts, as 'part:variant' labels (a static search or a plain home URL left out). */
export function scriptedParts(s: Scripted): string[] {
  const out = [`lists:${s.lists}`, `footer:${s.footer}`];
  if (s.search !== 'static') out.push(`search:${s.search}`);
  if (s.entry !== 'page') out.push(`entry:${s.entry}`);
  return out;
}

/** Registry host of a site: portal www.<place>.gov.cn, department <dept>.<place>.gov.cn; the nonstandard-domain role uses a commercial domain. */
function hostFor(place: Place, dept: Dept | null, role: number): string {
  if (roleOf(role).domain === 'nonstandard') return dept ? `www.${place.pinyin}${dept.code}.com.cn` : `www.${place.pinyin}zf.org.cn`;
  return dept ? `${dept.code}.${place.pinyin}.gov.cn` : `www.${place.pinyin}.gov.cn`;
}

/** The site index serving a host name, or undefined. */
export function siteIndexForHost(web: SandboxWeb, host: string): number | undefined {
  return web.hosts.get(host.toLowerCase());
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function buildRegistry(opts: SandboxOptions): { sites: SandboxSite[]; units: SandboxUnit[]; plans: SitePlan[] } {
  const sites: SandboxSite[] = [];
  const units: SandboxUnit[] = [];
  const plans: SitePlan[] = [];
  const unitIds = new Set<string>();
  const addUnit = (u: SandboxUnit): void => {
    if (unitIds.has(u.id)) return;
    unitIds.add(u.id);
    units.push(u);
  };

  // Two-character place names, shuffled by the seed; a name is used at most once.
  const r = rng(opts.seed, 'places');
  const pairs: [number, number][] = [];
  for (let a = 0; a < PLACE_SYLLABLES.length; a++) {
    for (let b = 0; b < PLACE_SYLLABLES.length; b++) if (a !== b) pairs.push([a, b]);
  }
  const order = r.shuffle(pairs);
  let cursor = 0;
  const usedPinyin = new Set<string>();
  const nextName = (): { name: string; pinyin: string } => {
    while (cursor < order.length) {
      const [a, b] = at(order, cursor++);
      const [ca, pa] = at(PLACE_SYLLABLES, a);
      const [cb, pb] = at(PLACE_SYLLABLES, b);
      const pinyin = pa + pb;
      if (usedPinyin.has(pinyin) || pinyin === 'hostile' || pinyin === 'nosuchplace') continue;
      usedPinyin.add(pinyin);
      return { name: ca + cb, pinyin };
    }
    throw new Error('ran out of place names');
  };

  const provOffset = hashString(`${opts.seed}:prov`) % PROVINCES.length;
  const roleOffset = 1 + (hashString(`${opts.seed}:role`) % (ROLE_COUNT - 1)); // site 0 is never down
  const roleFor = (i: number): number => {
    const role = (i + roleOffset) % ROLE_COUNT;
    // One site in the first dozen refuses connections; later ones rarely do.
    if (role === DOWN_ROLE && i >= ROLE_COUNT && !rng(opts.seed, 'down', i).chance(0.1)) return CLEAN_ROLE;
    return role;
  };

  const pushSite = (place: Place, dept: Dept | null, seq: number): void => {
    if (sites.length >= opts.sites) return;
    const index = sites.length;
    const role = roleFor(index);
    const host = hostFor(place, dept, role);
    const full = place.name + place.suffix;
    const gov = `${place.pinyin}-zf`;
    const unit = dept ? `${place.pinyin}-${dept.code}` : `${place.pinyin}-bgs`;
    addUnit(place.city ? { id: gov, name: `${full}人民政府`, parent: `${place.city.pinyin}-zf` } : { id: gov, name: `${full}人民政府` });
    addUnit({ id: unit, name: dept ? full + dept.name : `${full}人民政府办公室`, parent: gov });
    const site: SandboxSite = {
      id: dept ? `${place.pinyin}-${dept.code}` : place.pinyin,
      name: dept ? full + dept.name : `${full}人民政府`,
      url: `http://${host}/`,
      unit,
      kind: dept ? 'department' : 'portal',
      siteCode: place.adminCode + pad(seq, 4),
    };
    if (place.level === 'county') site.region = full;
    sites.push(site);
    plans.push({ index, host, place, dept, role, hostile: false });
  };

  for (let c = 0; sites.length < opts.sites; c++) {
    const province = at(PROVINCES, (provOffset + c) % PROVINCES.length);
    const cityNo = Math.floor(c / PROVINCES.length) + 1;
    if (cityNo > 99) throw new Error('too many sites for the administrative code space');
    const cr = rng(opts.seed, 'city', c);
    const cityCode = province.code + pad(cityNo, 2);
    const city: Place = {
      ...nextName(), suffix: '市', level: 'city', adminCode: `${cityCode}00`, province,
      areaCode: `0${cr.int(350, 939)}`, city: null,
    };
    const cityDepts = cr.shuffle(DEPTS).slice(0, cr.int(10, 18));
    const counties = Array.from({ length: cr.int(4, 9) }, (_, k) => {
      const place: Place = {
        ...nextName(), suffix: cr.chance(0.5) ? '区' : '县', level: 'county', adminCode: cityCode + pad(k + 1, 2),
        province, areaCode: city.areaCode, city,
      };
      return { place, depts: cr.shuffle(DEPTS).slice(0, cr.int(3, 8)) };
    });

    // Emission order makes a small registry look like a real one: the city portal, some city
    // departments, then county portals with a couple of their departments, then the rest.
    pushSite(city, null, 1);
    const head = 5;
    cityDepts.slice(0, head).forEach((d, k) => pushSite(city, d, k + 2));
    for (const county of counties) {
      pushSite(county.place, null, 1);
      county.depts.slice(0, 2).forEach((d, k) => pushSite(county.place, d, k + 2));
    }
    cityDepts.slice(head).forEach((d, k) => pushSite(city, d, head + k + 2));
    for (const county of counties) county.depts.slice(2).forEach((d, k) => pushSite(county.place, d, k + 4));
  }

  if (opts.hostile) {
    const index = sites.length;
    const province = at(PROVINCES, 0);
    const place: Place = {
      name: '沙箱', pinyin: 'sandbox', suffix: '市', level: 'city', adminCode: '990000', province, areaCode: '0999', city: null,
    };
    addUnit({ id: 'hostile', name: '沙箱测试单位' });
    sites.push({ id: 'hostile', name: '沙箱测试站点', url: `http://${HOSTILE_HOST}/`, unit: 'hostile', kind: 'portal', siteCode: '9900000001' });
    plans.push({ index, host: HOSTILE_HOST, place, dept: null, role: CLEAN_ROLE, hostile: true });
  }
  // A small web's first portal of the clean role (else its first portal that answers) collects every
  // other website's 年度报表, as a province's portal does (a large web's would need hundreds of list pages).
  const portals = sites.length <= COLLECTING_WEB ? plans.filter((p) => !p.dept && !p.hostile && p.role !== DOWN_ROLE) : [];
  const collector = portals.find((p) => p.role === CLEAN_ROLE) ?? portals[0];
  if (collector) sites[collector.index]!.collectsReports = true;
  return { sites, units, plans };
}
