// Helpers shared by the commands' argument parsers.
import { InputError } from '../registry/yaml-file.ts';

/** A --name value that must be a whole number ≥ min; undefined when the switch is absent. */
export function wholeNumber(name: string, v: string | undefined, min: number): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v) || Number(v) < min) throw new InputError(`--${name} must be a whole number ≥ ${min}, got "${v}"`);
  return Number(v);
}
