import { State } from './constants.ts';

// Most jobs wrote no profile: then there is nothing to undo, and nothing more is loaded.
const recorded = process.env[`STATE_${State.writtenProfiles}`];
if (recorded) {
  const { runPost } = await import('./action/run-post.ts');
  await runPost(recorded, process.env[`STATE_${State.cleanup}`] !== 'false');
}
