// Preloaded (with --require, through NODE_OPTIONS) into the overlap probe's runs only: writes the epoch
// ms at which the first lazy chunk holding the SDK's code (a webpack chunk whose source names "smithy";
// the stand-ins of shims/unbundled.js are no chunk) began to load, so the
// bench can compare it with the test server's receipt of the source's own request. Hooking every load
// costs time, so the timed runs never carry it.
const { registerHooks } = require('node:module');
const { writeFileSync } = require('node:fs');

const file = process.env.BENCH_SDK_LOAD_FILE;
if (file) {
  let loadedAt;
  registerHooks({
    load(url, context, nextLoad) {
      const startedAt = Date.now();
      const result = nextLoad(url, context);
      const source = String(result.source ?? '');
      if (loadedAt === undefined && source.startsWith('export const id=') && source.includes('smithy'))
        loadedAt = startedAt;
      return result;
    },
  });
  process.on('exit', () => writeFileSync(file, loadedAt === undefined ? '' : String(loadedAt)));
}
