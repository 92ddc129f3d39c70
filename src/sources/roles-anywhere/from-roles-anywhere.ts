import { InputError } from '../../errors.ts';
import type { Identity } from '../../identity.ts';
import type { Logger } from '../../logger.ts';
import type { SourceContext, SourceProvider } from '../source.ts';
import { parseRolesAnywhereArn } from './arns.ts';
import { checkCredentials, describeCertificate } from './certificate-checks.ts';
import { type CreateSessionParameters, createSession } from './create-session.ts';
import { diagnoseCreateSession } from './diagnose-refusal.ts';
import { rolesAnywhereEndpoint } from './endpoint.ts';
import { RolesAnywhereInputs as Names } from './names.ts';
import { readCertificateChain, readPrivateKey } from './pem-inputs.ts';
import { X509RequestSigner } from './x509-signer.ts';

export interface RolesAnywhereOptions {
  /** PEM: the end-entity certificate, then any intermediates. */
  readonly certificate?: string;
  /** PEM private key; held in memory only. */
  readonly privateKey?: string;
  readonly passphrase?: string;
  readonly trustAnchorArn?: string;
  readonly profileArn?: string;
  /** The role CreateSession assumes: the first ARN of role-arn. */
  readonly roleArn?: string;
  readonly durationSeconds: number;
  /** Only when the session name was given explicitly. */
  readonly roleSessionName?: string;
  /** The region STS and the exports use; only compared with the trust anchor's, for the debug log. */
  readonly region?: string;
}

/** Registers every line of a PEM secret: the runner masks multi-line values line by line. */
export function maskPem(logger: Logger, pem: string | undefined): void {
  for (const line of (pem ?? '').split(/\r?\n/)) {
    const text = line.trim();
    if (text && !text.startsWith('-----') && !/^(Proc-Type|DEK-Info):/.test(text)) logger.mask(text);
  }
}

/**
 * IAM Roles Anywhere: exchanges an X.509 certificate and its key, both held in memory, for a role session
 * with one CreateSession call. Every check that can fail without the network runs first.
 */
export function fromRolesAnywhere(
  context: SourceContext,
  options: RolesAnywhereOptions,
  now: () => Date = () => new Date(),
): SourceProvider {
  const { logger } = context;
  maskPem(logger, options.privateKey);
  if (options.passphrase) logger.mask(options.passphrase);

  const prepare = () => {
    const required = (value: string | undefined, input: string, fix: string) => {
      if (value?.trim()) return value;
      throw new InputError(input, 'it is required with source roles-anywhere', fix);
    };
    const certificatePem = required(
      options.certificate,
      Names.certificate,
      'Give the PEM certificate, e.g. from a secret',
    );
    const keyPem = required(
      options.privateKey,
      Names.privateKey,
      'Give the PEM private key, e.g. from a secret',
    );
    const roleArn = required(
      options.roleArn,
      Names.roleArn,
      'Give the role CreateSession assumes as the first role-arn',
    );
    const anchor = parseRolesAnywhereArn(options.trustAnchorArn, 'trust-anchor');
    parseRolesAnywhereArn(options.profileArn, 'profile');
    const chain = readCertificateChain(certificatePem);
    const signingKey = readPrivateKey(keyPem, options.passphrase);
    checkCredentials(chain, signingKey.key, now());
    const endpoint = rolesAnywhereEndpoint(anchor.region, anchor.partition, context.env);
    const [leaf] = chain;
    if (!leaf) throw new Error('readCertificateChain returned no certificate');
    logger.debug(`roles-anywhere: endpoint ${endpoint.url.origin} (${endpoint.reason})`);
    logger.debug(
      `roles-anywhere: ${signingKey.algorithm}, ${chain.length - 1} intermediate(s), ${describeCertificate(leaf).join('; ')}`,
    );
    if (options.region && options.region !== anchor.region) {
      logger.debug(
        `roles-anywhere: CreateSession is signed for the trust anchor's region ${anchor.region}; STS and the exports use ${options.region}`,
      );
    }
    const parameters: CreateSessionParameters = {
      trustAnchorArn: options.trustAnchorArn as string,
      profileArn: options.profileArn as string,
      roleArn,
      durationSeconds: options.durationSeconds,
      roleSessionName: options.roleSessionName,
    };
    const signer = new X509RequestSigner(anchor.region, signingKey, chain);
    return { parameters, signer, endpoint: endpoint.url, leaf };
  };

  let prepared: ReturnType<typeof prepare> | undefined;
  const fetchIdentity = async (): Promise<Identity> => {
    prepared ??= prepare();
    const { parameters, signer, endpoint, leaf } = prepared;
    try {
      return await createSession(parameters, {
        endpoint,
        signer,
        agents: context.proxyAgents,
        retry: context.retry,
        logger,
        now,
      });
    } catch (error) {
      throw diagnoseCreateSession(error, parameters, leaf, endpoint);
    }
  };
  return async () => ({ kind: 'credentials', identity: await fetchIdentity(), renew: fetchIdentity });
}
