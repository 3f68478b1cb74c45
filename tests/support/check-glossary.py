#!/usr/bin/env python3
# Fails when a translation does not use the glossary's Chinese for a checked domain term (translations/glossary.tsv).
import html
import re
import sys

root = sys.argv[1]
terms = []
for line in open(f"{root}/translations/glossary.tsv", encoding="utf-8"):
    if not line.strip() or line.startswith("#"):
        continue
    fields = line.rstrip("\n").split("\t")
    if len(fields) >= 3 and fields[2] == "yes":
        terms.append((fields[0], fields[1], re.compile(r"\b" + re.escape(fields[0]) + r"s?\b", re.I)))
ts = open(f"{root}/translations/xmcredit_zh_CN.ts", encoding="utf-8").read()
messages = []
for m in re.finditer(r"<source>(.*?)</source>.*?<translation[^>]*>(.*?)</translation>", ts, re.S):
    source = html.unescape(m.group(1))
    translation = html.unescape(re.sub(r"</?numerusform>", "", m.group(2)))
    messages.append((source, translation))
problems = []
for english, chinese, pattern in terms:
    for source, translation in messages:
        if pattern.search(source) and chinese not in translation and not pattern.search(translation):
            problems.append(f"  {english} -> {chinese}: {source[:80]!r} => {translation[:40]!r}")
if problems:
    print(f"glossary: {len(problems)} translation(s) do not use the glossary's term:")
    print("\n".join(problems))
    sys.exit(1)
print(f"glossary: {len(terms)} checked terms used consistently in {len(messages)} messages")
