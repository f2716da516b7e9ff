#!/usr/bin/env python3
"""canon side by side with the usual dictionary matchers, on the same
generated gazetteer and corpus: pyahocorasick, FlashText and spaCy's
EntityRuler (phrase patterns on LOWER, blank English pipeline).

    python3 scripts/peers.py --data DIR [--docs N] [--tools ...]

DIR holds gazetteer.toml and corpus.jsonl from
`cargo run --release --example generate -- --out DIR`. The script creates
target/venv-peers with what it needs on first run, and re-runs itself there.
Each tool runs in its own process, so that its peak memory is its own:
build time (names to a ready matcher), link time and MB/s over the texts,
peak RSS, and mentions found. The peers match listed names only (every
name, alias, name by language and acronym, lower-cased); canon runs with
every pass on, with 2 and 1 threads, and with --no-fuzzy (listed names
only, as the peers), from the TOML and from index files (`canon index`,
written once per kind into target/; the build column is then the load, and
the index's writing is reported below the table). Prints a Markdown table.
Not part of `cargo test`.
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VENV = os.path.join(ROOT, "target", "venv-peers")
PACKAGES = ["pyahocorasick", "flashtext", "spacy"]
PEERS = ["pyahocorasick", "flashtext", "spacy"]


def ensure_venv():
    """Re-runs this script inside target/venv-peers, creating it first."""
    if os.path.realpath(sys.prefix) == os.path.realpath(VENV):
        return
    python = os.path.join(VENV, "bin", "python")
    if not os.path.exists(python):
        subprocess.run([sys.executable, "-m", "venv", VENV], check=True)
    subprocess.run([python, "-m", "pip", "install", "--quiet",
                    "--disable-pip-version-check", *PACKAGES], check=True)
    os.execv(python, [python, *sys.argv])


def names(gazetteer):
    """(surface, entity id, type) for every listed spelling."""
    import tomllib
    with open(gazetteer, "rb") as f:
        entities = tomllib.load(f)["entity"]
    out = []
    for e in entities:
        spellings = [e["name"], *e.get("aliases", []), *e.get("acronyms", [])]
        for by_language in e.get("names", {}).values():
            spellings.extend(by_language)
        out.extend((s, e["id"], e["type"]) for s in spellings)
    return out


def texts(corpus, docs):
    with open(corpus, encoding="utf-8") as f:
        return [json.loads(line)["text"] for _, line in zip(range(docs), f)]


def is_word(c):
    return c.isalnum()


def run_pyahocorasick(spellings, documents):
    import ahocorasick
    started = time.perf_counter()
    automaton = ahocorasick.Automaton()
    for surface, entity, _ in spellings:
        automaton.add_word(surface.lower(), (len(surface), entity))
    automaton.make_automaton()
    built = time.perf_counter()
    found = 0
    for text in documents:
        lower = text.lower()
        # Leftmost-longest, then the token-boundary check the automaton
        # does not do.
        for end, (length, _) in automaton.iter_long(lower):
            start = end - length + 1
            if (start == 0 or not is_word(lower[start - 1])) and (
                    end + 1 == len(lower) or not is_word(lower[end + 1])):
                found += 1
    return built - started, time.perf_counter() - built, found


def run_flashtext(spellings, documents):
    from flashtext import KeywordProcessor
    started = time.perf_counter()
    processor = KeywordProcessor(case_sensitive=False)
    for surface, entity, _ in spellings:
        processor.add_keyword(surface, entity)
    built = time.perf_counter()
    found = sum(len(processor.extract_keywords(t)) for t in documents)
    return built - started, time.perf_counter() - built, found


def run_spacy(spellings, documents):
    import spacy
    started = time.perf_counter()
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER"})
    ruler.add_patterns([{"label": kind.upper(), "pattern": surface, "id": entity}
                        for surface, entity, kind in spellings])
    built = time.perf_counter()
    found = sum(len(doc.ents) for doc in nlp.pipe(documents, batch_size=64))
    return built - started, time.perf_counter() - built, found


def run_peer(tool, data, docs):
    """In a child process: one peer, its figures as JSON on stdout."""
    spellings = names(os.path.join(data, "gazetteer.toml"))
    documents = texts(os.path.join(data, "corpus.jsonl"), docs)
    build, link, found = globals()["run_" + tool](spellings, documents)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(json.dumps({"build": build, "link": link, "found": found, "peak": peak}))


def timed(command, stdin_path):
    """Runs `command` on a file as standard input: (seconds, peak bytes, stdout)."""
    with open(stdin_path, "rb") as stdin:
        started = time.perf_counter()
        done = subprocess.run(["/usr/bin/time", "-f", "%M", *command], stdin=stdin,
                              capture_output=True, check=True)
        seconds = time.perf_counter() - started
    peak = int(done.stderr.decode().strip().splitlines()[-1]) * 1024
    return seconds, peak, done.stdout


def run_canon(canon, source, corpus, flags, repeat):
    """Build time is a run on no documents with `source` (the gazetteer's
    or the index's arguments), link time what a run on the documents
    takes beyond it: the fastest of `repeat` runs each, since the
    difference of two single runs is noise when linking takes less time
    than building."""
    empty = os.path.join(ROOT, "target", "peers-empty.jsonl")
    with open(empty, "w") as f:
        f.write("")
    command = [canon, "link", "--input", "jsonl", *source, *flags]
    build = min(timed(command, empty)[0] for _ in range(repeat))
    runs = [timed(command, corpus) for _ in range(repeat)]
    total = min(seconds for seconds, _, _ in runs)
    peak = max(peak for _, peak, _ in runs)
    out = runs[0][2]
    found = sum(len(json.loads(line)["mentions"]) for line in out.splitlines())
    return {"build": build, "link": max(total - build, 1e-9), "found": found, "peak": peak}


def write_index(canon, gazetteer, flags):
    """Writes the index of `gazetteer` (with `flags`) into target/: its
    path, and the seconds and peak bytes writing took."""
    kind = "lean" if flags else "full"
    path = os.path.join(ROOT, "target", f"peers-{kind}.idx")
    seconds, peak, _ = timed([canon, "index", gazetteer, "-o", path, *flags], os.devnull)
    return path, seconds, peak


def canon_rows(canon, data, corpus, repeat):
    """canon's rows: every pass and --no-fuzzy, from the TOML and from an
    index, on 2 and 1 threads; and what writing each index took."""
    gazetteer = os.path.join(data, "gazetteer.toml")
    rows, notes = [], []
    # `--no-fuzzy` links without the known names, so its index has none.
    for label, flags, index_flags in [("every pass", [], []),
                                      ("--no-fuzzy", ["--no-fuzzy"], ["--no-known-names"])]:
        print(f"writing the index for canon {label}...", file=sys.stderr)
        index, seconds, peak = write_index(canon, gazetteer, index_flags)
        size = os.path.getsize(index) / 1e6
        notes.append(f"index for {label}: written in {seconds:.1f} s, peak {peak / 1e6:.0f} MB, "
                     f"{size:,.0f} MB")
        for source_label, source in [("", ["--gazetteer", gazetteer]),
                                     (" --index", ["--index", index])]:
            for threads in ["2", "1"]:
                name = f"canon{source_label} {label}, {threads} thread{'s' * (threads != '1')}"
                print(f"running {name}...", file=sys.stderr)
                rows.append((name, run_canon(canon, source, corpus,
                                             ["--threads", threads, *flags], repeat)))
    return rows, notes


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", required=True, help="directory of the generated files")
    parser.add_argument("--docs", type=int, default=5000, help="documents linked")
    parser.add_argument("--tools", nargs="*", default=PEERS + ["canon"])
    parser.add_argument("--canon", default=os.path.join(ROOT, "target", "release", "canon"))
    parser.add_argument("--repeat", type=int, default=3,
                        help="canon runs of each kind, the fastest kept")
    parser.add_argument("--run", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run:
        return run_peer(args.run, args.data, args.docs)
    ensure_venv()

    documents = texts(os.path.join(args.data, "corpus.jsonl"), args.docs)
    megabytes = sum(len(t.encode()) for t in documents) / 1e6
    corpus = os.path.join(ROOT, "target", "peers-corpus.jsonl")
    with open(os.path.join(args.data, "corpus.jsonl"), encoding="utf-8") as f, \
            open(corpus, "w", encoding="utf-8") as out:
        out.writelines(line for _, line in zip(range(args.docs), f))
    with open(os.path.join(args.data, "gazetteer.toml"), "rb") as f:
        entities = f.read().count(b"[[entity]]")

    rows, notes = [], []
    for tool in args.tools:
        if tool == "canon":
            canon, notes = canon_rows(args.canon, args.data, corpus, args.repeat)
            rows.extend(canon)
            continue
        print(f"running {tool}...", file=sys.stderr)
        done = subprocess.run([sys.executable, __file__, "--run", tool, "--data", args.data,
                               "--docs", str(args.docs)], capture_output=True, text=True)
        if done.returncode != 0:
            print(f"{tool} failed: {done.stderr[-500:]}", file=sys.stderr)
            continue
        rows.append((tool, json.loads(done.stdout.strip().splitlines()[-1])))

    gold = 0
    gold_path = os.path.join(args.data, "gold.jsonl")
    if os.path.exists(gold_path):
        with open(gold_path, encoding="utf-8") as f:
            gold = sum(sum(m["entity"] is not None for m in json.loads(line)["mentions"])
                       for _, line in zip(range(args.docs), f))
    print(f"\n{entities:,} entities, {len(documents):,} documents, {megabytes:.1f} MB of text, "
          f"{gold:,} gold mentions\n")
    print("| tool | build or load (s) | link (s) | MB/s | peak RSS (MB) | mentions |")
    print("|---|---|---|---|---|---|")
    for label, r in rows:
        print(f"| {label} | {r['build']:.2f} | {r['link']:.2f} | {megabytes / r['link']:.2f} "
              f"| {r['peak'] / 1e6:.0f} | {r['found']:,} |")
    for note in notes:
        print(f"\n- {note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
