// Where a check runs from (a "vantage"): a name the office gives each place it checks from
// (`--vantage NAME` or GOV_PORTAL_VANTAGE), recorded in findings files and probe records and
// listed in rules.yaml's trustedVantages. One name check and one trust test for every writer and reader.
import { idSchema } from './registry.ts';

/**
 * A vantage's name, e.g. city-intranet or github-hosted: an id like a site's (STYLE 7). It is
 * compared byte for byte with rules.yaml's list, so "City-Intranet" or "city intranet", which
 * would silently never be trusted, is refused where it is given.
 */
export const vantageNameSchema = idSchema;

/**
 * Whether network failures seen from `vantage` may count against a site: rules.yaml's
 * trustedVantages holds it, or lists none (then every vantage counts, the unnamed one too).
 */
export function isTrustedVantage(trustedVantages: readonly string[] | undefined, vantage: string | undefined): boolean {
  return !trustedVantages || (vantage !== undefined && trustedVantages.includes(vantage));
}
