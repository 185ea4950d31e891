// The office's registry of government new media accounts (content/media.yaml): they cannot be
// crawled here, so inspectors check them by hand and record what they find (content/manual/).
import { z } from 'astro/zod';
import { isoDateSchema } from './findings.ts';
import { idSchema } from './registry.ts';

/** Platforms, with the names a notice uses. */
export const MEDIA_PLATFORMS = {
  wechat: '微信',
  weibo: '微博',
  douyin: '抖音',
  kuaishou: '快手',
  toutiao: '今日头条',
  app: '移动客户端',
  other: '其他',
} as const;

/** One account (one entry of content/media.yaml). */
export const mediaAccountSchema = z.strictObject({
  /** Stable ASCII id, used in records and URLs. */
  id: idSchema,
  /** The account's name as shown on the platform, e.g. 临河发布. */
  name: z.string().trim().min(1),
  /** Where it is published. */
  platform: z.enum(Object.keys(MEDIA_PLATFORMS) as [keyof typeof MEDIA_PLATFORMS, ...Array<keyof typeof MEDIA_PLATFORMS>]),
  /** Id of the owning unit in content/units.yaml. */
  unit: idSchema,
  /** Filed in the national new media reporting system (全国政务新媒体信息报送系统); false is itself a finding (未备案). */
  registered: z.boolean(),
  /** The day the account stopped publishing, when it has; it must then be deregistered (注销). */
  closed: isoDateSchema.optional(),
});
export type MediaAccount = z.infer<typeof mediaAccountSchema>;
