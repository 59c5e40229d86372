// The post step (post-if: failure() || cancelled()) stands in for a main step that was killed by timeout-minutes or a
// cancel before it concluded: the journals in the spool hold everything the command's processes made visible.
import * as core from '@actions/core';
import { conclude } from './conclude.js';
import { stopKernelRun } from '../kernel/front-end.js';
import { loadSession, savedDiskCheck } from './session.js';
import { resumeDiskCheck } from '../changes/disk-check.js';
import { commandEnvironment, diskCheckSetup } from './run.js';
import type { WithheldSecrets } from './withheld-secrets.js';

export async function post(secrets: WithheldSecrets): Promise<void> {
  const { session, finished } = loadSession();
  if (finished) return; // main concluded: its summary, outputs and artifact stand
  if (!session) {
    core.info('memfs-action: the main step stopped before it started the command; nothing to capture.');
    return;
  }
  core.warning('memfs-action: the main step did not finish (cancelled or timed out); capturing what the journals hold.');
  // Under the kernel engine the capture is the launcher's: one still running (its command outlived main) is asked to
  // end it and copy its upper layer out; its namespace, and every mount, goes with it.
  if (session.engine?.used === 'kernel' && !(await stopKernelRun(session.spoolDir))) {
    core.info('memfs-action: the kernel engine left no capture: what the command changed is unknown (the disk itself was not changed).');
  }
  // The disk compared with the picture main took before the command: what escaped the overlay until the kill.
  const resumed = resumeDiskCheck(savedDiskCheck(session), diskCheckSetup(session, commandEnvironment(session)));
  if ('problem' in resumed) core.info(`memfs-action: the disk is not checked for writes outside the overlay: ${resumed.problem}.`);
  const disk = 'finish' in resumed ? resumed.finish() : undefined;
  await conclude(session, { exitCode: null, durationMs: Date.now() - session.startedAt }, secrets, disk);
}
