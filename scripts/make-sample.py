#!/usr/bin/env python3
"""Rebuilds data/sample/ (the bundled sample corpus) from ../shared/data. Deterministic: same input, same output.

Only redistributable material goes in (see NOTICE): the two seed documents, IndoSum articles (CC BY-SA 4.0),
UCI News Aggregator headlines (CC BY 4.0) and dragnet pages (CC BY 4.0).
Run from the repository root: python3 scripts/make-sample.py
"""
import csv, gzip, io, json, os, re, shutil, tarfile
from datetime import datetime, timezone

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
shared = os.path.join(os.path.dirname(root), "shared")
out = os.path.join(root, "data", "sample")
shutil.rmtree(out, ignore_errors=True)
os.makedirs(os.path.join(out, "seeds"))
os.makedirs(os.path.join(out, "html"))

for name in sorted(os.listdir(os.path.join(shared, "seeds"))):
    shutil.copyfile(os.path.join(shared, "seeds", name), os.path.join(out, "seeds", name))

NO_SPACE_BEFORE = {".", ",", ":", ";", "!", "?", ")", "%"}
def detokenize(tokens):
    text, quote_open = "", False
    for t in tokens:
        if t == '"':
            if quote_open:
                text += '"'
            else:
                text += (" " if text else "") + '"'
            quote_open = not quote_open
            continue
        glue = not text or t in NO_SPACE_BEFORE or text.endswith("(") or (text.endswith('"') and quote_open)
        text += t if glue else " " + t
    return text

seen, records = set(), []
for fold in ["dev.01.jsonl", "dev.02.jsonl"]:
    with open(os.path.join(shared, "data", "indosum", "raw", fold), encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r["id"] in seen:
                continue
            seen.add(r["id"])
            paragraphs = [" ".join(detokenize(s) for s in p) for p in r["paragraphs"]]
            stamp, _, slug = r["id"].partition("-")
            url = r["source_url"]
            title_slug = url.rstrip("/").rsplit("/", 1)[-1]
            title_slug = re.sub(r"^\d+[-_]", "", re.sub(r"\.html?$", "", title_slug))
            title = re.sub(r"[-_]+", " ", title_slug).strip().capitalize()
            records.append({
                "id": "indosum-" + r["id"],
                "url": url,
                "title": title,
                "text": "\n\n".join(paragraphs),
                "published": datetime.fromtimestamp(int(stamp), timezone.utc).isoformat(),
                "outlet": r["source"],
            })
records.sort(key=lambda r: r["id"])
with open(os.path.join(out, "indosum-id.jsonl"), "w", encoding="utf-8") as f:
    for r in records[:400]:
        f.write(json.dumps(r, ensure_ascii=False) + "\n")

with open(os.path.join(shared, "data", "uci-news-aggregator", "dev.csv"), encoding="utf-8") as f:
    rows = list(csv.DictReader(f))
with open(os.path.join(out, "uci-headlines-en.jsonl"), "w", encoding="utf-8") as f:
    for row in rows[:600]:
        f.write(json.dumps({
            "id": "uci-" + row["ID"],
            "url": row["URL"],
            "title": row["TITLE"],
            "outlet": row["PUBLISHER"],
            "published": datetime.fromtimestamp(int(row["TIMESTAMP"]) / 1000, timezone.utc).isoformat(),
        }, ensure_ascii=False) + "\n")

wanted = 30
with tarfile.open(os.path.join(shared, "data", "dragnet-data.tar.gz")) as tar:
    pages = sorted(m.name for m in tar.getmembers() if m.name.endswith(".html") and "/input/R" in m.name)[:wanted]
    for name in pages:
        data = tar.extractfile(name).read()
        target = os.path.join(out, "html", "dragnet-" + os.path.basename(name) + ".gz")
        with open(target, "wb") as raw:
            with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as gz:
                gz.write(data)
print("data/sample:", sum(len(fs) for _, _, fs in os.walk(out)), "files")
