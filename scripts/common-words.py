#!/usr/bin/env python3
"""Regenerates data/common-words/{en,fr,de,es}.txt: the most frequent words
of each language (wordfreq's top lists), alphabetic: of four letters or more
among the 10,000 most frequent, and shorter ones among the 400 most frequent
(articles, prepositions, pronouns: `In`, `Les`, `Der` opening a sentence are
no name), one per line, most frequent first. canon refuses to link such a
word to an entity unless the gazetteer lists it exactly.

Usage: pip install wordfreq==3.1.1 && python3 scripts/common-words.py
Data: wordfreq (https://github.com/rspeer/wordfreq), word lists under
CC BY-SA 4.0; see data/common-words/README.md.
"""
import pathlib
import wordfreq

TOP = 10_000
TOP_SHORT = 400
out = pathlib.Path(__file__).resolve().parent.parent / "data" / "common-words"
out.mkdir(parents=True, exist_ok=True)
for lang in ["en", "fr", "de", "es"]:
    words = [
        w
        for rank, w in enumerate(wordfreq.top_n_list(lang, TOP))
        if w.isalpha() and (len(w) >= 4 or (len(w) >= 2 and rank < TOP_SHORT))
    ]
    (out / f"{lang}.txt").write_text("\n".join(words) + "\n", encoding="utf-8")
    print(lang, len(words))
