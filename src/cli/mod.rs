//! What the user typed (clap derive structs), and the one place where it
//! becomes a [`Linker`] and I/O settings.

mod add;
mod check;
mod edit;
mod eval;
mod explain;
mod index;
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
    /// Compile a gazetteer into an index file, for `--index`.
    Index(index::IndexArgs),
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
        Command::Index(args) => index::run(args),
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
    /// Index file written by `canon index`, loaded instead of a gazetteer
    /// (the known names are compiled into it).
    #[arg(long, value_name = "FILE", conflicts_with_all = ["gazetteer", "known_names"])]
    index: Option<PathBuf>,
    /// Score a mention needs, in [0, 1].
    #[arg(long, value_name = "SCORE", default_value_t = canon::DEFAULT_THRESHOLD)]
    threshold: f64,
    /// Link listed spellings only: no known names, transliteration skeletons or edit distance.
    #[arg(long)]
    no_fuzzy: bool,
    /// Look for unlisted spellings by edit distance only: no convention
    /// skeletons, names translated word by word or acronyms in another
    /// language's order (the known names stay: see --no-known-names).
    #[arg(long, conflicts_with = "no_fuzzy")]
    no_transliteration: bool,
    #[command(flatten)]
    known: KnownArgs,
}

impl LinkerArgs {
    /// The linker these options ask for. It is never freed: the process
    /// ends with the command, and freeing a million entities one by one
    /// would take a good part of what loading them from an index takes.
    fn linker(&self) -> anyhow::Result<&'static Linker> {
        let mut builder = Linker::builder();
        builder
            .threshold(self.threshold)
            .fuzzy(!self.no_fuzzy)
            .transliteration(!self.no_transliteration)
            .known_names(self.known.known_names()?);
        let linker = match &self.index {
            Some(index) => builder.load_index(index)?,
            None => builder
                .build(gazetteer(&self.gazetteer)?)
                .context("cannot build the linker")?,
        };
        Ok(Box::leak(Box::new(linker)))
    }
}

/// Which names complete the gazetteer's: options of every command that
/// compiles a gazetteer.
#[derive(Debug, Args)]
struct KnownArgs {
    /// Gazetteer file or directory (repeatable) whose names complete the
    /// gazetteer's: an entity both list is also found under its names there.
    /// Default: the embedded gazetteer.
    #[arg(long, value_name = "PATH")]
    known_names: Vec<PathBuf>,
    /// Link the gazetteer's own names only, without the known names.
    #[arg(long, conflicts_with = "known_names")]
    no_known_names: bool,
}

impl KnownArgs {
    /// The known names these options ask for.
    fn known_names(&self) -> anyhow::Result<Option<KnownNames>> {
        if self.no_known_names {
            return Ok(None);
        }
        if self.known_names.is_empty() {
            return Ok(Some(KnownNames::embedded()));
        }
        let gazetteer = Gazetteer::load(&self.known_names)
            .map_err(|errs| anyhow::anyhow!("invalid gazetteer of known names:\n{errs}"))?;
        Ok(Some(KnownNames::new(gazetteer)))
    }
}

/// The gazetteer of the files and directories at `paths`; the embedded
/// one without any.
fn gazetteer(paths: &[PathBuf]) -> anyhow::Result<Gazetteer> {
    if paths.is_empty() {
        return Ok(Gazetteer::embedded());
    }
    Gazetteer::load(paths).map_err(|errs| anyhow::anyhow!("invalid gazetteer:\n{errs}"))
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
