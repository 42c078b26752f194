import { z } from 'zod';

/** PostgreSQL cannot store NUL in text or jsonb; refuse it here rather than fail on write. */
export const safeString = () => z.string().refine((value) => !value.includes('\u0000'), 'contains a NUL character');
