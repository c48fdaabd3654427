/**
 * AWS Regions where IAM Identity Center runs (an organisation's SSO region is one of them).
 * Source: the AWS General Reference, "IAM Identity Center endpoints and quotas".
 */
export const SSO_REGIONS = [
  'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2',
  'af-south-1',
  'ap-east-1', 'ap-south-1', 'ap-south-2',
  'ap-southeast-1', 'ap-southeast-2', 'ap-southeast-3', 'ap-southeast-4', 'ap-southeast-5', 'ap-southeast-7',
  'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3',
  'ca-central-1', 'ca-west-1',
  'eu-central-1', 'eu-central-2', 'eu-west-1', 'eu-west-2', 'eu-west-3', 'eu-south-1', 'eu-south-2', 'eu-north-1',
  'il-central-1', 'me-south-1', 'me-central-1', 'mx-central-1', 'sa-east-1',
  'us-gov-west-1', 'us-gov-east-1',
  'cn-north-1', 'cn-northwest-1',
] as const;

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
export function suggestRegion(value: string): string | undefined {
  const normalised = value.trim().toLowerCase().replace(/_/g, '-');
  let best: { region: string; distance: number } | undefined;
  for (const region of SSO_REGIONS) {
    const distance = editDistance(normalised, region);
    if (!best || distance < best.distance) best = { region, distance };
  }
  return best && best.distance <= 3 ? best.region : undefined;
}
