// `npm run bench`: every scenario at every latency, interleaved with baseline runs, then BENCHMARKS.md.
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { startAwsTestServer } from '../testing/aws-test-server/index.ts';
import { type BenchOptions, BenchUsageError, parseBenchArgs, USAGE } from './args.ts';
import { runBaseline } from './baseline.ts';
import { measureDist, measureIncumbent } from './dist-sizes.ts';
import { describeMachine, loadNow } from './machine.ts';
import {
  type MeasureContext,
  measureOverlap,
  measureRun,
  type OverlapSample,
  type Sample,
} from './measure.ts';
import { createPeakRssProbes } from './peak-rss.ts';
import { renderReport } from './report.ts';
import { type BenchResults, summarizeCell } from './results.ts';
import { LATENCIES_MS, selectScenarios } from './scenarios.ts';
import { snapshotAction } from './snapshot.ts';
import { watchSpawns } from './spawn-clock.ts';
import { summarize } from './stats.ts';

const ROOT = resolve(import.meta.dirname, '..');

async function bench(options: BenchOptions): Promise<BenchResults> {
  const machine = describeMachine();
  const scenarios = selectScenarios(options);
  const incumbent = options.incumbent === undefined ? undefined : resolve(options.incumbent);
  const incumbentSizes = incumbent === undefined ? undefined : await measureIncumbent(incumbent);
  const action = await snapshotAction();
  const sizes = await measureDist(join(action.dir, 'dist'));
  const server = await startAwsTestServer();
  const probes = await createPeakRssProbes();
  const clock = watchSpawns();
  const ctx: MeasureContext = { server, probes, clock, dirs: { ours: action.dir, incumbent } };
  const cells = scenarios.flatMap((scenario) =>
    LATENCIES_MS.map((latencyMs) => ({ scenario, latencyMs, samples: [] as Sample[] })),
  );
  const baseline: { wallMs: number; peakRssBytes: number }[] = [];
  const overlap = scenarios
    .filter((scenario) => scenario.sourceRequest)
    .map((scenario) => ({ scenario, samples: [] as OverlapSample[] }));
  try {
    const rounds = options.warmups + options.runs;
    for (let round = 0; round < rounds; round++) {
      const measured = round >= options.warmups;
      process.stderr.write(`${measured ? 'run' : 'warm-up'} ${round + 1}/${rounds}\n`);
      // Round-robin with a baseline run before each measured run, so drift in the machine's load
      // reaches the baseline and every scenario alike.
      for (const cell of cells) {
        const probe = probes.next();
        const { wallMs } = await runBaseline(probe.env);
        const peakRssBytes = await probe.read();
        const sample = await measureRun(cell.scenario, cell.latencyMs, ctx);
        if (!measured) continue;
        baseline.push({ wallMs, peakRssBytes });
        cell.samples.push(sample);
      }
    }
    // Apart from the timed runs: the load clock hooks every module load, which costs time.
    for (let round = 0; round < options.runs; round++) {
      for (const probe of overlap) probe.samples.push(await measureOverlap(probe.scenario, ctx));
    }
  } finally {
    clock.stop();
    await probes.dispose();
    await server.close();
    await action.dispose();
  }
  return {
    options,
    machine,
    action: { commit: action.commit, distMatchesCommit: action.distMatchesCommit },
    loadAtEnd: loadNow(),
    baseline: {
      wall: summarize(baseline.map((run) => run.wallMs)),
      peakRss: summarize(baseline.map((run) => run.peakRssBytes)),
    },
    cells: cells.map((cell) => summarizeCell(cell.scenario, cell.latencyMs, cell.samples)),
    sizes,
    incumbentSizes,
    overlap,
  };
}

try {
  const options = parseBenchArgs(process.argv.slice(2));
  if (options === undefined) {
    console.log(USAGE);
  } else {
    const report = renderReport(await bench(options));
    await writeFile(resolve(ROOT, options.out), report);
    console.log(report);
  }
} catch (error) {
  if (error instanceof BenchUsageError) console.error(`${error.message}\n\n${USAGE}`);
  else console.error(error);
  process.exitCode = 1;
}
