// Our own stand-in for GitHub's artifact "results" service, on loopback, for end-to-end tests of the real
// @actions/artifact client: the Twirp JSON ArtifactService (CreateArtifact, FinalizeArtifact, ListArtifacts,
// DeleteArtifact, GetSignedArtifactURL; proto field names, int64 as strings, 409 on a duplicate name in a run) in
// front of a real blob store, Azurite, to which it hands out SAS-signed URLs minted with the emulator's public
// development key. Node's http and crypto only. Protocol notes: shared/research/actions.md §1–2.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const twirpPrefix = '/twirp/github.actions.results.api.v1.ArtifactService/';

/** Azurite's documented development account; public, not a secret. */
const account = 'devstoreaccount1';
const accountKey = Buffer.from(
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==',
  'base64',
);
const container = 'actions-results';
const sasVersion = '2018-11-09';

export interface StoredArtifact {
  id: number;
  name: string;
  runBackendId: string;
  jobBackendId: string;
  blobPath: string;
  size?: number;
  hash?: string;
  expiresAt?: string;
  mimeType?: string;
  finalized: boolean;
  createdAt: string;
}

export interface TwirpCall {
  method: string;
  body: Record<string, unknown>;
  status: number;
}

export interface InjectedFailure {
  status: number;
  code: string;
  msg: string;
}

export interface ResultsService {
  /** ACTIONS_RESULTS_URL */
  url: string;
  runtimeToken: string;
  runBackendId: string;
  jobBackendId: string;
  /** The variables a job gives a JavaScript action that uploads artifacts. */
  env(): Record<string, string>;
  artifacts: StoredArtifact[];
  calls: TwirpCall[];
  /** The next call of `method` answers with this error instead. */
  failNext(method: string, failure: InjectedFailure): void;
  downloadBlob(artifact: StoredArtifact): Promise<Buffer>;
  close(): Promise<void>;
}

export async function startResultsService(): Promise<ResultsService> {
  const azurite = await startAzurite();
  try {
    await createContainer(azurite.endpoint);
  } catch (error) {
    azurite.process.kill();
    throw error;
  }
  const runBackendId = randomUUID();
  const jobBackendId = randomUUID();
  const runtimeToken = fakeRuntimeToken(runBackendId, jobBackendId);
  const artifacts: StoredArtifact[] = [];
  const calls: TwirpCall[] = [];
  const failures = new Map<string, InjectedFailure>();
  let nextId = 1000;

  const signedUrl = (blobPath: string, permissions: string) =>
    `${azurite.endpoint}/${account}/${container}/${blobPath}?${blobSas(`${container}/${blobPath}`, permissions)}`;

  const handlers: Record<string, (body: Record<string, unknown>) => [number, unknown]> = {
    CreateArtifact(body) {
      const name = String(body.name ?? '');
      if (artifacts.some((a) => a.name === name && a.runBackendId === body.workflow_run_backend_id)) {
        return [409, { code: 'already_exists', msg: 'an artifact with this name already exists on the workflow run' }];
      }
      const blobPath = `${body.workflow_run_backend_id}/workflow-job-run-${body.workflow_job_run_backend_id}/artifacts/${randomUUID()}.zip`;
      artifacts.push({
        id: 0,
        name,
        runBackendId: String(body.workflow_run_backend_id),
        jobBackendId: String(body.workflow_job_run_backend_id),
        blobPath,
        expiresAt: body.expires_at as string | undefined,
        mimeType: body.mime_type as string | undefined,
        finalized: false,
        createdAt: new Date().toISOString(),
      });
      return [200, { ok: true, signed_upload_url: signedUrl(blobPath, 'cw') }];
    },
    FinalizeArtifact(body) {
      const artifact = artifacts.find((a) => a.name === body.name && !a.finalized);
      if (!artifact) return [404, { code: 'not_found', msg: 'no such artifact' }];
      artifact.id = nextId++;
      artifact.size = Number(body.size);
      artifact.hash = String(body.hash ?? '');
      artifact.finalized = true;
      return [200, { ok: true, artifact_id: String(artifact.id) }];
    },
    ListArtifacts(body) {
      const found = artifacts.filter(
        (a) =>
          a.finalized &&
          (body.name_filter === undefined || a.name === body.name_filter) &&
          (body.id_filter === undefined || String(a.id) === String(body.id_filter)),
      );
      return [
        200,
        {
          artifacts: found.map((a) => ({
            workflow_run_backend_id: a.runBackendId,
            workflow_job_run_backend_id: a.jobBackendId,
            database_id: String(a.id),
            name: a.name,
            size: String(a.size ?? 0),
            created_at: a.createdAt,
            digest: a.hash,
          })),
        },
      ];
    },
    GetSignedArtifactURL(body) {
      const artifact = artifacts.find((a) => a.name === body.name && a.finalized);
      if (!artifact) return [404, { code: 'not_found', msg: 'no such artifact' }];
      return [200, { signed_url: signedUrl(artifact.blobPath, 'r') }];
    },
    DeleteArtifact(body) {
      const index = artifacts.findIndex((a) => a.name === body.name && a.finalized);
      if (index < 0) return [404, { code: 'not_found', msg: 'no such artifact' }];
      const [artifact] = artifacts.splice(index, 1);
      return [200, { ok: true, artifact_id: String(artifact.id) }];
    },
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const reply = (status: number, payload: unknown) => {
        res.writeHead(status, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(payload));
      };
      const method = req.url?.startsWith(twirpPrefix) ? req.url.slice(twirpPrefix.length) : '';
      const handler = handlers[method];
      if (req.method !== 'POST' || !handler) return reply(404, { code: 'bad_route', msg: `no route ${req.method} ${req.url}` });
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
      } catch {
        return reply(400, { code: 'malformed', msg: 'body is not JSON' });
      }
      if (req.headers.authorization !== `Bearer ${runtimeToken}`) {
        calls.push({ method, body, status: 401 });
        return reply(401, { code: 'unauthenticated', msg: 'bad runtime token' });
      }
      const failure = failures.get(method);
      if (failure) {
        failures.delete(method);
        calls.push({ method, body, status: failure.status });
        return reply(failure.status, { code: failure.code, msg: failure.msg });
      }
      const [status, payload] = handler(body);
      calls.push({ method, body, status });
      reply(status, payload);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

  return {
    url,
    runtimeToken,
    runBackendId,
    jobBackendId,
    env: () => ({
      ACTIONS_RUNTIME_TOKEN: runtimeToken,
      ACTIONS_RESULTS_URL: url,
      // The client refuses any server it takes for GitHub Enterprise Server; github.com passes its check.
      GITHUB_SERVER_URL: 'https://github.com',
    }),
    artifacts,
    calls,
    failNext: (method, failure) => failures.set(method, failure),
    async downloadBlob(artifact) {
      const response = await fetch(signedUrl(artifact.blobPath, 'r'));
      if (!response.ok) throw new Error(`blob download failed: ${response.status} ${await response.text()}`);
      return Buffer.from(await response.arrayBuffer());
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await azurite.stop();
    },
  };
}

/** An unsigned JWT with the one claim the client reads: the scope naming the run's and the job's backend ids. */
export function fakeRuntimeToken(runBackendId: string, jobBackendId: string): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ scp: `Actions.GenericRead Actions.Results:${runBackendId}:${jobBackendId}` })}.unsigned`;
}

interface Azurite {
  endpoint: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

async function startAzurite(): Promise<Azurite> {
  const main = path.join(repo, 'node_modules/azurite/dist/src/blob/main.js');
  const child = spawn(
    process.execPath,
    [main, '--blobHost', '127.0.0.1', '--blobPort', '0', '--inMemoryPersistence', '--disableTelemetry', '--skipApiVersionCheck', '--loose'],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_OPTIONS: '' } },
  );
  const endpoint = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`Azurite did not start in 30 s:\n${output}`)), 30_000);
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill();
      reject(error);
    };
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /successfully listens on (http:\/\/[\d.]+:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => fail(new Error(`Azurite exited with ${code}:\n${output}`)));
  });
  return {
    endpoint,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill();
      }),
  };
}

function hmac(stringToSign: string): string {
  return createHmac('sha256', accountKey).update(stringToSign, 'utf8').digest('base64');
}

function expiry(): string {
  return new Date(Date.now() + 3600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A service SAS for one blob (version 2018-11-09 string-to-sign: 15 lines). */
function blobSas(containerAndBlob: string, permissions: string): string {
  const se = expiry();
  const spr = 'https,http';
  const stringToSign = [permissions, '', se, `/blob/${account}/${containerAndBlob}`, '', '', spr, sasVersion, 'b', '', '', '', '', '', ''].join('\n');
  // The blob SDK re-serialises the query: a raw '=' or '+' in the signature would not survive, so encode it.
  return `sv=${sasVersion}&spr=${encodeURIComponent(spr)}&se=${encodeURIComponent(se)}&sr=b&sp=${permissions}&sig=${encodeURIComponent(hmac(stringToSign))}`;
}

/** An account SAS, used once, to create the container. */
function accountSas(): string {
  const se = expiry();
  const stringToSign = [account, 'rwdlac', 'b', 'sco', '', se, '', 'https,http', sasVersion, ''].join('\n');
  return `sv=${sasVersion}&ss=b&srt=sco&sp=rwdlac&se=${encodeURIComponent(se)}&spr=${encodeURIComponent('https,http')}&sig=${encodeURIComponent(hmac(stringToSign))}`;
}

async function createContainer(endpoint: string): Promise<void> {
  const response = await fetch(`${endpoint}/${account}/${container}?restype=container&${accountSas()}`, { method: 'PUT' });
  if (response.status !== 201) throw new Error(`creating the container failed: ${response.status} ${await response.text()}`);
}
