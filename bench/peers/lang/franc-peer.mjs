// Runs npm franc (default 187 languages) over an evaluation TSV; prints accuracy and items per second.
// Usage: node bench/peers/lang/franc-peer.mjs /tmp/lang-eval/headlines.tsv  (after bench/peers/lang/install.sh)
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
const here = path.dirname(new URL(import.meta.url).pathname);
const { franc } = await import(path.join(here, '../../../.peers/lang/node_modules/franc/index.js'));
const iso3to1 = { ind: 'id', eng: 'en', zlm: 'ms', jav: 'jv', sun: 'su' };
const rows = readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean).map(l => l.split('\t'));
let ok = 0;
const t = performance.now();
for (const [gold, text] of rows) {
  const g = franc(text);
  if ((iso3to1[g] ?? g) === gold) ok++;
}
const dt = (performance.now() - t) / 1000;
console.log(`franc\t${rows.length}\t${(ok / rows.length).toFixed(4)}\t${Math.round(rows.length / dt)}/s`);
