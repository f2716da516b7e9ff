"""Link a JSON Lines corpus with canon inside Apache Spark, and check that
the result is the same as one `canon link` run on one machine.

canon is a filter (JSON Lines in, JSON Lines out, one output line per input
line, in order), which is what distributed engines run: each partition of
the corpus is piped through the binary on a worker. The binary and the
linker's data are shipped to the workers with SparkContext.addFile: an
index file (`canon index`, loaded with `--index` in a fraction of the time
the gazetteer takes to compile) when --index is given, else the gazetteer.
The single-machine run always reads the gazetteer, so "identical" also
means that the index links as its gazetteer does. Run through
scripts/spark.sh, which installs pyspark, builds canon and the index.

    python scripts/spark_local.py --canon target/release/canon \
        --gazetteer DIR/gazetteer.toml --index DIR/canon.idx --corpus DIR/corpus.jsonl

Exits 0 and prints "identical" when both runs give the same lines, 1
otherwise.
"""

import argparse
import json
import os
import subprocess
import sys
import time

def link_partition(canon_name, flag, data_name):
    """A mapPartitions function: the partition's lines through canon."""

    def run(lines):
        from pyspark import SparkFiles

        canon = SparkFiles.get(canon_name)
        if not os.access(canon, os.X_OK):
            os.chmod(canon, 0o755)
        data = "".join(line + "\n" for line in lines)
        if not data:
            return iter(())
        done = subprocess.run(
            [canon, "link", "--input", "jsonl", "--threads", "1", "--quiet",
             flag, SparkFiles.get(data_name)],
            input=data.encode(), capture_output=True, check=False)
        if done.returncode != 0:
            raise RuntimeError(
                f"canon exited {done.returncode}: {done.stderr.decode()}")
        return iter(done.stdout.decode().splitlines())

    return run


def by_id(lines):
    """Output lines sorted by document id."""
    return sorted(lines, key=lambda line: str(json.loads(line)["id"]))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--canon", required=True, help="the canon binary")
    parser.add_argument("--gazetteer", required=True,
                        help="gazetteer file: the single-machine run's, and "
                             "the workers' without --index")
    parser.add_argument("--index",
                        help="index of the gazetteer (`canon index`), shipped "
                             "to the workers and loaded with --index")
    parser.add_argument("--corpus", required=True, help="JSON Lines documents")
    parser.add_argument("--partitions", type=int, default=8)
    parser.add_argument("--cores", type=int, default=2,
                        help="Spark local mode threads: local[N]")
    args = parser.parse_args()

    from pyspark import SparkConf, SparkContext

    started = time.monotonic()
    single = subprocess.run(
        [args.canon, "link", "--input", "jsonl", "--quiet",
         "--threads", str(args.cores), "--gazetteer", args.gazetteer, args.corpus],
        capture_output=True, check=True).stdout.decode().splitlines()
    single_seconds = time.monotonic() - started

    conf = (SparkConf().setMaster(f"local[{args.cores}]").setAppName("canon")
            .set("spark.ui.enabled", "false"))
    sc = SparkContext(conf=conf)
    sc.setLogLevel("ERROR")
    try:
        started = time.monotonic()
        sc.addFile(os.path.abspath(args.canon))
        flag, shipped = (("--index", args.index) if args.index
                         else ("--gazetteer", args.gazetteer))
        sc.addFile(os.path.abspath(shipped))
        corpus = sc.textFile(os.path.abspath(args.corpus), args.partitions)
        linked = corpus.mapPartitions(link_partition(
            os.path.basename(args.canon), flag, os.path.basename(shipped)))
        spark = linked.collect()
        spark_seconds = time.monotonic() - started
        partitions = corpus.getNumPartitions()
    finally:
        sc.stop()

    print(f"single machine: {len(single)} documents in {single_seconds:.1f} s")
    print(f"spark local[{args.cores}], {partitions} partitions, workers "
          f"given {flag} {os.path.basename(shipped)}: "
          f"{len(spark)} documents in {spark_seconds:.1f} s")
    if spark == single:
        print("identical (same lines, same order)")
        return 0
    if by_id(spark) == by_id(single):
        print("identical (same lines, sorted by id)")
        return 0
    for n, (a, b) in enumerate(zip(by_id(single), by_id(spark))):
        if a != b:
            print(f"differ at document {n}:\n  single: {a[:200]}\n  spark:  {b[:200]}")
            break
    else:
        print(f"differ: {len(single)} lines against {len(spark)}")
    return 1


if __name__ == "__main__":
    sys.exit(main())
