#!/usr/bin/python3
"""Converts Debian python3-langdetect's profiles (Apache-2.0) into Warta's compact gzipped profile file.

Usage: /usr/bin/python3 tools/lang/build-profiles.py [profiles dir] > src/Warta.Core/Resources/lang/profiles.tsv.gz
Languages written in a script of their own (Greek, Hebrew, Thai, Hangul, Han, Kana, the Indic scripts) are
left out: LanguageIdentifier decides those by script alone.
"""
import gzip, json, os, sys

SRC = sys.argv[1] if len(sys.argv) > 1 else "/usr/lib/python3/dist-packages/langdetect/profiles"
BY_SCRIPT = {"el", "he", "th", "ko", "ja", "zh-cn", "zh-tw", "bn", "gu", "pa", "kn", "ml", "ta", "te"}
out = []
for name in sorted(os.listdir(SRC)):
    if name in BY_SCRIPT:
        continue
    with open(os.path.join(SRC, name), encoding="utf-8") as f:
        p = json.load(f)
    out.append("@%s\t%s" % (p["name"], "\t".join(str(n) for n in p["n_words"])))
    for gram, count in sorted(p["freq"].items()):
        if "\t" in gram or "\n" in gram:
            continue
        out.append("%s\t%d" % (gram, count))
data = ("\n".join(out) + "\n").encode("utf-8")
sys.stdout.buffer.write(gzip.compress(data, 9, mtime=0))
