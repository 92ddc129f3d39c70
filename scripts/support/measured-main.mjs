// The action's main bundle, reporting its own peak memory when it exits (for scripts/hostile-slow.ts).
process.on('exit', () => process.stderr.write(`peak-rss-kib ${process.resourceUsage().maxRSS}\n`));
await import(new URL('../../dist/main.js', import.meta.url).href);
