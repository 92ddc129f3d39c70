// Injected faults, random throttling and added latency, and what each fault does to a response.
import { HOSTILITIES, type Hostility } from './hostilities.ts';
import { newRequestId } from './ids.ts';
import { jsonReply, type Reply, textReply } from './reply.ts';
import { StsError } from './sts-error.ts';
import { stsErrorReply } from './sts-xml.ts';
import type { Fault, FaultKind, FaultTarget } from './types.ts';

const TARGETS: readonly FaultTarget[] = ['sts', 'oidc', 'imds', 'container', 'rolesanywhere', 'sso'];
const KINDS: readonly FaultKind[] = [
  'throttle',
  'server-error',
  'drop',
  'delay',
  'hang',
  'idp-communication-error',
  'invalid-identity-token',
  'hostile',
];
const STS_ONLY: readonly FaultKind[] = ['idp-communication-error', 'invalid-identity-token'];

/** What happens to a request: an answer (possibly late), a dropped connection, or no answer at all. */
export type FaultEffect =
  | { kind: 'reply'; reply: Reply }
  | { kind: 'delay'; ms: number }
  | { kind: 'drop' | 'hang' }
  | { kind: 'hostile'; fault: Fault };

export class FaultBox {
  #queue: { fault: Fault; remaining: number }[] = [];
  latencyMs = 0;
  throttleRate = 0;
  /** Random throttling never refuses one caller more than this many times in a row. */
  #maxInARow = Number.POSITIVE_INFINITY;
  #inARow = new Map<string, number>();

  inject(fault: Fault): void {
    if (!TARGETS.includes(fault.target)) throw new Error(`Unknown fault target: ${String(fault.target)}`);
    if (!KINDS.includes(fault.kind)) throw new Error(`Unknown fault kind: ${String(fault.kind)}`);
    if (STS_ONLY.includes(fault.kind) && fault.target !== 'sts')
      throw new Error(`${fault.kind} applies to sts only`);
    if (!Number.isInteger(fault.count) || fault.count < 1)
      throw new Error('Fault count must be a positive integer');
    if (fault.kind === 'hostile' && !HOSTILITIES.includes(fault.hostility as Hostility))
      throw new Error(`Unknown hostility: ${String(fault.hostility)} (known: ${HOSTILITIES.join(', ')})`);
    if (fault.kind === 'delay' && !(Number(fault.delayMs) >= 0))
      throw new Error('A delay fault needs delayMs');
    this.#queue.push({ fault: { ...fault }, remaining: fault.count });
  }

  /** Removes queued faults and random throttling; latency stays. */
  clear(): void {
    this.#queue = [];
    this.setThrottleRate(0);
  }

  setLatency(ms: number): void {
    if (!(ms >= 0)) throw new Error('Latency must be a non-negative number of ms');
    this.latencyMs = ms;
  }

  /**
   * Throttles this share of STS calls at random. `maxInARow` caps the throttles one caller (its session
   * name, else its key) gets in a row, so a burst's outcome does not rest on a one-in-thousands draw.
   */
  setThrottleRate(rate: number, maxInARow = Number.POSITIVE_INFINITY): void {
    if (!(rate >= 0 && rate <= 1)) throw new Error('Throttle rate must be between 0 and 1');
    if (!(maxInARow >= 0)) throw new Error('maxInARow must be a non-negative number');
    this.throttleRate = rate;
    this.#maxInARow = maxInARow;
    this.#inARow.clear();
  }

  /** The fault this request gets, if any, using up one of its count. */
  take(target: FaultTarget, action: string | undefined, caller = ''): Fault | undefined {
    const entry = this.#queue.find(
      ({ fault }) => fault.target === target && (fault.action === undefined || fault.action === action),
    );
    if (entry) {
      entry.remaining -= 1;
      if (entry.remaining <= 0) this.#queue.splice(this.#queue.indexOf(entry), 1);
      return entry.fault;
    }
    if (target === 'sts' && this.throttleRate > 0) return this.#randomThrottle(caller);
    return undefined;
  }

  #randomThrottle(caller: string): Fault | undefined {
    const inARow = this.#inARow.get(caller) ?? 0;
    if (inARow < this.#maxInARow && Math.random() < this.throttleRate) {
      this.#inARow.set(caller, inARow + 1);
      return { target: 'sts', kind: 'throttle', count: 1 };
    }
    this.#inARow.delete(caller);
    return undefined;
  }
}

export function faultEffect(fault: Fault): FaultEffect {
  const sts = (error: StsError): FaultEffect => ({
    kind: 'reply',
    reply: stsErrorReply(error, newRequestId()),
  });
  switch (fault.kind) {
    case 'drop':
    case 'hang':
      return { kind: fault.kind };
    case 'hostile':
      return { kind: 'hostile', fault };
    case 'delay':
      return { kind: 'delay', ms: fault.delayMs ?? 0 };
    case 'throttle':
      if (fault.target === 'sts') return sts(new StsError('Throttling', 'Rate exceeded'));
      if (fault.target === 'rolesanywhere') {
        const reply = jsonReply(429, { message: 'Rate exceeded' }, 'ThrottlingException');
        return {
          kind: 'reply',
          reply: { ...reply, headers: { ...reply.headers, 'x-amzn-errortype': 'ThrottlingException' } },
        };
      }
      return { kind: 'reply', reply: textReply(429, 'Too Many Requests', 'Throttling') };
    case 'server-error': {
      const status = fault.status ?? 500;
      if (fault.target !== 'sts') return { kind: 'reply', reply: serverError(fault.target, status) };
      if (status === 503)
        return sts(new StsError('ServiceUnavailable', 'Service is unavailable. Please retry.'));
      return sts(
        new StsError(
          'InternalFailure',
          'The request processing has failed because of an unknown error, exception or failure.',
        ),
      );
    }
    case 'idp-communication-error':
      return sts(
        new StsError(
          'IDPCommunicationError',
          'The request could not be fulfilled because the identity provider (IDP) that was asked ' +
            'to verify the incoming identity token could not be reached.',
        ),
      );
    case 'invalid-identity-token':
      return sts(
        new StsError(
          'InvalidIdentityToken',
          "Couldn't retrieve verification key from your identity provider,  " +
            'please reference AssumeRoleWithWebIdentity documentation for requirements',
        ),
      );
  }
}

function serverError(target: FaultTarget, status: number): Reply {
  const code = status === 503 ? 'ServiceUnavailable' : 'InternalServerError';
  if (target === 'imds') return textReply(status, code, code);
  return jsonReply(status, { message: code }, code);
}
