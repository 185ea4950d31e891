// The simulated web's shapes: what is generated (web.ts) and what each site's model and the ground
// truth are built from (model.ts, ground-truth.ts). A leaf: they read it, it reads none of them.
import type { Dept, Province } from './names.ts';

/** What to generate. */
export interface SandboxOptions {
  /** Number of registry sites (the hostile site, when asked for, comes on top). */
  sites: number;
  /** Upper bound on distinct HTML pages per site (home, column lists, articles, misc); at least 10. */
  pagesPerSite: number;
  /** Any integer; the same seed gives the same web byte for byte. */
  seed: number;
  /** 监测时间点 'YYYY-MM-DD': every date on every page is placed relative to it. */
  asOf: string;
  /** The day the web is visited, on or after asOf (daily.ts: what changed since); absent: asOf. */
  day?: string;
  /** Adds the registry site `hostile` whose home page links to hostile.sandbox.gov.cn traps. */
  hostile?: boolean;
}

/** One registry site, exactly the shape of content/sites.yaml entries. */
export interface SandboxSite {
  id: string;
  name: string;
  url: string;
  unit: string;
  region?: string;
  kind: 'portal' | 'department';
  siteCode: string;
  /** It keeps the column collecting every other website's 政府网站工作年度报表 (web.ts marks one portal in a small web). */
  collectsReports?: true;
}

/** One responsible unit, exactly the shape of content/units.yaml entries. */
export interface SandboxUnit {
  id: string;
  name: string;
  parent?: string;
}

/** One seeded defect the crawler should find (or, in `controls`, one it must not report). */
export interface TruthEntry {
  /** Registry id of the site. */
  site: string;
  /** Indicator id from indicators.md. */
  indicator: string;
  /** What is wrong: absolute URL, mark id, column name or home/board URL. */
  target: string;
  /** The page where it shows. */
  page: string;
  /** Why, in a few words. */
  note: string;
}

/** A place (city, county or district) that owns a portal and departments. */
export interface Place {
  /** 临河 */
  name: string;
  /** linhe: the host-name label and id prefix. */
  pinyin: string;
  /** 市, 县 or 区. */
  suffix: '市' | '县' | '区';
  level: 'city' | 'county';
  /** Six-digit administrative code, the first part of the 网站标识码. */
  adminCode: string;
  province: Province;
  /** Telephone area code, e.g. 0539. */
  areaCode: string;
  /** The city a county belongs to. */
  city: Place | null;
}

/** How one site is generated: enough to rebuild its model at any time. */
export interface SitePlan {
  index: number;
  host: string;
  place: Place;
  /** The department, or null for a portal. */
  dept: Dept | null;
  /** Index into the role table (which defects the site carries). */
  role: number;
  /** The robustness-test site. */
  hostile: boolean;
}

/** The generated web. */
export interface SandboxWeb {
  options: SandboxOptions;
  sites: SandboxSite[];
  units: SandboxUnit[];
  /** Seeded defects, sorted by site order, indicator, target. */
  truth: TruthEntry[];
  /** Known negatives: suspicious-looking things that must NOT be reported (ua-403 is "inconclusive"). */
  controls: TruthEntry[];
  /** Parallel to `sites`. */
  plans: SitePlan[];
  /** Lower-case host name → index into sites/plans. */
  hosts: Map<string, number>;
  /** Place pinyin → index of its portal (the portal's host may be non-standard). */
  portals: Map<string, number>;
  /**
   * Script-built sites that are up, in site order: site id → the parts its scripts write, e.g.
   * ['lists:xhr', 'footer:common-js', 'search:box', 'entry:frameset'] (README: Script-built sites).
   */
  scripted: Map<string, string[]>;
  /** Trap class (traps.ts) → the ids of the sites that carry it, in site order. */
  traps: Map<string, string[]>;
  /** The AAAA records of a host, as a DNS resolver for the crawl: see resolveAaaa. */
  resolveAaaa(host: string): string[];
  /** The NS records of a name (a zone cut), [] for any other name: see dns.ts. */
  resolveNs(name: string): string[];
}
