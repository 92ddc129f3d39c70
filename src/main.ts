import * as core from '@actions/core';

try {
  core.info('assume-aws-role: main');
} catch (error) {
  core.setFailed(error instanceof Error ? error.message : String(error));
}
