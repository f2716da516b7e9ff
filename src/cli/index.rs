//! `canon index`: compile a gazetteer into an index file, which `--index`
//! loads without parsing TOML or building the lexicon.

use super::{KnownArgs, Outcome};
use anyhow::Context;
use canon::Linker;
use clap::Args;
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub(crate) struct IndexArgs {
    /// The index file to write (through a temporary file renamed over it).
    #[arg(long, short, value_name = "FILE")]
    output: PathBuf,
    /// Gazetteer files or directories (read recursively, in sorted order);
    /// without any, the embedded gazetteer.
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,
    #[command(flatten)]
    known: KnownArgs,
}

pub(crate) fn run(args: IndexArgs) -> anyhow::Result<Outcome> {
    let gazetteer = super::gazetteer(&args.paths)?;
    let (entities, files) = (gazetteer.len(), gazetteer.sources().len());
    let linker = Linker::builder()
        .known_names(args.known.known_names()?)
        .build(gazetteer)
        .context("cannot build the linker")?;
    // Never freed, as `link`'s linker: the process ends with the command,
    // and freeing a million entities one by one takes a second.
    let linker: &Linker = Box::leak(Box::new(linker));
    linker.save_index(&args.output)?;
    let size = std::fs::metadata(&args.output)
        .with_context(|| format!("cannot read {}", args.output.display()))?
        .len();
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    // Written, not printed, as `explain`'s lines: a closed pipe is no panic.
    writeln!(
        std::io::stdout().lock(),
        "{}: {} from {}, {size} bytes",
        args.output.display(),
        plural(entities, "entity", "entities"),
        match files {
            0 => "the embedded gazetteer".to_string(),
            n => plural(n, "file", "files"),
        },
    )
    .context("cannot write the output")?;
    Ok(Outcome::Success)
}
