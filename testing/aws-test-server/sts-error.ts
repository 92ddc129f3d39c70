// STS errors with the status code and fault type real STS sends for each code.

const ERROR_SHAPES = {
  AccessDenied: { status: 403, type: 'Sender' },
  ExpiredToken: { status: 403, type: 'Sender' },
  InvalidClientTokenId: { status: 403, type: 'Sender' },
  MissingAuthenticationToken: { status: 403, type: 'Sender' },
  SignatureDoesNotMatch: { status: 403, type: 'Sender' },
  ExpiredTokenException: { status: 400, type: 'Sender' },
  IDPCommunicationError: { status: 400, type: 'Sender' },
  IncompleteSignature: { status: 400, type: 'Sender' },
  InvalidAction: { status: 400, type: 'Sender' },
  InvalidIdentityToken: { status: 400, type: 'Sender' },
  MalformedPolicyDocument: { status: 400, type: 'Sender' },
  PackedPolicyTooLarge: { status: 400, type: 'Sender' },
  Throttling: { status: 400, type: 'Sender' },
  ValidationError: { status: 400, type: 'Sender' },
  InternalFailure: { status: 500, type: 'Receiver' },
  ServiceUnavailable: { status: 503, type: 'Receiver' },
} as const satisfies Record<string, { status: number; type: 'Sender' | 'Receiver' }>;

export type StsErrorCode = keyof typeof ERROR_SHAPES;

export class StsError extends Error {
  readonly code: string;
  readonly status: number;
  readonly type: 'Sender' | 'Receiver';

  constructor(code: StsErrorCode, message: string) {
    super(message);
    const shape = ERROR_SHAPES[code];
    this.code = code;
    this.status = shape.status;
    this.type = shape.type;
  }
}

export const INVALID_TOKEN_MESSAGE = 'The security token included in the request is invalid.';
export const EXPIRED_TOKEN_MESSAGE = 'The security token included in the request is expired';

/** "User: X is not authorized to perform: sts:ACTION on resource: Y", as STS words a denial. */
export function notAuthorized(callerArn: string, action: string, resource: string): StsError {
  return new StsError(
    'AccessDenied',
    `User: ${callerArn} is not authorized to perform: sts:${action} on resource: ${resource}`,
  );
}
