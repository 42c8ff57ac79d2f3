#!/usr/bin/env node
// Entry point installed as `regiosim`: runs the compiled CLI (built by `npm run build`, which `npm install` runs through `prepare`).
import('../dist/src/cli/main.js').then((m) => m.main(process.argv.slice(2))).catch((err) => {
  if (err && err.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('dist/src/cli')) {
    console.error('regiosim: the compiled CLI is missing; run `npm run build` first.');
    process.exit(1);
  }
  throw err;
});
