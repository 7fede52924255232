#!/usr/bin/python3
"""Story clustering baseline: TF-IDF (title weighted twice, plus body) + agglomerative clustering (cosine,
average linkage). Reads JSON lines {"title","text"}; argument 2 is a comma-separated list of distance thresholds
(default 0.95). Prints one line per input line, in input order: its cluster label under each threshold, separated by
spaces. `warta eval clustering` tries a grid on each set's calibration half and runs the best threshold on the set,
so the baseline is given its best shot on each set."""
import json
import sys

from sklearn.cluster import AgglomerativeClustering
from sklearn.feature_extraction.text import TfidfVectorizer

docs = []
with open(sys.argv[1], encoding="utf-8") as f:
    for line in f:
        item = json.loads(line)
        docs.append((item["title"] + " ") * 2 + item["text"])

thresholds = [float(t) for t in (sys.argv[2] if len(sys.argv) > 2 else "0.95").split(",")]
vectors = TfidfVectorizer(sublinear_tf=True, min_df=1).fit_transform(docs).toarray()
columns = []
for threshold in thresholds:
    model = AgglomerativeClustering(n_clusters=None, metric="cosine", linkage="average", distance_threshold=threshold)
    columns.append(model.fit_predict(vectors))
for labels in zip(*columns):
    print(" ".join(str(label) for label in labels))
