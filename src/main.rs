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

/// `mi_option_purge_delay` in mimalloc.h's `mi_option_e` (the same in
/// mimalloc 2 and 3; libmimalloc-sys names no constant for it).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// How long, in milliseconds, mimalloc keeps memory no longer used before
/// it gives it back to the system (its default is 10). Linking frees each
/// batch of documents' memory and allocates the next batch's moments later:
/// given back at once, every page comes back as a fault the system zeroes.
/// (mimalloc is built without transparent huge pages, see Cargo.toml: their
/// 2 MB zeroed at every first touch cost a tenth of link time, and doubled
/// peak memory with a small gazetteer.)
const PURGE_DELAY_MS: std::ffi::c_long = 1000;

fn main() -> ExitCode {
    // SAFETY: setting an option is a plain store into mimalloc's option
    // table, allowed at any time; the value is one the option documents.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, PURGE_DELAY_MS) };
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
