// IAM Roles Anywhere trust anchors (a CA certificate each) and profiles, as tests configure them.
import { randomUUID, X509Certificate } from 'node:crypto';

const DEFAULT_REGION = 'us-east-1';
const DEFAULT_ACCOUNT = '111111111111';

export interface ProfileOptions {
  /** Roles the profile may hand out; any role when left out. */
  roleArns?: string[];
  /** Whether CreateSession may name the role session (roleSessionName). */
  acceptRoleSessionName?: boolean;
  /** The longest session the profile grants (default 3600, as AWS's default). */
  durationSeconds?: number;
}

export interface TrustAnchorOptions {
  region?: string;
  accountId?: string;
  profile?: ProfileOptions;
}

export interface TrustAnchor {
  arn: string;
  region: string;
  ca: X509Certificate;
}

export interface Profile extends ProfileOptions {
  arn: string;
  region: string;
}

export interface CreatedTrustAnchor {
  trustAnchorArn: string;
  profileArn: string;
}

export class RolesAnywhereRegistry {
  #anchors = new Map<string, TrustAnchor>();
  #profiles = new Map<string, Profile>();

  /** A trust anchor for `caPem` and a profile next to it, in one region and account. */
  add(caPem: string, options: TrustAnchorOptions = {}): CreatedTrustAnchor {
    const ca = new X509Certificate(caPem);
    if (!ca.ca) throw new Error('The trust anchor certificate is not a CA certificate');
    const region = options.region ?? DEFAULT_REGION;
    const prefix = `arn:${region.startsWith('cn-') ? 'aws-cn' : 'aws'}:rolesanywhere:${region}:${options.accountId ?? DEFAULT_ACCOUNT}`;
    const anchor: TrustAnchor = { arn: `${prefix}:trust-anchor/${randomUUID()}`, region, ca };
    const profile: Profile = { ...options.profile, arn: `${prefix}:profile/${randomUUID()}`, region };
    this.#anchors.set(anchor.arn, anchor);
    this.#profiles.set(profile.arn, profile);
    return { trustAnchorArn: anchor.arn, profileArn: profile.arn };
  }

  anchor(arn: string): TrustAnchor | undefined {
    return this.#anchors.get(arn);
  }

  profile(arn: string): Profile | undefined {
    return this.#profiles.get(arn);
  }
}
