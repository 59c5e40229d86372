// Uploads the export as one artifact. Nothing here may fail the step: an upload problem (a name already taken, the
// network, the storage quota, no artifact service under a local runner) becomes a warning that says what to do,
// and the step's result stays the tests' result.
import { ArtifactNotFoundError, DefaultArtifactClient, GHESNotSupportedError, UsageError } from '@actions/artifact';
import type { ArtifactLink } from '../report/types.js';

export interface UploadRequest {
  name: string;
  rootDirectory: string;
  files: string[];
  retentionDays?: number;
  compressionLevel: number;
  overwrite: boolean;
}

export type UploadOutcome = { artifact: ArtifactLink } | { warning: string };

export async function uploadArtifact(request: UploadRequest, env: NodeJS.ProcessEnv = process.env): Promise<UploadOutcome> {
  if (!env.ACTIONS_RUNTIME_TOKEN || !env.ACTIONS_RESULTS_URL) {
    return {
      warning:
        'The upload was skipped: this runner gives the action no artifact service (ACTIONS_RUNTIME_TOKEN or ' +
        'ACTIONS_RESULTS_URL is missing, as under act without --artifact-server-path). The export is still on the runner; see the "manifest" output.',
    };
  }
  const client = new DefaultArtifactClient();
  try {
    if (request.overwrite) await deleteIfPresent(client, request.name);
    const response = await client.uploadArtifact(request.name, request.files, request.rootDirectory, {
      retentionDays: request.retentionDays,
      compressionLevel: request.compressionLevel,
    });
    if (response.id === undefined) return { warning: `The upload of artifact "${request.name}" returned no artifact id.` };
    return { artifact: artifactLink(request.name, response.id, env) };
  } catch (error) {
    return { warning: explainUploadFailure(request.name, error) };
  }
}

async function deleteIfPresent(client: DefaultArtifactClient, name: string): Promise<void> {
  try {
    await client.deleteArtifact(name);
  } catch (error) {
    if (!(error instanceof ArtifactNotFoundError) && (error as Error).name !== 'ArtifactNotFoundError') throw error;
  }
}

export function artifactLink(name: string, id: number, env: NodeJS.ProcessEnv): ArtifactLink {
  const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
  const repository = env.GITHUB_REPOSITORY ?? '';
  const runId = env.GITHUB_RUN_ID ?? '';
  return { id, name, runId, repository, url: `${server}/${repository}/actions/runs/${runId}/artifacts/${id}` };
}

function explainUploadFailure(name: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const prefix = `The upload of artifact "${name}" failed, so the changed files are not attached to this run`;
  if (/\(409\)|already exists/i.test(message)) {
    return (
      `${prefix}: an artifact with this name already exists in this workflow run. Give each job and matrix leg its own ` +
      `artifact-name (the default includes the job, the matrix index and the attempt) or set overwrite: true. (${message})`
    );
  }
  // Matched by name and text too: the client rethrows some of its typed errors as plain ones.
  if (error instanceof UsageError || (error as Error).name === 'UsageError' || /storage quota/i.test(message)) return `${prefix}: the artifact storage quota is used up; free space or lower retention-days. (${message})`;
  if (error instanceof GHESNotSupportedError || (error as Error).name === 'GHESNotSupportedError') return `${prefix}: GitHub Enterprise Server does not support this artifact service yet. (${message})`;
  return `${prefix}. (${message})`;
}
