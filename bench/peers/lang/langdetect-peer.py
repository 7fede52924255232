#!/usr/bin/python3
"""Runs Debian's python3-langdetect over an evaluation TSV; prints accuracy and items per second.

Usage: /usr/bin/python3 bench/peers/lang/langdetect-peer.py /tmp/lang-eval/headlines.tsv
Installs python3-langdetect with apt-get when absent.
"""
import subprocess, sys, time
try:
    import langdetect
except ImportError:
    subprocess.run(["apt-get", "install", "-y", "-qq", "python3-langdetect"], check=True)
    import langdetect
from langdetect import DetectorFactory, detect
DetectorFactory.seed = 0
rows = [l.rstrip("\n").split("\t", 1) for l in open(sys.argv[1], encoding="utf-8")]
ok = 0
t = time.perf_counter()
for gold, text in rows:
    try:
        guess = detect(text)
    except Exception:
        guess = None
    ok += guess == gold
dt = time.perf_counter() - t
print("langdetect\t%d\t%.4f\t%.0f/s" % (len(rows), ok / len(rows), len(rows) / dt))
