//! Reproducible evaluation of canon's spelling-variant matching.
//!
//! ```sh
//! cargo run --release --example variants_eval -- [--tsv PATH] [--native] [--no-transliteration] [--json] [--errors N]
//! ```
//!
//! 1. Reads `variants.tsv` (default `../shared/data/variants.tsv` from the
//!    crate root): real spellings of 198 entities in several languages and
//!    scripts ([`data`]).
//! 2. Builds a gazetteer holding every entity of the file under its canonical
//!    English name only (the "lean" gazetteer); with `--native`, also its
//!    Cyrillic, Arabic and Greek spellings as names by language
//!    ([`gazetteer`]).
//! 3. Puts every spelling the gazetteer does not list into a short news
//!    sentence of its language and entity type
//!    (`tests/data/variants_eval/templates.toml`, [`templates`]).
//! 4. Links each sentence: the variant is found (a mention overlapping it
//!    links its entity, or any entity sharing the spelling), linked to a wrong
//!    entity, or missed. A mention elsewhere in the sentence is a false link.
//! 5. Links the distractor sentences (`tests/data/variants_eval/distractors.toml`,
//!    [`distractors`]): look-alike names, namesakes and ordinary words, where
//!    any mention is a false link.
//! 6. Prints recall by script, language and type, wrong entities and false
//!    links ([`report`]), as a table or, with `--json`, as JSON.
//!
//! It is a measurement, not a test: it exits 0 whatever the figures, 1 when
//! an input is invalid, 2 on bad usage.
//!
//! The computation is [`evaluate`] (or [`evaluate_with`]); a test can include
//! this file with `#[path = "../../examples/variants_eval.rs"] mod variants_eval;`
//! (the submodules are found through their own `#[path]`).

#[path = "variants_eval/data.rs"]
pub mod data;
#[path = "variants_eval/distractors.rs"]
pub mod distractors;
#[path = "variants_eval/gazetteer.rs"]
pub mod gazetteer;
#[path = "variants_eval/report.rs"]
pub mod report;
#[path = "variants_eval/templates.rs"]
pub mod templates;

use canon::{Gazetteer, KnownNames, Linker, Mention};
use clap::Parser;
use data::Variants;
use distractors::Distractor;
pub use gazetteer::Mode;
use report::{FalseLink, Linked, Miss, Outcome, Report};
use std::collections::HashSet;
use std::path::PathBuf;
use std::process::ExitCode;
use templates::Templates;

/// `variants.tsv` of the shared data, from the crate root.
pub const DEFAULT_TSV: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data/variants.tsv");

/// Why the evaluation could not run.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// A line of `variants.tsv` is invalid.
    #[error(transparent)]
    Tsv(#[from] data::TsvError),
    /// `templates.toml` is invalid.
    #[error("templates.toml: {0}")]
    Templates(String),
    /// `distractors.toml` is invalid.
    #[error("distractors.toml: {0}")]
    Distractors(String),
    /// The gazetteer could not be written as TOML.
    #[error("cannot write the gazetteer: {0}")]
    Serialize(#[from] toml::ser::Error),
    /// canon rejected the generated gazetteer.
    #[error("canon rejects the generated gazetteer:\n{0}")]
    Gazetteer(#[from] canon::GazetteerErrors),
    /// canon could not build a linker.
    #[error("cannot build the linker: {0}")]
    Build(#[from] canon::BuildError),
}

/// Evaluates canon on the text of `variants.tsv`, with the lean gazetteer or
/// (`native`) the one with non-Latin names, completed by the `known` names
/// (`None`: the gazetteer's names only), with `transliteration` or by edit
/// distance alone ([`canon::LinkerBuilder::transliteration`]), and the
/// shipped templates and distractors.
pub fn evaluate(
    tsv: &str,
    native: bool,
    known: Option<(String, KnownNames)>,
    transliteration: bool,
) -> Result<Report, EvalError> {
    let data = data::parse(tsv)?;
    let templates = Templates::shipped().map_err(EvalError::Templates)?;
    let distractors = distractors::shipped().map_err(EvalError::Distractors)?;
    let mode = if native { Mode::Native } else { Mode::Lean };
    evaluate_with(
        &data,
        mode,
        (known, transliteration),
        &templates,
        &distractors,
    )
}

/// Evaluates canon on parsed variants, with the linker options of
/// [`evaluate`] (known names, transliteration), with the given templates and
/// distractors. Every mistake in the inputs is an error; the figures never
/// are.
pub fn evaluate_with(
    data: &Variants,
    mode: Mode,
    (known, transliteration): (Option<(String, KnownNames)>, bool),
    templates: &Templates,
    distractors: &[Distractor],
) -> Result<Report, EvalError> {
    // Step 2: the gazetteer under test.
    let built = gazetteer::build(data, mode)?;
    let gazetteer = Gazetteer::from_toml(&format!("variants-{}.toml", mode.as_str()), &built.toml)?;
    let names = listed_names(&gazetteer);
    let (known_from, known) = known.unzip();
    let linker = Linker::builder()
        .known_names(known)
        .transliteration(transliteration)
        .build(gazetteer)?;

    let mut report = Report::new(mode, linker.gazetteer().len(), built.names, data.rows.len());
    report.known_names = known_from;
    report.transliteration = transliteration;
    report.warnings = check_templates(templates, &names);
    // Steps 3 and 4, then 5; distractor false links are listed first.
    let variant_false_links = score_variants(&mut report, data, &built, templates, &linker);
    score_distractors(&mut report, distractors, &linker);
    report.false_links.extend(variant_false_links);
    Ok(report)
}

/// Warnings for templates that hold a name the gazetteer lists: such a name
/// would be linked in every sentence built from the template.
fn check_templates(templates: &Templates, names: &HashSet<String>) -> Vec<String> {
    templates
        .all()
        .filter_map(|(lang, kind, template)| {
            contains_name(template, names).map(|name| {
                format!("template [lang.{lang}] {kind} `{template}` holds the listed name `{name}`")
            })
        })
        .collect()
}

/// Steps 3 and 4: puts every variant into its sentence, links it and counts
/// the outcome. The recall counts the variants the gazetteer does not list;
/// the listed ones check exact matching. Returns the mentions found outside
/// the variants (false links).
fn score_variants(
    report: &mut Report,
    data: &Variants,
    built: &gazetteer::Built,
    templates: &Templates,
    linker: &Linker,
) -> Vec<FalseLink> {
    let owners = gazetteer::owners(data);
    let mut false_links = Vec::new();
    for row in &data.rows {
        let lower = row.spelling.to_lowercase();
        let listed = built.listed[&row.entity].contains(&lower);
        let sentence = templates.sentence(row);
        let mentions = linker.link(&sentence.text);
        let (inside, outside): (Vec<&Mention>, Vec<&Mention>) = mentions
            .iter()
            .partition(|m| m.span.overlaps(sentence.span));
        let accepted = &owners[&lower];
        let outcome = match inside.iter().find(|m| accepted.contains(&m.entity.id)) {
            Some(m) => {
                if !listed {
                    *report
                        .found_by_method
                        .entry(m.method.to_string())
                        .or_default() += 1;
                    report.found_partial += usize::from(m.span != sentence.span);
                }
                Outcome::Found
            }
            None if inside.is_empty() => Outcome::Missed,
            None => Outcome::WrongEntity,
        };
        report.count(row, listed, outcome);
        if outcome != Outcome::Found {
            report.misses.push(Miss {
                outcome: match (listed, outcome) {
                    (false, Outcome::Missed) => "missed",
                    (false, _) => "wrong-entity",
                    (true, Outcome::Missed) => "listed-missed",
                    (true, _) => "listed-wrong-entity",
                },
                variant: row.spelling.clone(),
                entity: row.entity.clone(),
                lang: row.lang.clone(),
                script: row.script.clone(),
                line: row.line,
                sentence: sentence.text.clone(),
                linked: inside.iter().map(|m| linked(&sentence.text, m)).collect(),
            });
        }
        false_links.extend(outside.iter().map(|m| FalseLink {
            context: "variant-sentence",
            lang: sentence.lang.clone(),
            about: row.entity.clone(),
            sentence: sentence.text.clone(),
            linked: linked(&sentence.text, m),
        }));
    }
    report.variant_sentence_false_links = false_links.len();
    false_links
}

/// Step 5: links every distractor sentence; each mention is a false link.
fn score_distractors(report: &mut Report, distractors: &[Distractor], linker: &Linker) {
    for d in distractors {
        let mentions = linker.link(&d.text);
        report.distractors.count(&d.lang, &d.kind, mentions.len());
        report
            .false_links
            .extend(mentions.iter().map(|m| FalseLink {
                context: "distractor",
                lang: d.lang.clone(),
                about: d.kind.clone(),
                sentence: d.text.clone(),
                linked: linked(&d.text, m),
            }));
    }
}

/// A mention as the report shows it.
fn linked(text: &str, m: &Mention<'_>) -> Linked {
    Linked {
        text: text[m.span].to_owned(),
        entity: m.entity.id.clone(),
        method: m.method.to_string(),
        score: m.score,
    }
}

/// Every name the gazetteer lists, as written.
fn listed_names(gazetteer: &Gazetteer) -> HashSet<String> {
    let mut names = HashSet::new();
    for e in gazetteer.entities() {
        names.insert(e.name.clone());
        names.extend(e.aliases.iter().cloned());
        names.extend(e.acronyms.iter().cloned());
        names.extend(e.names.values().flatten().cloned());
    }
    names
}

/// A listed name that occurs in `text` verbatim between word boundaries: a
/// template holding one would link it in every sentence built from it.
fn contains_name<'n>(text: &str, names: &'n HashSet<String>) -> Option<&'n str> {
    let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
    names.iter().map(String::as_str).find(|name| {
        text.match_indices(name).any(|(i, _)| {
            boundary(text[..i].chars().next_back())
                && boundary(text[i + name.len()..].chars().next())
        })
    })
}

/// Reproducible evaluation of canon's spelling-variant matching on
/// `variants.tsv`.
#[derive(Debug, Parser)]
#[command(name = "variants_eval")]
struct Args {
    /// The variants file [default: ../shared/data/variants.tsv from the crate root].
    #[arg(long, value_name = "PATH")]
    tsv: Option<PathBuf>,
    /// Also list each entity's Cyrillic, Arabic and Greek spellings as names.
    #[arg(long)]
    native: bool,
    /// Gazetteer file or directory (repeatable) whose names complete the
    /// lean gazetteer's [default: canon's embedded gazetteer].
    #[arg(long, value_name = "PATH")]
    known_names: Vec<PathBuf>,
    /// Link the lean gazetteer's names only.
    #[arg(long, conflicts_with = "known_names")]
    no_known_names: bool,
    /// Look for unlisted spellings by edit distance alone, as `canon link
    /// --no-transliteration` does.
    #[arg(long)]
    no_transliteration: bool,
    /// Print the report as JSON.
    #[arg(long)]
    json: bool,
    /// Also print the first N misses and false links.
    #[arg(long, value_name = "N", default_value_t = 0)]
    errors: usize,
}

/// The JSON output: the input path, then the report.
#[derive(serde::Serialize)]
struct JsonOutput<'a> {
    tsv: String,
    #[serde(flatten)]
    report: &'a Report,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let path = args.tsv.unwrap_or_else(|| PathBuf::from(DEFAULT_TSV));
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("variants_eval: cannot read {}: {e}", path.display());
            return ExitCode::from(1);
        }
    };
    let known = if args.no_known_names {
        None
    } else if args.known_names.is_empty() {
        Some(("embedded gazetteer".to_owned(), KnownNames::embedded()))
    } else {
        match Gazetteer::load(&args.known_names) {
            Ok(g) => {
                let paths: Vec<String> = args
                    .known_names
                    .iter()
                    .map(|p| p.display().to_string())
                    .collect();
                Some((paths.join(", "), KnownNames::new(g)))
            }
            Err(e) => {
                eprintln!("variants_eval: invalid gazetteer of known names:\n{e}");
                return ExitCode::from(1);
            }
        }
    };
    let mut report = match evaluate(&text, args.native, known, !args.no_transliteration) {
        Ok(report) => report,
        Err(EvalError::Tsv(e)) => {
            eprintln!(
                "variants_eval: {}:{}: {}",
                path.display(),
                e.line,
                e.message
            );
            return ExitCode::from(1);
        }
        Err(e) => {
            eprintln!("variants_eval: {e}");
            return ExitCode::from(1);
        }
    };
    for warning in &report.warnings {
        eprintln!("variants_eval: warning: {warning}");
    }
    if args.json {
        report.truncate_errors(args.errors);
        let out = JsonOutput {
            tsv: path.display().to_string(),
            report: &report,
        };
        println!(
            "{}",
            serde_json::to_string_pretty(&out).expect("the report serializes")
        );
    } else {
        println!("input: {}", path.display());
        print!("{}", report.to_text(args.errors));
    }
    ExitCode::SUCCESS
}
