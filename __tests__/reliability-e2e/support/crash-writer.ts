// A writer or cleaner of the shared files that really dies mid-commit: SIGKILL at the named commit step, so
// nothing is rolled back, no `finally` runs and its locks stay behind, as when a runner is killed.
// Usage: node crash-writer.ts '{"mode":"write"|"remove","step":"rename:0","paths":{...},"record":{...}}'
import {
  removeProfiles,
  type SharedFilePaths,
  type WrittenProfiles,
  writeProfiles,
} from '../../../src/profiles/index.ts';
import { CRASHING_JOB, CRASHING_PROFILE } from './crash-profile.ts';

interface Order {
  mode: 'write' | 'remove';
  step: string;
  paths: SharedFilePaths;
  record?: WrittenProfiles;
}

const order = JSON.parse(process.argv[2] ?? '{}') as Order;
const onCommitStep = (step: string): void => {
  if (step === order.step) process.kill(process.pid, 'SIGKILL');
};
if (order.mode === 'write') {
  await writeProfiles(order.paths, [CRASHING_PROFILE], {
    overwrite: false,
    jobId: CRASHING_JOB,
    onCommitStep,
  });
} else if (order.record) {
  await removeProfiles(order.record, { onCommitStep });
}
