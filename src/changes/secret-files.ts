// Files whose content never goes into an export unless the user asks for it (the action's include-secret-files input,
// the CLI's --include-secret-files): a test that writes credentials (a fixture, a tool logging in) must not get them
// uploaded as an artifact that everyone with read access to the repository can download. They are still listed in the
// manifest, as excluded. One list for both front ends; the user's own exclude patterns are added to it.
//
// Patterns as src/changes/export.ts reads them: without a slash, a name at any depth; with one, a path from the root
// (hence the leading **/ for files that live in a dot-folder of a home directory, wherever that lies under a root).
export const SECRET_FILE_PATTERNS: readonly string[] = [
  // environment files of dotenv, direnv and the like
  '.env',
  '.env.*',
  '.envrc',
  // private keys and keystores
  '*.pem',
  '*.key',
  '*.p12',
  '*.pfx',
  '*.jks',
  '*.keystore',
  '*.ppk',
  'id_rsa*',
  'id_dsa*',
  'id_ecdsa*',
  'id_ed25519*',
  // package registries and version control
  '.npmrc',
  '.yarnrc.yml',
  '.pypirc',
  '**/.gem/credentials',
  '.git-credentials',
  '.netrc',
  '_netrc',
  '**/gh/hosts.yml',
  // clouds, containers, databases
  'credentials.json',
  '**/.aws/credentials',
  '**/.aws/config',
  '**/.docker/config.json',
  '**/.kube/config',
  '**/gcloud/application_default_credentials.json',
  '.pgpass',
  '.vault-token',
];

/** What an export leaves out: the secret files unless included, then the user's own patterns. */
export function exportExclusions(userPatterns: readonly string[], includeSecretFiles: boolean): string[] {
  return [...new Set([...(includeSecretFiles ? [] : SECRET_FILE_PATTERNS), ...userPatterns])];
}
