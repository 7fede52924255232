// Signature speed peer: npm `minhash` (128 permutations) over word 5-shingles of the same texts Warta signs.
// Usage: node minhash-peer.mjs TEXTS.jsonl  → prints "<articles> <seconds>" for the signing loop only.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, '../../../.peers/linking/package.json'));
const { Minhash } = require('minhash');

const texts = readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean).map(l => JSON.parse(l).text);
const shingled = texts.map(t => {
  const words = t.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const out = [];
  for (let i = 0; i + 5 <= words.length; i++) out.push(words.slice(i, i + 5).join(' '));
  return out;
});
const start = process.hrtime.bigint();
for (const shingles of shingled) {
  const m = new Minhash({ numPerm: 128 });
  for (const s of shingles) m.update(s);
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
console.log(`${texts.length} ${seconds}`);
