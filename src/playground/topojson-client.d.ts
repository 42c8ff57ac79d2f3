/** The part of topojson-client's API the playground uses (the package ships no types). */
declare module 'topojson-client' {
  export function feature(topology: unknown, object: unknown): { type: 'FeatureCollection'; features: { type: 'Feature'; id?: string | number; properties?: Record<string, unknown>; geometry: { type: string; coordinates: unknown } | null }[] };
}
