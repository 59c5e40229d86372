// The action's entry point (dist/index.js), for both the main and the post step of action.yml.
import * as core from '@actions/core';
import { withheldVariables } from './child-env.js';
import { post } from './post.js';
import { run } from './run.js';
import { isPostStep } from './session.js';
import { withholdSecrets } from './withheld-secrets.js';

// First, before any test process can exist: the runner's tokens leave process.env and this process's initial
// environment block, and come back only for the upload (withheld-secrets.ts says why).
const secrets = withholdSecrets(withheldVariables);
if (!secrets.outcome.scrubbed) {
  core.notice(
    `memfs-action could not erase the runner's tokens from its own initial environment (${secrets.outcome.reason}): ` +
      `the test command does not get them in its environment, but a process of the same user can still read them ` +
      `from this process's /proc/<pid>/environ (see "What the tests can read" in the action's docs).`,
  );
}

try {
  await (isPostStep() ? post(secrets) : run(secrets));
} catch (error) {
  core.setFailed(`memfs-action: ${(error as Error).stack ?? String(error)}`);
}
