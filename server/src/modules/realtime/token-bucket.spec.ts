import { describe, expect, it } from 'vitest';
import { TokenBucket } from './token-bucket.js';

describe('TokenBucket', () => {
  it('lets a burst through, then refills at the rate', () => {
    let now = 0;
    const bucket = new TokenBucket(20, 40, () => now);
    const first = Array.from({ length: 45 }, () => bucket.take());
    expect(first.filter(Boolean)).toHaveLength(40);

    now += 100;
    const afterTenthOfSecond = Array.from({ length: 5 }, () => bucket.take());
    expect(afterTenthOfSecond).toEqual([true, true, false, false, false]);
  });

  it('never stores more than the burst', () => {
    let now = 0;
    const bucket = new TokenBucket(20, 40, () => now);
    now += 60_000;
    expect(Array.from({ length: 41 }, () => bucket.take()).filter(Boolean)).toHaveLength(40);
  });
});
