import type { X509Certificate } from 'node:crypto';
import type { Identity } from '../../identity.ts';
import type { SourceContext, SourceProvider } from '../source.ts';
import { parseRolesAnywhereArn } from './arns.ts';
import { checkCredentials, describeCertificate } from './certificate-checks.ts';
import { type CreateSessionParameters, createSession } from './create-session.ts';
import { diagnoseCreateSession } from './diagnose-refusal.ts';
import { rolesAnywhereEndpoint } from './endpoint.ts';
import { maskPem, type PemValue, type RolesAnywhereSettings } from './inputs.ts';
import { RolesAnywhereInputs as Names } from './names.ts';
import { readCertificateChain, readPrivateKey } from './pem-inputs.ts';
import { readPemFile } from './read-pem-file.ts';
import { X509RequestSigner } from './x509-signer.ts';

export interface RolesAnywhereOptions extends RolesAnywhereSettings {
  /** The role CreateSession assumes: the first ARN of role-arn. */
  readonly roleArn: string;
  readonly durationSeconds: number;
  /** Only when the session name was given explicitly: the profile must accept it. */
  readonly roleSessionName?: string;
  /** The region STS and the exports use; only compared with the trust anchor's, for the debug log. */
  readonly region?: string;
}

interface Prepared {
  readonly parameters: CreateSessionParameters;
  readonly signer: X509RequestSigner;
  readonly endpoint: URL;
  readonly leaf: X509Certificate;
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
  if ('text' in options.privateKey) maskPem(logger, options.privateKey.text);
  if (options.passphrase) logger.mask(options.passphrase);

  const read = async (value: PemValue, input: string) => {
    if ('text' in value) return value.text;
    const isKey = input === Names.privateKey;
    if (isKey) logger.mask(value.path); // a key given without its PEM lines is taken for a path
    const text = await readPemFile(value.path, input, !isKey);
    if (isKey) maskPem(logger, text);
    return text;
  };

  const prepare = async (): Promise<Prepared> => {
    const anchor = parseRolesAnywhereArn(options.trustAnchorArn, 'trust-anchor');
    parseRolesAnywhereArn(options.profileArn, 'profile');
    const keyPem = await read(options.privateKey, Names.privateKey);
    const chain = readCertificateChain(await read(options.certificate, Names.certificate));
    const signingKey = readPrivateKey(keyPem, options.passphrase);
    checkCredentials(chain, signingKey.key, now());
    const endpoint = rolesAnywhereEndpoint(anchor.region, anchor.partition, context.env);
    const leaf = chain[0] as X509Certificate;
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
      trustAnchorArn: options.trustAnchorArn,
      profileArn: options.profileArn,
      roleArn: options.roleArn,
      durationSeconds: options.durationSeconds,
      roleSessionName: options.roleSessionName,
    };
    return {
      parameters,
      signer: new X509RequestSigner(anchor.region, signingKey, chain),
      endpoint: endpoint.url,
      leaf,
    };
  };

  let prepared: Promise<Prepared> | undefined;
  const fetchIdentity = async (): Promise<Identity> => {
    prepared ??= prepare();
    const { parameters, signer, endpoint, leaf } = await prepared;
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
  return async () => {
    const identity = await fetchIdentity();
    return { kind: 'credentials', identity, renew: fetchIdentity, arnIssued: identity.arn !== undefined };
  };
}
