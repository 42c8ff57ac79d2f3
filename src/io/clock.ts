/**
 * The one clock of regiosim's outputs: the timestamps of manifests (when a run was written, a
 * batch started, resumed or finished). The model never reads it. With SOURCE_DATE_EPOCH set
 * (seconds since 1970, the reproducible-builds convention) every timestamp is that moment, so a
 * whole output tree can be byte-identical across machines and days.
 */
export function nowIso(): string {
  const epoch = process.env['SOURCE_DATE_EPOCH'];
  if (epoch !== undefined && /^\d{1,12}$/.test(epoch.trim())) return new Date(Number(epoch.trim()) * 1000).toISOString();
  return new Date().toISOString();
}
