//! Writes a generated gazetteer, corpus and gold, for measuring canon at
//! scale (see `generate/mod.rs` for what is generated).
//!
//! ```sh
//! cargo run --release --example generate -- --entities 100000 --docs 10000 --seed 7 --out DIR
//! canon link --gazetteer DIR/gazetteer.toml --input jsonl DIR/corpus.jsonl
//! canon eval --gazetteer DIR/gazetteer.toml --gold DIR/gold.jsonl
//! ```
//!
//! Writes `DIR/gazetteer.toml`, `DIR/corpus.jsonl` (`{"id", "text"}` per
//! line) and `DIR/gold.jsonl` (the CONTRACT's gold format: the same
//! documents with `mentions`, offsets in code points).

#[path = "generate/mod.rs"]
mod generate;

use anyhow::Context;
use clap::Parser;
use serde_json::json;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

/// Generate a gazetteer, a corpus and gold annotations.
#[derive(Parser)]
struct Args {
    /// Entities in the gazetteer (at least 20).
    #[arg(long, default_value_t = 1000)]
    entities: usize,
    /// Documents in the corpus (about 2 KB each).
    #[arg(long, default_value_t = 1000)]
    docs: usize,
    /// Seed: the same seed gives the same files.
    #[arg(long, default_value_t = 7)]
    seed: u64,
    /// Directory to write into (created if missing).
    #[arg(long)]
    out: PathBuf,
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    if args.entities < generate::MIN_ENTITIES {
        anyhow::bail!("--entities must be at least {}", generate::MIN_ENTITIES);
    }
    let data = generate::dataset(args.entities, args.docs, args.seed);
    std::fs::create_dir_all(&args.out)
        .with_context(|| format!("cannot create {}", args.out.display()))?;
    std::fs::write(args.out.join("gazetteer.toml"), &data.gazetteer)
        .with_context(|| format!("cannot write {}", args.out.display()))?;
    let mut corpus = create(&args.out.join("corpus.jsonl"))?;
    let mut gold = create(&args.out.join("gold.jsonl"))?;
    let mut bytes = 0;
    let mut mentions = 0;
    for (n, doc) in data.documents.iter().enumerate() {
        let id = format!("doc-{n}");
        bytes += doc.text.len();
        mentions += doc.mentions.iter().filter(|m| m.entity.is_some()).count();
        let spans: Vec<_> = doc
            .mentions
            .iter()
            .map(|m| json!({"start": m.start, "end": m.end, "text": m.text, "entity": m.entity}))
            .collect();
        serde_json::to_writer(&mut corpus, &json!({"id": id, "text": doc.text}))?;
        corpus.write_all(b"\n")?;
        serde_json::to_writer(
            &mut gold,
            &json!({"id": id, "text": doc.text, "mentions": spans}),
        )?;
        gold.write_all(b"\n")?;
    }
    corpus.flush()?;
    gold.flush()?;
    eprintln!(
        "{}: {} entities, {} documents ({:.1} MB of text), {mentions} gold mentions",
        args.out.display(),
        args.entities,
        args.docs,
        bytes as f64 / 1e6,
    );
    Ok(())
}

fn create(path: &Path) -> anyhow::Result<BufWriter<std::fs::File>> {
    let file =
        std::fs::File::create(path).with_context(|| format!("cannot create {}", path.display()))?;
    Ok(BufWriter::new(file))
}
