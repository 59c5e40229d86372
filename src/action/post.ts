// The post step (post-if: failure() || cancelled()) stands in for a main step that was killed by timeout-minutes or a
// cancel before it concluded: the journals in the spool hold everything the command's processes made visible.
import * as core from '@actions/core';
import { conclude } from './conclude.js';
import { loadSession } from './session.js';
import type { WithheldSecrets } from './withheld-secrets.js';

export async function post(secrets: WithheldSecrets): Promise<void> {
  const { session, finished } = loadSession();
  if (finished) return; // main concluded: its summary, outputs and artifact stand
  if (!session) {
    core.info('memfs-action: the main step stopped before it started the command; nothing to capture.');
    return;
  }
  core.warning('memfs-action: the main step did not finish (cancelled or timed out); capturing what the journals hold.');
  await conclude(session, { exitCode: null, durationMs: Date.now() - session.startedAt }, secrets);
}
