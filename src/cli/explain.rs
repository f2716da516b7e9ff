//! `canon explain`: every candidate for a text, its score and method, and
//! why it was kept or dropped.

use super::{read_text, LinkerArgs, Outcome};
use anyhow::Context;
use clap::{Args, ValueEnum};
use serde_json::json;
use std::io::Write;
use std::path::Path;

#[derive(Debug, Args)]
pub(crate) struct ExplainArgs {
    #[command(flatten)]
    linker: LinkerArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// The text to explain, or a file holding it (`-`: standard input).
    #[arg(value_name = "TEXT|FILE")]
    input: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    /// Human-readable lines.
    Text,
    /// One JSON object.
    Json,
}

pub(crate) fn run(args: ExplainArgs) -> anyhow::Result<Outcome> {
    let text = if args.input == "-" || Path::new(&args.input).is_file() {
        read_text(&args.input).with_context(|| args.input.clone())?
    } else {
        args.input.clone()
    };
    let linker = args.linker.linker()?;
    let explanation = linker.explain(&text);
    let chars = |byte: usize| text[..byte].chars().count();
    // Written, not printed: a closed pipe (`canon explain ... | head`) is
    // an error main() treats as success, where println! would panic.
    let mut out = std::io::stdout().lock();
    let cannot = "cannot write the output";
    match args.format {
        Format::Text => {
            writeln!(out, "normalized: {}", explanation.normalized).context(cannot)?;
            if explanation.candidates.is_empty() {
                writeln!(out, "no candidate").context(cannot)?;
            }
            for c in &explanation.candidates {
                let mut via = c
                    .via
                    .as_ref()
                    .map(|v| format!(" with {v:?}"))
                    .unwrap_or_default();
                if !c.rules.is_empty() {
                    via.push_str(&format!(" by {}", c.rules.join(", ")));
                }
                let decision = match &c.decision {
                    Ok(()) => "KEPT".to_string(),
                    Err(reason) => format!("dropped: {reason}"),
                };
                writeln!(
                    out,
                    "{}-{} {:?} -> {} ({}) {} {:.3} matched {:?}{via}: {decision}",
                    chars(c.span.start),
                    chars(c.span.end),
                    &text[c.span],
                    c.entity.id,
                    c.entity.kind.as_str(),
                    c.method,
                    c.score,
                    c.matched,
                )
                .context(cannot)?;
            }
        }
        Format::Json => {
            let candidates: Vec<_> = explanation
                .candidates
                .iter()
                .map(|c| {
                    json!({
                        "start": chars(c.span.start),
                        "end": chars(c.span.end),
                        "text": &text[c.span],
                        "entity": c.entity.id,
                        "method": c.method,
                        "score": c.score,
                        "matched": c.matched,
                        "via": c.via,
                        "rules": c.rules,
                        "kept": c.decision.is_ok(),
                        "reason": c.decision.as_ref().err().map(ToString::to_string),
                    })
                })
                .collect();
            let doc = json!({"normalized": explanation.normalized, "candidates": candidates});
            writeln!(out, "{doc}").context(cannot)?;
        }
    }
    Ok(Outcome::Success)
}
