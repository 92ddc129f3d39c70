// Every key the server has issued, so later calls signed with it can be authenticated.
import { assumedRoleArn, parseIamArn, parseRoleArn } from './arn.ts';
import { newAccessKeyId, newSecretAccessKey, newSessionToken, stableId } from './ids.ts';

export interface Principal {
  arn: string;
  accountId: string;
  userId: string;
  /** For role sessions: the IAM role behind the session. */
  roleArn?: string;
  sourceIdentity?: string;
}

export interface IssuedCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  /** Present for role sessions only. */
  sessionToken?: string;
  issuedAt: number;
  expiresAt?: number;
  principal: Principal;
}

export interface SessionRequest {
  roleArn: string;
  sessionName: string;
  lifetimeMs: number;
  sourceIdentity?: string;
}

export class CredentialStore {
  #byKeyId = new Map<string, IssuedCredentials>();

  issueUserKeys(arn: string): IssuedCredentials {
    const parsed = parseIamArn(arn);
    if (!parsed) throw new Error(`Not an IAM principal ARN: ${arn}`);
    const userId = parsed.resource === 'root' ? parsed.accountId : stableId('AIDA', arn);
    const credentials: IssuedCredentials = {
      accessKeyId: newAccessKeyId('AKIA'),
      secretAccessKey: newSecretAccessKey(),
      issuedAt: Date.now(),
      principal: { arn, accountId: parsed.accountId, userId },
    };
    this.#byKeyId.set(credentials.accessKeyId, credentials);
    return credentials;
  }

  issueSession(request: SessionRequest): IssuedCredentials {
    const role = parseRoleArn(request.roleArn);
    if (!role) throw new Error(`Not a role ARN: ${request.roleArn}`);
    const now = Date.now();
    const credentials: IssuedCredentials = {
      accessKeyId: newAccessKeyId('ASIA'),
      secretAccessKey: newSecretAccessKey(),
      sessionToken: newSessionToken(),
      issuedAt: now,
      expiresAt: now + request.lifetimeMs,
      principal: {
        arn: assumedRoleArn(role, request.sessionName),
        accountId: role.accountId,
        userId: `${stableId('AROA', request.roleArn)}:${request.sessionName}`,
        roleArn: request.roleArn,
        sourceIdentity: request.sourceIdentity,
      },
    };
    this.#byKeyId.set(credentials.accessKeyId, credentials);
    return credentials;
  }

  lookup(accessKeyId: string): IssuedCredentials | undefined {
    return this.#byKeyId.get(accessKeyId);
  }
}
