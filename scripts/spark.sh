#!/usr/bin/env bash
# canon beyond one machine: links a corpus through Apache Spark in local
# mode (each partition piped through `canon link --index` on a worker, the
# binary and an index of the gazetteer, written here by `canon index`,
# shipped with addFile) and checks that the output is the same as one
# single-machine run on the gazetteer itself. Not part of `cargo test`.
#
#   scripts/spark.sh [--gazetteer FILE --corpus FILE] [--partitions N] [--cores N]
#
# Without --gazetteer/--corpus it generates 10k entities and 5,000 documents
# (examples/generate.rs) under target/spark-data. Installs pyspark into
# target/venv-spark; needs Java 17 or later. Prints "identical" or exits 1.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! java -version 2>&1 | grep -Eq 'version "(1[7-9]|[2-9][0-9])'; then
  echo "spark.sh: Spark needs Java 17 or later on the PATH" >&2
  java -version >&2 || true
  exit 1
fi
venv=target/venv-spark
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
"$venv/bin/pip" install --quiet --disable-pip-version-check pyspark

cargo build --release --quiet
args=("$@")
if [[ " $* " != *" --corpus "* ]]; then
  data=target/spark-data
  cargo run --release --quiet --example generate -- \
    --entities 10000 --docs 5000 --seed 7 --out "$data"
  args+=(--gazetteer "$data/gazetteer.toml" --corpus "$data/corpus.jsonl")
fi
# The gazetteer given (or generated), compiled once for every worker.
gazetteer=
for ((i = 0; i < ${#args[@]} - 1; i++)); do
  if [ "${args[i]}" = --gazetteer ]; then gazetteer=${args[i + 1]}; fi
done
mkdir -p target/spark-data
target/release/canon index "$gazetteer" -o target/spark-data/canon.idx
exec "$venv/bin/python" scripts/spark_local.py --canon target/release/canon \
  --index target/spark-data/canon.idx "${args[@]}"
