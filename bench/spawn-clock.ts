// When this process spawned its children, on the same clock (epoch ms) as the test server's log.
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { performance } from 'node:perf_hooks';

/** Node publishes here as child_process.spawn() creates the process, so the harness needs no hook. */
const CHANNEL = 'child_process';

export interface SpawnClock {
  /** Forgets earlier spawns. */
  reset(): void;
  /** Epoch ms of the only spawn since reset(); throws unless there was exactly one. */
  only(): number;
  stop(): void;
}

export function watchSpawns(): SpawnClock {
  let times: number[] = [];
  const listener = () => times.push(performance.timeOrigin + performance.now());
  subscribe(CHANNEL, listener);
  return {
    reset() {
      times = [];
    },
    only() {
      const [time] = times;
      if (times.length !== 1 || time === undefined)
        throw new Error(`expected one child process to be spawned, saw ${times.length}`);
      return time;
    },
    stop: () => void unsubscribe(CHANNEL, listener),
  };
}
