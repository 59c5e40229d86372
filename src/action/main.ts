// The action's entry point (dist/index.js), for both the main and the post step of action.yml.
import * as core from '@actions/core';
import { post } from './post.js';
import { run } from './run.js';
import { isPostStep } from './session.js';

try {
  await (isPostStep() ? post() : run());
} catch (error) {
  core.setFailed(`memfs-action: ${(error as Error).stack ?? String(error)}`);
}
