//! `canon suggest`: read a corpus and propose what the gazetteer lacks, as
//! ready-to-paste TOML; `--apply` adds the spellings through `canon add`.

use super::edit::write_edits;
use super::input::{InputArgs, Job};
use super::{LinkerArgs, Outcome};
use canon::edit::Editor;
use canon::suggest::{Observations, Suggester, Suggestion, SuggestionKind};
use canon::Linker;
use clap::Args;
use rayon::prelude::*;
use std::fmt::Write as _;
use std::io::Write as _;

#[derive(Debug, Args)]
pub(crate) struct SuggestArgs {
    #[command(flatten)]
    linker: LinkerArgs,
    #[command(flatten)]
    input: InputArgs,
    /// Show (and apply) only what occurs at least N times.
    #[arg(long, value_name = "N", default_value_t = 2)]
    min_count: usize,
    /// Add the suggested spellings and acronyms to the gazetteer files
    /// (`--gazetteer`), as `canon add` does; unlinked names are only shown.
    #[arg(long, conflicts_with = "index")]
    apply: bool,
    /// With --apply: only for these entity ids (repeatable).
    #[arg(long, value_name = "ID", requires = "apply")]
    only: Vec<String>,
    /// With --apply: print the diff without writing.
    #[arg(long, requires = "apply")]
    dry_run: bool,
}

/// Documents observed in parallel, this many at a time.
const BATCH: usize = 256;

pub(crate) fn run(args: SuggestArgs) -> anyhow::Result<Outcome> {
    let linker = args.linker.linker()?;
    let mut suggester = Suggester::new(linker);
    let (mut documents, mut all_valid) = (0, true);
    let mut batch: Vec<String> = Vec::new();
    let observe = |suggester: &mut Suggester<'_>, batch: &mut Vec<String>| {
        let seen: Vec<Observations> = batch.par_iter().map(|t| suggester.observe(t)).collect();
        seen.into_iter().for_each(|o| suggester.add(o));
        batch.clear();
    };
    args.input.read(&mut |job| {
        match job {
            Job::Document { text, .. } => {
                documents += 1;
                batch.push(text);
                if batch.len() == BATCH {
                    observe(&mut suggester, &mut batch);
                }
            }
            Job::Invalid {
                file,
                line,
                message,
            } => {
                all_valid = false;
                eprintln!("canon: {}: {message}", Job::place(&file, line));
            }
        }
        Ok(())
    })?;
    observe(&mut suggester, &mut batch);
    let suggestions = suggester.suggestions(args.min_count);
    let mut out = std::io::stdout().lock();
    out.write_all(render(linker, &suggestions, documents, args.min_count).as_bytes())?;
    out.flush()?;
    drop(out);
    if args.apply {
        apply(&args, &suggestions)?;
    }
    Ok(if all_valid {
        Outcome::Success
    } else {
        Outcome::Invalid
    })
}

/// Adds the suggested names to the gazetteer files; a name that `canon
/// add` refuses is skipped and said.
fn apply(args: &SuggestArgs, suggestions: &[Suggestion]) -> anyhow::Result<Outcome> {
    let mut editor = Editor::open(&args.linker.gazetteer)?;
    for suggestion in suggestions {
        let (Some(id), Some(addition)) = (&suggestion.entity, &suggestion.addition) else {
            continue;
        };
        if !args.only.is_empty() && !args.only.contains(id) {
            continue;
        }
        let comment = format!("canon suggest: {} times", suggestion.count);
        if let Err(refused) = editor.add(id, addition, Some(&comment)) {
            eprintln!("canon: skipped {addition} for `{id}`: {refused}");
        }
    }
    write_edits(editor, args.dry_run)
}

/// The suggestions as a TOML document: entities' suggestions as comments
/// with the `canon add` command of each, unlinked names as `[[entity]]`
/// tables to complete.
fn render(linker: &Linker, suggestions: &[Suggestion], documents: usize, min: usize) -> String {
    let mut entities: Vec<&str> = Vec::new();
    for id in suggestions.iter().filter_map(|s| s.entity.as_deref()) {
        if !entities.contains(&id) {
            entities.push(id);
        }
    }
    let unlinked: Vec<&Suggestion> = suggestions
        .iter()
        .filter(|s| s.kind == SuggestionKind::Unlinked)
        .collect();
    let mut out = String::new();
    let count =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let _ = writeln!(
        out,
        "# canon suggest: {}; {} for {}, {} (seen {} or more)",
        count(documents, "document", "documents"),
        count(
            suggestions.len() - unlinked.len(),
            "suggestion",
            "suggestions"
        ),
        count(entities.len(), "entity", "entities"),
        count(unlinked.len(), "unlinked name", "unlinked names"),
        count(min, "time", "times"),
    );
    let rank = |s: &Suggestion| suggestions.iter().position(|o| o == s).unwrap_or(0) + 1;
    for id in entities {
        let Some(entity) = linker.gazetteer().get(id) else {
            continue;
        };
        let _ = writeln!(
            out,
            "\n# {id}: {} ({}), {}",
            entity.name, entity.kind, entity.origin
        );
        for s in suggestions
            .iter()
            .filter(|s| s.entity.as_deref() == Some(id))
        {
            let _ = writeln!(out, "#   {}. {}", rank(s), describe(s));
            contexts(&mut out, s);
            if let Some(addition) = &s.addition {
                let flag = match addition {
                    canon::edit::Addition::Acronym(_) => "--acronym",
                    _ => "--alias",
                };
                let _ = writeln!(out, "#   canon add {id} {flag} {}", shell_quoted(&s.text));
            }
        }
    }
    if !unlinked.is_empty() {
        let _ = writeln!(
            out,
            "\n# Unlinked names: new entities? Check each id and type before pasting."
        );
    }
    for s in unlinked {
        let _ = writeln!(out, "\n#   {}. {}", rank(s), describe(s));
        contexts(&mut out, s);
        let _ = writeln!(
            out,
            "[[entity]]\nid = {}\nname = {}\ntype = \"other\"  # person, place, organization, \
             event or other",
            quoted(&slug(linker, &s.text)),
            quoted(&s.text)
        );
    }
    out
}

/// `"Panchir", 6 times: near miss, transliteration 0.900 below 0.950 by …`
fn describe(s: &Suggestion) -> String {
    let mut line = format!(
        "{}, {} times: {}",
        quoted(&s.text),
        s.count,
        s.kind.as_str()
    );
    if let Some(method) = s.method {
        let _ = write!(line, ", {method} {:.3}", s.score);
    }
    if let Some(threshold) = s.threshold {
        let _ = write!(line, " below {threshold:.3}");
    }
    if let Some(matched) = &s.matched {
        let _ = write!(line, ", matched {}", quoted(matched));
    }
    if !s.rules.is_empty() {
        let _ = write!(line, " by {}", s.rules.join(", "));
    }
    line
}

fn contexts(out: &mut String, s: &Suggestion) {
    for context in &s.contexts {
        let _ = writeln!(out, "#       {context}");
    }
}

/// A TOML string.
fn quoted(s: &str) -> String {
    canon::edit::toml_string(s)
}

/// A word for a POSIX shell: single-quoted unless plain.
fn shell_quoted(s: &str) -> String {
    let plain = s
        .chars()
        .all(|c| c.is_alphanumeric() || "-_.:/".contains(c));
    if plain {
        s.to_owned()
    } else {
        format!("'{}'", s.replace('\'', "'\\''"))
    }
}

/// An id for a name: its key, with `-` between words.
fn slug(linker: &Linker, name: &str) -> String {
    let key = linker.normalizer().key(name);
    let slug: String = key
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    slug.split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}
