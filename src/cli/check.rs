//! `canon check`: validate gazetteers, printing every mistake located.

use super::Outcome;
use canon::Gazetteer;
use clap::Args;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub(crate) struct CheckArgs {
    /// Gazetteer files or directories (read recursively, in sorted order).
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
}

pub(crate) fn run(args: CheckArgs) -> anyhow::Result<Outcome> {
    match Gazetteer::load(&args.paths) {
        Ok(gazetteer) => {
            println!("ok: {} entities", gazetteer.len());
            Ok(Outcome::Success)
        }
        Err(errors) => {
            println!("{errors}");
            Ok(Outcome::Invalid)
        }
    }
}
