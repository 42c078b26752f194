import { z } from 'zod';

/** A yes/no query-string parameter: `?mine=true`, `?mine=1`, or absent. */
export const queryFlagSchema = z
  .union([z.boolean(), z.enum(['true', 'false', '1', '0'])])
  .transform((value) => value === true || value === 'true' || value === '1')
  .optional();
