//! What the user typed (clap derive structs), and the one place where it
//! becomes a [`Linker`] and I/O settings.

mod add;
mod check;
mod edit;
mod eval;
mod explain;
mod input;
mod link;
mod new;
mod progress;
mod suggest;

use anyhow::Context;
use canon::{Gazetteer, KnownNames, Linker};
use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

/// canon: find every mention of a known entity, whatever its spelling,
/// script or language.
#[derive(Debug, Parser)]
#[command(name = "canon", version, about, propagate_version = true)]
pub(crate) struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Annotate documents with the entities they mention (JSON Lines out).
    Link(link::LinkArgs),
    /// Score canon against gold annotations (as shared/tools/score.py does).
    Eval(eval::EvalArgs),
    /// Validate gazetteer files or directories, reporting every mistake.
    Check(check::CheckArgs),
    /// Show every candidate for a text, its score, and why it was kept or dropped.
    Explain(explain::ExplainArgs),
    /// Add names to an entity of a gazetteer file, in place; print the diff.
    Add(add::AddArgs),
    /// Append a new entity to a gazetteer file; print the diff.
    New(new::NewArgs),
    /// Read a corpus and propose what the gazetteer lacks, as TOML.
    Suggest(suggest::SuggestArgs),
}

/// How a subcommand ended, when it did not fail outright.
pub(crate) enum Outcome {
    /// Everything went well: exit 0.
    Success,
    /// Some input or gazetteer was invalid; it was reported: exit 1.
    Invalid,
}

/// Runs the subcommand.
pub(crate) fn run(cli: Cli) -> anyhow::Result<Outcome> {
    match cli.command {
        Command::Link(args) => link::run(args),
        Command::Eval(args) => eval::run(args),
        Command::Check(args) => check::run(args),
        Command::Explain(args) => explain::run(args),
        Command::Add(args) => add::run(args),
        Command::New(args) => new::run(args),
        Command::Suggest(args) => suggest::run(args),
    }
}

/// Whether an error is a closed output pipe (`canon link | head`).
pub(crate) fn is_broken_pipe(err: &anyhow::Error) -> bool {
    let broken = Some(std::io::ErrorKind::BrokenPipe);
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>().map(std::io::Error::kind) == broken
            || e.downcast_ref::<serde_json::Error>()
                .and_then(serde_json::Error::io_error_kind)
                == broken
    })
}

/// Options shared by every command that links.
#[derive(Debug, Args)]
struct LinkerArgs {
    /// Gazetteer file or directory (repeatable); replaces the embedded default.
    #[arg(long, short, value_name = "PATH")]
    gazetteer: Vec<PathBuf>,
    /// Score a mention needs, in [0, 1].
    #[arg(long, value_name = "SCORE", default_value_t = canon::DEFAULT_THRESHOLD)]
    threshold: f64,
    /// Link listed spellings only: no known names, transliteration skeletons or edit distance.
    #[arg(long)]
    no_fuzzy: bool,
    /// Gazetteer file or directory (repeatable) whose names complete the
    /// gazetteer's: an entity both list is also found under its names there.
    /// Default: the embedded gazetteer.
    #[arg(long, value_name = "PATH")]
    known_names: Vec<PathBuf>,
    /// Link the gazetteer's own names only, without the known names.
    #[arg(long, conflicts_with = "known_names")]
    no_known_names: bool,
}

impl LinkerArgs {
    /// The linker these options ask for.
    fn linker(&self) -> anyhow::Result<Linker> {
        let gazetteer = if self.gazetteer.is_empty() {
            Gazetteer::embedded()
        } else {
            Gazetteer::load(&self.gazetteer)
                .map_err(|errs| anyhow::anyhow!("invalid gazetteer:\n{errs}"))?
        };
        let known = if self.no_known_names {
            None
        } else if self.known_names.is_empty() {
            Some(KnownNames::embedded())
        } else {
            let gazetteer = Gazetteer::load(&self.known_names)
                .map_err(|errs| anyhow::anyhow!("invalid gazetteer of known names:\n{errs}"))?;
            Some(KnownNames::new(gazetteer))
        };
        Linker::builder()
            .threshold(self.threshold)
            .fuzzy(!self.no_fuzzy)
            .known_names(known)
            .build(gazetteer)
            .context("cannot build the linker")
    }
}

/// Reads a named input (`-` is standard input) as UTF-8 text. Errors do not
/// repeat the path: callers name it.
fn read_text(path: &str) -> anyhow::Result<String> {
    let bytes = if path == "-" {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin().lock(), &mut buf)
            .context("cannot read")?;
        buf
    } else {
        std::fs::read(path).context("cannot read")?
    };
    String::from_utf8(bytes)
        .map_err(|e| anyhow::anyhow!("invalid UTF-8 at byte {}", e.utf8_error().valid_up_to()))
}
