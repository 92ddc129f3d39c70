/** The inputs of the roles-anywhere source, spelled as in action.yml; the CLI's flags use the same names. */
export const RolesAnywhereInputs = {
  certificate: 'certificate',
  privateKey: 'private-key',
  passphrase: 'private-key-passphrase',
  trustAnchorArn: 'trust-anchor-arn',
  profileArn: 'profile-arn',
  roleArn: 'role-arn',
} as const;

/** Where CreateSession goes when set (as the SDKs name it), before AWS_ENDPOINT_URL. */
export const ROLES_ANYWHERE_ENDPOINT_ENV = 'AWS_ENDPOINT_URL_ROLESANYWHERE';
export const ROLES_ANYWHERE_SERVICE = 'rolesanywhere';
