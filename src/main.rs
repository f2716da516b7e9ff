//! The `canon` command: parses the command line, runs the subcommand, and
//! maps the outcome to the exit codes of CONTRACT.md (0 success, 1 invalid
//! input or gazetteer, 2 bad usage; a closed output pipe is a success).

mod cli;

use clap::Parser;
use std::process::ExitCode;

/// Building a linker allocates tens of millions of small strings and
/// vectors, on every core: mimalloc does that a fifth faster than the
/// system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    match cli::run(args) {
        Ok(cli::Outcome::Success) => ExitCode::SUCCESS,
        Ok(cli::Outcome::Invalid) => ExitCode::from(1),
        Err(err) if cli::is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("canon: {err:#}");
            ExitCode::from(1)
        }
    }
}
