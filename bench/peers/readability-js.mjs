// Runs Readability.js + jsdom over the pages listed in a manifest (one "path<TAB>url" per line) and writes one
// JSON line per page: {title, byline, siteName, publishedTime, text, error}. Prints elapsed ms, CPU ms (user + system,
// which a loaded machine does not inflate) and peak RSS on stderr.
import { createRequire } from "node:module";
import fs from "node:fs";
import path from "node:path";
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");
const require = createRequire(path.join(root, ".peers/node/node_modules/"));
const { JSDOM, VirtualConsole } = require("jsdom");
const { Readability } = require("@mozilla/readability");
const [manifest, outFile] = process.argv.slice(2);
const lines = fs.readFileSync(manifest, "utf8").split("\n").filter(Boolean);
const out = fs.openSync(outFile, "w");
let peak = 0;
const start = process.hrtime.bigint();
const cpuStart = process.cpuUsage();
for (const line of lines) {
  const [file, url] = line.split("\t");
  let record;
  try {
    const html = fs.readFileSync(file, "utf8");
    const dom = new JSDOM(html, { url: url || "http://localhost/", virtualConsole: new VirtualConsole() });
    const article = new Readability(dom.window.document).parse();
    record = article
      ? { title: article.title, byline: article.byline, siteName: article.siteName, publishedTime: article.publishedTime, text: article.textContent }
      : { text: "" };
    dom.window.close();
  } catch (e) {
    record = { text: "", error: String(e).slice(0, 200) };
  }
  fs.writeSync(out, JSON.stringify(record) + "\n");
  peak = Math.max(peak, process.memoryUsage().rss);
  // A turn of the event loop lets jsdom finish closing the window: without it a closed window's memory is never
  // freed inside one synchronous loop, and a run over a whole set (1,381 dragnet pages) runs out of heap.
  await new Promise((resolve) => setImmediate(resolve));
}
fs.closeSync(out);
const ms = Number(process.hrtime.bigint() - start) / 1e6;
const cpu = process.cpuUsage(cpuStart);
process.stderr.write(JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, peakRss: peak }) + "\n");
