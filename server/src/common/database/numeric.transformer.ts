import type { ValueTransformer } from 'typeorm';

/** pg returns numeric as a string to keep precision; amounts here fit a double exactly to the fen. */
export const numericTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
