/**
 * Region names, from the partition data the AWS SDK ships (the endpoint rule sets'
 * `partitions`: each partition's `regionRegex` and its known `regions`), not a list we
 * maintain: a region AWS opens reaches us with an SDK update. docs/compat.md §D2.
 */

/** What the SDK's partitions say about region names. */
export interface Partitions {
  /** Every region some partition lists (its `*-global` pseudo-regions excluded). */
  readonly known: readonly string[];
  /** Each partition's `regionRegex`: the shape of its region names, today's and tomorrow's. */
  readonly patterns: readonly RegExp[];
}

/** The data as `@aws-sdk/core` has it (the `partitions.json` of the endpoint rule sets). */
export interface PartitionsData {
  partitions: ReadonlyArray<{ regionRegex: string; regions: Readonly<Record<string, unknown>> }>;
}

export function partitionsFrom(data: PartitionsData): Partitions {
  const patterns = data.partitions.map((p) => new RegExp(p.regionRegex));
  const known = data.partitions.flatMap((p) => {
    const pattern = new RegExp(p.regionRegex);
    return Object.keys(p.regions).filter((r) => pattern.test(r));
  });
  return { known, patterns };
}

let loaded: Promise<Partitions> | undefined;

/**
 * The SDK's partition data, imported on first use (only the commands that validate a
 * region pay for it). `#aws-partitions` (package.json "imports") names the module in
 * `@aws-sdk/core` that holds it; the package exports only the `partition()` lookup.
 */
export function loadPartitions(): Promise<Partitions> {
  return (loaded ??= import('#aws-partitions').then((m) => partitionsFrom(m.partitionsInfo)));
}

/** `known`: a region the SDK lists; `unknown`: shaped like one of a partition's regions; `invalid`: neither. */
export type RegionKind = 'known' | 'unknown' | 'invalid';

export function classifyRegion(partitions: Partitions, value: string): RegionKind {
  if (partitions.known.includes(value)) return 'known';
  return partitions.patterns.some((p) => p.test(value)) ? 'unknown' : 'invalid';
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}

/** The closest known region to a mistyped one (`ap-northeast1` → `ap-northeast-1`), if any is close. */
export function suggestRegion(partitions: Partitions, value: string): string | undefined {
  const normalised = value.trim().toLowerCase().replace(/_/g, '-');
  let best: { region: string; distance: number } | undefined;
  for (const region of partitions.known) {
    const distance = editDistance(normalised, region);
    if (!best || distance < best.distance) best = { region, distance };
  }
  return best && best.distance <= 3 ? best.region : undefined;
}
