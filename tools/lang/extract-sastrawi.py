#!/usr/bin/python3
"""Extracts the Sastrawi root-word dictionary (MIT, (c) 2015 Andy Librian) from npm sastrawijs.

Usage: npm install --prefix /tmp/sastrawi sastrawijs &&
  /usr/bin/python3 tools/lang/extract-sastrawi.py /tmp/sastrawi/node_modules/sastrawijs/dist/sastrawijs.cjs.js \
  | gzip -9n > src/Warta.Core/Resources/lang/sastrawi-roots.txt.gz
"""
import json, sys
s = open(sys.argv[1], encoding="utf-8").read()
i = s.find('"abad"')
start, end = s.rfind("[", 0, i), s.find("]", i)
words = json.loads(s[start:end + 1])
sys.stdout.write("\n".join(words) + "\n")
