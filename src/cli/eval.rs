//! `canon eval`: link gold documents and score them as score.py does.

use super::{LinkerArgs, Outcome};
use anyhow::{bail, Context};
use canon::eval::{predict, score_document, GoldMention, Totals};
use serde::Deserialize;
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub(crate) struct EvalArgs {
    /// Gold annotations: JSON Lines of {"id", "text", "mentions": [...]}.
    #[arg(long, value_name = "FILE")]
    gold: PathBuf,
    #[command(flatten)]
    linker: LinkerArgs,
    /// Exit 1 when the total F1 is below this.
    #[arg(long, value_name = "F1")]
    min_f1: Option<f64>,
    /// Print only the totals line, not the errors.
    #[arg(long)]
    quiet: bool,
}

use clap::Args;

#[derive(Deserialize)]
struct GoldDocument {
    id: serde_json::Value,
    text: String,
    #[serde(default)]
    mentions: Vec<GoldMention>,
}

pub(crate) fn run(args: EvalArgs) -> anyhow::Result<Outcome> {
    let gold_text = std::fs::read_to_string(&args.gold)
        .with_context(|| format!("cannot read {}", args.gold.display()))?;
    let mut documents = Vec::new();
    for (n, line) in gold_text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let doc: GoldDocument = serde_json::from_str(line)
            .with_context(|| format!("{}:{}: invalid gold document", args.gold.display(), n + 1))?;
        let id = match &doc.id {
            serde_json::Value::String(s) => s.clone(),
            serde_json::Value::Number(n) => n.to_string(),
            _ => bail!(
                "{}:{}: \"id\" must be a string or a number",
                args.gold.display(),
                n + 1
            ),
        };
        documents.push((id, doc));
    }
    let linker = args.linker.linker()?;
    let mut totals = Totals::default();
    // Written, not printed: a closed pipe (`canon eval ... | head`) is an
    // error main() treats as success, where println! would panic.
    let mut out = std::io::stdout().lock();
    for (id, doc) in &documents {
        let predicted = predict(linker, &doc.text);
        let score = score_document(&doc.mentions, &predicted);
        if !args.quiet {
            for miss in &score.errors {
                writeln!(out, "{}", miss.line(id)).context("cannot write the output")?;
            }
        }
        totals.add(&score);
    }
    writeln!(out, "{totals}").context("cannot write the output")?;
    match args.min_f1 {
        Some(min) if totals.f1() < min => {
            eprintln!("canon: F1 {:.3} is below {min}", totals.f1());
            Ok(Outcome::Invalid)
        }
        _ => Ok(Outcome::Success),
    }
}
