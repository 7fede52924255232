"""Runs readability-lxml over the pages in a manifest ("path<TAB>url" per line); one JSON line per page.

Prints {"ms", "cpuMs", "peakRss"} on stderr, like readability-js.mjs.
"""
import json
import resource
import sys
import time

import lxml.html
from readability import Document


def main():
    manifest, out_file = sys.argv[1], sys.argv[2]
    with open(manifest, encoding="utf-8") as f:
        lines = [line.rstrip("\n") for line in f if line.strip()]
    start = time.perf_counter()
    cpu_start = time.process_time()
    with open(out_file, "w", encoding="utf-8") as out:
        for line in lines:
            path = line.split("\t")[0]
            try:
                with open(path, encoding="utf-8") as f:
                    html = f.read()
                doc = Document(html)
                summary = doc.summary(html_partial=True)
                text = lxml.html.fromstring(summary).text_content() if summary.strip() else ""
                record = {"title": doc.short_title(), "text": text}
            except Exception as e:  # a per-page failure; the batch goes on
                record = {"text": "", "error": str(e)[:200]}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    ms = (time.perf_counter() - start) * 1000
    cpu_ms = (time.process_time() - cpu_start) * 1000
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    sys.stderr.write(json.dumps({"ms": ms, "cpuMs": cpu_ms, "peakRss": peak}) + "\n")


if __name__ == "__main__":
    main()
