import { AwsEnv, Inputs } from '../constants.ts';
import { InputError } from '../errors.ts';
import { quote } from './quote.ts';
import { fromEnv } from './read-inputs.ts';
import { REGION } from './rules.ts';

/** The region: the input, else AWS_REGION, else AWS_DEFAULT_REGION, else undefined (STS uses us-east-1). */
export function parseRegion(value: string | undefined, env: NodeJS.ProcessEnv): string | undefined {
  const found =
    value === undefined
      ? fromEnv(env, [AwsEnv.region, AwsEnv.defaultRegion], Inputs.region)
      : { value, origin: undefined };
  if (found === undefined || REGION.test(found.value)) return found?.value;
  const from = found.origin ? ` (from ${found.origin})` : '';
  const orFix = found.origin ? `, or correct ${found.origin}` : '';
  throw new InputError(
    Inputs.region,
    `${quote(found.value)}${from} is not a region name`,
    `Give a region such as us-east-1, eu-west-2, cn-north-1 or us-gov-west-1${orFix}`,
  );
}

/** A custom STS endpoint: the input, else AWS_ENDPOINT_URL_STS, else AWS_ENDPOINT_URL; http(s) only. */
export function parseStsEndpoint(value: string | undefined, env: NodeJS.ProcessEnv): string | undefined {
  const found =
    value === undefined
      ? fromEnv(env, [AwsEnv.endpointUrlSts, AwsEnv.endpointUrl], Inputs.stsEndpoint)
      : { value, origin: undefined };
  if (found === undefined) return undefined;
  const from = found.origin ? ` (from ${found.origin})` : '';
  const fix = `Give an http or https URL such as https://sts.us-east-1.amazonaws.com${found.origin ? `, or correct ${found.origin}` : ''}`;
  const url = URL.parse(found.value);
  if (url === null)
    throw new InputError(Inputs.stsEndpoint, `${quote(found.value)}${from} is not a URL`, fix);
  if (url.username !== '' || url.password !== '')
    throw new InputError(
      Inputs.stsEndpoint,
      `the URL${from} contains a user name or password`,
      `${fix}, without credentials in it`,
    );
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new InputError(
      Inputs.stsEndpoint,
      `${quote(found.value)}${from} uses ${quote(url.protocol.replace(/:$/, ''))}, not http or https`,
      fix,
    );
  return found.value;
}
