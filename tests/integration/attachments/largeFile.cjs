// Child process for the memory test: attaches and extracts a large file (sparse, so it costs no
// disk to make), sampling resident memory all the while, and prints what it measured as JSON.
const { openSync, closeSync, ftruncateSync, statSync, writeSync } = require('node:fs');
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const { setInterval, clearInterval } = require('node:timers');
const { Vault, attachFile, extractAttachment } = require('../../../dist/db');

const [dir, passphrase, work, sizeText] = process.argv.slice(2);
const size = Number(sizeText);

(async () => {
  const vault = await Vault.unlock(dir, passphrase);
  const source = path.join(work, 'large.bin');
  const fd = openSync(source, 'w');
  ftruncateSync(fd, size);
  closeSync(fd);
  global.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage().rss);
  };
  const sampler = setInterval(sample, 20);
  let started = performance.now();
  const attached = await attachFile(vault, {
    recordId: 'case-1',
    path: source,
    onProgress: sample,
  });
  const attachMs = performance.now() - started;
  const attachPeak = peak;
  started = performance.now();
  const out = path.join(work, 'extracted.bin');
  await extractAttachment(vault, attached.fileId, out, { onProgress: sample });
  const extractMs = performance.now() - started;
  clearInterval(sampler);
  sample();
  const extracted = statSync(out).size;
  vault.lock();
  writeSync(
    1,
    JSON.stringify({
      baseline,
      peak,
      attachPeak,
      attachMs,
      extractMs,
      size: attached.size,
      extracted,
    }) + '\n',
  );
})().catch((error) => {
  writeSync(2, `large-file child failed: ${error.message}\n`);
  process.exit(1);
});
