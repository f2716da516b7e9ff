#!/usr/bin/env python3
"""Regenerates data/common-words/names.txt: the words of the common-word lists
(data/common-words/{en,fr,de,es}.txt) that are names, not ordinary words:
news repeats `Putin`, `Merkel`, `London` so often that the frequency lists
rank them among the 10,000 most frequent words. A word is a name when no
spelling dictionary of English, French, German or Spanish holds it in lower
case, and the English or French one holds it capitalized (`London`), or,
for a word of the English or French list, none holds it at all (`Macron`).
German dictionaries capitalize every noun and Spanish ones list lemmas only:
their capitals and their gaps tell nothing.
An acronym the press writes as a word (`Nato`) is a name too when the
English or French dictionary holds it in capitals only and no dictionary of
a language whose list ranks it holds it in small letters (Spanish `nato`,
innate, is no word of German or English news).
canon lets a surname alone that is such a name link to the person listed
with it (`Putin` after no full name), as a surname that is no word does.

Usage (Python 3.11, from the repository root; needs Debian's `apt-get`, which
fetches the pinned packages below into a cache directory):

    python3 scripts/frequent-names.py [--cache DIR]

Sources (pinned Debian 12 packages): wamerican and wbritish 2020.12.07-2
(SCOWL, free with attribution), wfrench 1.2.7-2 (GPL-2), wngerman
20161207-11 (GPL-2+), wspanish 1.0.30 (GPL-2). Only the membership of a word
in them is used; no dictionary text is copied.
"""

from __future__ import annotations

import argparse
import subprocess
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LISTS = ROOT / "data" / "common-words"
PACKAGES = {
    "wamerican=2020.12.07-2": "american-english",
    "wbritish=2020.12.07-2": "british-english",
    "wfrench=1.2.7-2": "french",
    "wngerman=20161207-11": "ngerman",
    "wspanish=1.0.30": "spanish",
}
# The dictionaries whose capitals mark proper names.
NAME_DICTIONARIES = {"american-english", "british-english", "french"}
# The language of each dictionary.
LANGUAGES = {
    "american-english": "en",
    "british-english": "en",
    "french": "fr",
    "ngerman": "de",
    "spanish": "es",
}


def fold(word: str) -> str:
    """canon's key of a single word, near enough: no diacritics, lower case."""
    s = unicodedata.normalize("NFKD", word)
    return "".join(c for c in s if not unicodedata.combining(c)).lower().replace("ß", "ss")


def dictionaries(cache: Path) -> dict[str, list[str]]:
    """The words of each dictionary, downloaded and unpacked once."""
    cache.mkdir(parents=True, exist_ok=True)
    out = {}
    for package, name in PACKAGES.items():
        path = cache / "usr" / "share" / "dict" / name
        if not path.exists():
            subprocess.run(["apt-get", "download", package], cwd=cache, check=True)
            deb = next(cache.glob(package.split("=")[0] + "_*.deb"))
            subprocess.run(["dpkg-deb", "-x", str(deb), str(cache)], check=True)
        out[name] = path.read_text(encoding="utf-8").split()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cache", type=Path,
                        default=Path.home() / ".cache" / "canon-dictionaries")
    args = parser.parse_args()
    words = dictionaries(args.cache)
    lower = {fold(w) for ws in words.values() for w in ws if w[:1].islower()}
    capital = {fold(w) for name, ws in words.items() if name in NAME_DICTIONARIES
               for w in ws if w[:1].isupper()}
    anywhere = {fold(w) for ws in words.values() for w in ws}
    acronyms = {fold(w) for name, ws in words.items() if name in NAME_DICTIONARIES
                for w in ws if len(w) > 1 and w.isupper()}
    # The languages whose dictionary holds a word in small letters.
    lower_in: dict[str, set[str]] = {}
    for name, ws in words.items():
        for w in ws:
            if w[:1].islower():
                lower_in.setdefault(fold(w), set()).add(LANGUAGES[name])
    langs = ["en", "fr", "de", "es"]
    ranked = {lang: (LISTS / f"{lang}.txt").read_text(encoding="utf-8").split() for lang in langs}
    ranked_folded = {lang: {fold(w) for w in ws} for lang, ws in ranked.items()}
    names: dict[str, None] = {}
    for lang in langs:
        for word in ranked[lang]:
            k = fold(word)
            unknown = lang in ("en", "fr") and k not in anywhere
            acronym = k in acronyms and not any(k in ranked_folded[other]
                                                for other in lower_in.get(k, ()))
            if (k not in lower and (k in capital or unknown)) or acronym:
                names.setdefault(word, None)
    (LISTS / "names.txt").write_text("\n".join(names) + "\n", encoding="utf-8")
    print(f"names.txt: {len(names)} names")


if __name__ == "__main__":
    main()
