#!/usr/bin/python3
"""Writes the language-ID evaluation sets as TSV (gold<TAB>text, one item a line) from ../shared/data.

Usage: /usr/bin/python3 bench/peers/lang/make-eval.py ../shared/data /tmp/lang-eval [--tune]
Writes articles.tsv (indosum articles, wikiref220 documents) and headlines.tsv (id-headlines, uci headlines,
en-id-parallel-news sentence pairs, each side, at least five words). Items are taken in file order, capped per
source so the sets stay balanced; the data itself stays outside the repository. With --tune it writes
headlines-tune.tsv instead: the same sources' *next* items (narasipal rows 2001-4000, uci rows 2001-4000,
en-id-parallel-news valid rather than test), for tuning without touching the evaluation items.
"""
import csv, glob, json, os, sys

data, out = sys.argv[1], sys.argv[2]
TUNE = "--tune" in sys.argv[3:]
os.makedirs(out, exist_ok=True)
CAP_ARTICLES, CAP_HEADLINES = 1000, 2000

def clean(s):
    return " ".join(s.replace("\t", " ").split())

articles, headlines = [], []
n = 0
for path in sorted(glob.glob(os.path.join(data, "indosum/raw/*.jsonl"))):
    for line in open(path, encoding="utf-8"):
        if n >= CAP_ARTICLES:
            break
        doc = json.loads(line)
        text = " ".join(" ".join(" ".join(s) for s in p) for p in doc["paragraphs"])
        articles.append(("id", clean(text)))
        n += 1
for path in sorted(glob.glob(os.path.join(data, "wikiref220/**/*.txt"), recursive=True)):
    if path.endswith("readme.txt"):
        continue
    text = clean(open(path, encoding="utf-8", errors="replace").read())
    if len(text.split()) >= 50:
        articles.append(("en", text))

def add(gold, rows, skip=0):
    k = 0
    for text in rows:
        text = clean(text)
        if len(text.split()) < 5:
            continue
        k += 1
        if k <= skip:
            continue
        headlines.append((gold, text))
        if k >= skip + CAP_HEADLINES:
            break

with open(os.path.join(data, "id-headlines-narasipal/dataset_with_iso_dates.csv"), encoding="utf-8") as f:
    add("id", [r["judul_berita"] for r in csv.DictReader(f)], CAP_HEADLINES if TUNE else 0)
with open(os.path.join(data, "uci-news-aggregator/dev.csv"), encoding="utf-8") as f:
    add("en", [r["TITLE"] for r in csv.DictReader(f)], CAP_HEADLINES if TUNE else 0)
for side in ("en", "id"):
    add(side, open(os.path.join(data, "en-id-parallel-news/news/" + ("valid." if TUNE else "test.") + side), encoding="utf-8"))

outputs = (("headlines-tune.tsv", headlines),) if TUNE else (("articles.tsv", articles), ("headlines.tsv", headlines))
for name, rows in outputs:
    with open(os.path.join(out, name), "w", encoding="utf-8") as f:
        for gold, text in rows:
            f.write(gold + "\t" + text + "\n")
    print(name, len(rows))
