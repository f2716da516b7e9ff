//! `canon check`: validate gazetteers, printing every error and warning
//! located, as text or as JSON Lines for editors and CI.

use super::Outcome;
use canon::{Gazetteer, GazetteerError, Origin, Report, Warning};
use clap::{Args, ValueEnum};
use serde::Serialize;
use std::collections::BTreeSet;
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub(crate) struct CheckArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Exit 1 on warnings too, not only on errors.
    #[arg(long)]
    deny_warnings: bool,
    /// Gazetteer files or directories (read recursively, in sorted order).
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    /// `path:line:column: [warning: ]message — fix`, then a summary line.
    Text,
    /// One JSON object per diagnostic, one per line.
    Json,
}

/// One diagnostic as `--format json` prints it: the stable wire format
/// documented in the README.
#[derive(Serialize)]
struct Diagnostic<'a> {
    severity: &'static str,
    file: &'a str,
    line: usize,
    column: usize,
    kind: &'static str,
    message: String,
    fix: String,
}

impl<'a> Diagnostic<'a> {
    fn error(error: &'a GazetteerError) -> Diagnostic<'a> {
        Diagnostic {
            severity: "error",
            file: &error.path,
            line: error.line,
            column: error.column,
            kind: error.kind.code(),
            message: error.kind.message(),
            fix: error.kind.fix(),
        }
    }

    fn warning(warning: &'a Warning) -> Diagnostic<'a> {
        let Origin { path, line, column } = &warning.origin;
        Diagnostic {
            severity: "warning",
            file: path,
            line: *line,
            column: *column,
            kind: warning.kind.code(),
            message: warning.kind.message(),
            fix: warning.kind.fix(),
        }
    }
}

pub(crate) fn run(args: CheckArgs) -> anyhow::Result<Outcome> {
    let report = Gazetteer::check(&args.paths);
    let mut out = std::io::stdout().lock();
    match args.format {
        Format::Text => {
            for error in &report.errors {
                writeln!(out, "{error}")?;
            }
            for warning in &report.warnings {
                writeln!(out, "{warning}")?;
            }
            writeln!(out, "{}", summary(&report))?;
        }
        Format::Json => {
            let errors = report.errors.iter().map(Diagnostic::error);
            for diagnostic in errors.chain(report.warnings.iter().map(Diagnostic::warning)) {
                serde_json::to_writer(&mut out, &diagnostic)?;
                writeln!(out)?;
            }
        }
    }
    out.flush()?;
    let failed = !report.errors.is_empty() || (args.deny_warnings && !report.warnings.is_empty());
    Ok(if failed {
        Outcome::Invalid
    } else {
        Outcome::Success
    })
}

/// `ok: 19 entities`, `ok: 19 entities, 2 warnings`, `3 errors, 1 warning
/// in 2 files`.
fn summary(report: &Report) -> String {
    let count = |n: usize, noun: &str| format!("{n} {noun}{}", if n == 1 { "" } else { "s" });
    if report.errors.is_empty() {
        let noun = if report.entities == 1 {
            "entity"
        } else {
            "entities"
        };
        let mut line = format!("ok: {} {noun}", report.entities);
        if !report.warnings.is_empty() {
            line.push_str(&format!(", {}", count(report.warnings.len(), "warning")));
        }
        return line;
    }
    let files: BTreeSet<&str> = report
        .errors
        .iter()
        .map(|e| e.path.as_str())
        .chain(report.warnings.iter().map(|w| &*w.origin.path))
        .collect();
    let mut line = count(report.errors.len(), "error");
    if !report.warnings.is_empty() {
        line.push_str(&format!(", {}", count(report.warnings.len(), "warning")));
    }
    format!("{line} in {}", count(files.len(), "file"))
}
