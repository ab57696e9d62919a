import { getRegionDataset, REGION_LEVELS, type Region, regionChain, searchRegions } from '@kader/db';
import { fieldMsg, msg } from '@kader/workflow';
import { z } from 'zod';
import type { Context } from '../../context';
import { DomainError } from '../../errors';

/** At most this many answers a search: the picker shows a short list and the user types more. */
export const REGION_SEARCH_LIMIT = 20;

/** A dotted Kemendagri code of any level: `35`, `35.77`, `35.77.01`, `35.77.01.1001`. */
const regionCodeSchema = z
  .string()
  .trim()
  .regex(/^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/);

export const regionSearchSchema = z.object({
  level: z.enum(REGION_LEVELS),
  parentCode: regionCodeSchema.optional(),
  query: z.string().max(100),
  limit: z.number().int().min(1).max(REGION_SEARCH_LIMIT).default(10),
});

export const regionCodeInputSchema = z.object({ code: regionCodeSchema });

/** Refused when the table is empty: the server loads it at start, so only a database never started lacks it. */
function assertLoaded(ctx: Context) {
  if (!getRegionDataset(ctx.handle.db)) throw new DomainError('VALIDATION', msg('REGIONS_NOT_LOADED'));
}

/** `regions.search`: the regions of a level whose name contains the query, names starting with it first. */
export function searchRegionsOf({ ctx, input }: { ctx: Context; input: z.output<typeof regionSearchSchema> }): Region[] {
  assertLoaded(ctx);
  return searchRegions(ctx.handle.db, input);
}

/** The province, regency/city, district and village (as deep as the code goes) of one code. */
export type RegionChain = Partial<Record<Region['level'], { code: string; name: string }>>;

export function chainView(chain: Region[]): RegionChain {
  return Object.fromEntries(chain.map((r) => [r.level, { code: r.code, name: r.name }]));
}

/** `regions.chain`: one code with the regions above it; an unknown code is refused naming the field. */
export function regionChainOf({ ctx, input }: { ctx: Context; input: z.output<typeof regionCodeInputSchema> }): RegionChain {
  assertLoaded(ctx);
  const chain = regionChain(ctx.handle.db, input.code);
  if (!chain) {
    const unknown = msg('REGION_CODE_UNKNOWN', { code: input.code });
    throw new DomainError('VALIDATION', unknown, { fields: [fieldMsg('code', 'REGION_CODE_UNKNOWN', { code: input.code })] });
  }
  return chainView(chain);
}
