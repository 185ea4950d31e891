// The scoring rules file, content/rules.yaml.
import { z } from 'astro/zod';

/** One indicator's settings. */
export const indicatorConfigSchema = z.strictObject({
  /** Switched-off indicators are not checked at all. */
  enabled: z.boolean().default(true),
  /** Most points the indicator's findings can cost together; absent for vetoes and advice. */
  cap: z.number().min(0).optional(),
  /** Named point values the rule reads, e.g. home: 0.2. */
  points: z.record(z.string(), z.number().min(0)).default({}),
});

/** content/rules.yaml */
export const rulesConfigSchema = z.strictObject({
  /** A score below this fails. National default 60. */
  passLine: z.number().min(0).max(100),
  /** Settings per indicator id. */
  indicators: z.record(z.string(), indicatorConfigSchema),
});
export type RulesConfig = z.infer<typeof rulesConfigSchema>;
export type IndicatorConfig = z.infer<typeof indicatorConfigSchema>;
