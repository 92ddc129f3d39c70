// Preloaded with --require (through NODE_OPTIONS) into every measured process, the baseline's too, so
// each pays the same. Plain CommonJS on purpose: no type stripping and no ESM loader to start.
const { writeFileSync } = require('node:fs');

const file = process.env.BENCH_PEAK_RSS_FILE;
if (file) {
  // maxRSS is in kilobytes (getrusage ru_maxrss on Linux).
  process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
}
