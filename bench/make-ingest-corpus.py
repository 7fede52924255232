#!/usr/bin/env python3
"""Writes N already-extracted text articles as Warta JSONL, built from IndoSum (read in place, never committed).

Usage: bench/make-ingest-corpus.py N OUT.jsonl [INDOSUM_DIR]
Each record is one real IndoSum article (paragraphs detokenised); past the corpus size, records reuse articles with
a different id, outlet and date, so every input line is distinct (no idempotent short-cut) and the text is real.
"""
import glob, json, os, random, sys

def detok(tokens):
    out = ""
    for t in tokens:
        if out and t not in ".,:;!?)\"'" and not out.endswith(("(", "\"")):
            out += " "
        out += t
    return out

n, path = int(sys.argv[1]), sys.argv[2]
root = sys.argv[3] if len(sys.argv) > 3 else os.path.join(os.path.dirname(__file__), "..", "..", "shared", "data", "indosum", "raw")
articles = []
for f in sorted(glob.glob(os.path.join(root, "*.jsonl"))):
    with open(f, encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            paras = ["".join(detok(s) + " " for s in p).strip() for p in r["paragraphs"]]
            articles.append((r["id"], r.get("source") or "indosum", paras))
    if len(articles) >= n:
        break
rng = random.Random(1)
with open(path, "w", encoding="utf-8") as out:
    for i in range(n):
        aid, outlet, paras = articles[i % len(articles)]
        title = paras[0][:90]
        day = 1 + (i % 28)
        out.write(json.dumps({"id": f"{aid}#{i}", "url": f"https://example.org/{i}", "title": title, "text": "\n\n".join(paras),
                              "published": f"2017-03-{day:02d}T{rng.randrange(24):02d}:00:00+07:00", "outlet": f"{outlet}-{i % 97}",
                              "language": "id"}, ensure_ascii=False) + "\n")
