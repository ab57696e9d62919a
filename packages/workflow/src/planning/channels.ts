/**
 * Where a recruitment is announced (domain: banners, billboards, the branch, regency/city and
 * kelurahan offices, social media). Like the reason codes the list is versioned: reports group
 * registrations by code, so a code is never renamed or reused; a new list gets a new version and
 * a period keeps the version its channels were chosen from. Names: `text/labels.ts` (`channel.*`).
 */
import { z } from 'zod';

export const ANNOUNCEMENT_CHANNELS = [
  'BANNER',
  'BILLBOARD',
  'BRANCH_OFFICE',
  'REGENCY_OFFICE',
  'KELURAHAN_OFFICE',
  'SOCIAL_MEDIA',
  'OTHER',
] as const;
export const ANNOUNCEMENT_CHANNELS_VERSION = 1;
export type AnnouncementChannel = (typeof ANNOUNCEMENT_CHANNELS)[number];

/** One code of the list; anything else is "choose from the list". */
export const channelSchema = z.enum(ANNOUNCEMENT_CHANNELS, { error: 'CHANNEL_CHOOSE' });

/** `periods.setChannels`: the channels a period was announced on, each once, in the list's order. */
export const setChannelsSchema = z.object({
  periodId: z.number().int().positive(),
  revision: z.number().int().min(1),
  channels: z
    .array(channelSchema)
    .transform((codes) => ANNOUNCEMENT_CHANNELS.filter((c) => codes.includes(c)))
    .pipe(z.array(channelSchema)),
});
export type SetChannelsInput = z.output<typeof setChannelsSchema>;
