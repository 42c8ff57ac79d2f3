/**
 * Seeds of a batch. The seed of replication k is a hash of (master seed, k), never a function
 * of run order, so replication k of every scenario and parameter point gets the same seed
 * (common random numbers) and results do not depend on worker count, run order or sharding.
 *
 * Pure: no Node imports, so the core, the CLI and the workers share it.
 */

/** MurmurHash3's 32-bit finaliser: a bijection on uint32 with full avalanche. */
function fmix32(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const MAX_UINT32 = 0xffffffff;

function checkUint32(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0 || value > MAX_UINT32) {
    throw new RangeError(`deriveSeed: ${name} must be an integer between 0 and ${MAX_UINT32}, got ${value}`);
  }
}

/**
 * The seed (a uint32) of replication `replication` of a batch with master seed `masterSeed`:
 * `fmix32(fmix32(masterSeed ^ 0x5bd1e995) + replication * 0x9e3779b9 mod 2^32)`.
 *
 * For a fixed master seed the map replication → seed is a bijection on uint32 (an odd
 * multiplier, an addition and fmix32 are all invertible mod 2^32), so two replications of one
 * batch never share a seed, however many there are.
 */
export function deriveSeed(masterSeed: number, replication: number): number {
  checkUint32('masterSeed', masterSeed);
  checkUint32('replication', replication);
  const base = fmix32((masterSeed ^ 0x5bd1e995) >>> 0);
  return fmix32((base + Math.imul(replication, 0x9e3779b9)) >>> 0);
}
