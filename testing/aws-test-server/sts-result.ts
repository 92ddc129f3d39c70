// The result elements shared by AssumeRole and AssumeRoleWithWebIdentity.
import type { IssuedCredentials } from './credential-store.ts';
import { isoSeconds } from './ids.ts';
import type { XmlContent } from './sts-xml.ts';

export function credentialsXml(issued: IssuedCredentials): XmlContent {
  return {
    AccessKeyId: issued.accessKeyId,
    SecretAccessKey: issued.secretAccessKey,
    SessionToken: issued.sessionToken,
    Expiration: issued.expiresAt === undefined ? undefined : isoSeconds(issued.expiresAt),
  };
}

export function assumedRoleUserXml(issued: IssuedCredentials): XmlContent {
  return { AssumedRoleId: issued.principal.userId, Arn: issued.principal.arn };
}
