import { SourceError } from '../../errors.ts';
import { ROLES_ANYWHERE_ENDPOINT_ENV } from './names.ts';

const GENERIC_ENDPOINT_ENV = 'AWS_ENDPOINT_URL';
const FIPS_ENV = 'AWS_USE_FIPS_ENDPOINT';
/** DNS suffixes of the partitions where IAM Roles Anywhere runs. */
const DOMAINS: Record<string, string> = {
  aws: 'amazonaws.com',
  'aws-us-gov': 'amazonaws.com',
  'aws-cn': 'amazonaws.com.cn',
};

export interface ChosenEndpoint {
  readonly url: URL;
  /** One line for the debug log: where the endpoint came from. */
  readonly reason: string;
}

/**
 * Where CreateSession goes: AWS_ENDPOINT_URL_ROLESANYWHERE, else AWS_ENDPOINT_URL, else the regional
 * endpoint of the trust anchor's region and partition (FIPS with AWS_USE_FIPS_ENDPOINT=true).
 */
export function rolesAnywhereEndpoint(
  region: string,
  partition: string,
  env: NodeJS.ProcessEnv,
): ChosenEndpoint {
  for (const name of [ROLES_ANYWHERE_ENDPOINT_ENV, GENERIC_ENDPOINT_ENV]) {
    const value = env[name];
    if (value) return { url: endpointUrl(value, name), reason: `from ${name}` };
  }
  const domain = DOMAINS[partition];
  if (!domain) {
    throw new SourceError(
      'roles-anywhere',
      `no IAM Roles Anywhere endpoint is known for partition ${partition}`,
      `Set ${ROLES_ANYWHERE_ENDPOINT_ENV} to the endpoint of region ${region}`,
    );
  }
  const fips = env[FIPS_ENV]?.toLowerCase() === 'true';
  const host = `rolesanywhere${fips ? '-fips' : ''}.${region}.${domain}`;
  const reason = `the trust anchor's region ${region}${fips ? ` (FIPS, from ${FIPS_ENV})` : ''}`;
  return { url: new URL(`https://${host}/`), reason };
}

function endpointUrl(value: string, name: string): URL {
  const url = URL.parse(value);
  if (url && (url.protocol === 'https:' || url.protocol === 'http:') && !url.username && !url.password) {
    return url;
  }
  throw new SourceError(
    'roles-anywhere',
    `${name} is not an http or https URL without credentials`,
    `Correct ${name}, e.g. https://rolesanywhere.eu-west-1.amazonaws.com`,
  );
}
