//! `canon add`: add names to an entity of a gazetteer file, in place.

use super::edit::EditArgs;
use super::Outcome;
use canon::edit::Addition;
use clap::{ArgGroup, Args};

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("additions").required(true).multiple(true)))]
pub(crate) struct AddArgs {
    #[command(flatten)]
    edit: EditArgs,
    /// An alias to add (repeatable).
    #[arg(long, value_name = "NAME", group = "additions")]
    alias: Vec<String>,
    /// A name in one language, as `LANG=NAME` (repeatable): `fr=Panchir`.
    #[arg(long, value_name = "LANG=NAME", value_parser = parse_name, group = "additions")]
    name: Vec<(String, String)>,
    /// An acronym to add, as printed (repeatable).
    #[arg(long, value_name = "ACRONYM", group = "additions")]
    acronym: Vec<String>,
    /// A comment written after each added name, such as its source.
    #[arg(long, value_name = "TEXT")]
    comment: Option<String>,
    /// The id of the entity.
    #[arg(value_name = "ID")]
    id: String,
}

/// `fr=Panchir` → (`fr`, `Panchir`).
fn parse_name(value: &str) -> Result<(String, String), String> {
    match value.split_once('=') {
        Some((tag, name)) if canon::is_language_tag(tag) && !name.trim().is_empty() => {
            Ok((tag.to_owned(), name.to_owned()))
        }
        Some((tag, _)) if !canon::is_language_tag(tag) => Err(format!(
            "`{tag}` is not a language tag such as `fr`, `fa-Latn` or `zh-Hant-TW`"
        )),
        _ => Err("write LANG=NAME, e.g. `fr=Panchir`".into()),
    }
}

pub(crate) fn run(args: AddArgs) -> anyhow::Result<Outcome> {
    let mut editor = args.edit.editor()?;
    let names = args.name.iter().map(|(tag, name)| Addition::Name {
        tag: tag.clone(),
        name: name.clone(),
    });
    let additions: Vec<Addition> = args
        .alias
        .iter()
        .cloned()
        .map(Addition::Alias)
        .chain(names)
        .chain(args.acronym.iter().cloned().map(Addition::Acronym))
        .collect();
    for addition in &additions {
        editor.add(&args.id, addition, args.comment.as_deref())?;
    }
    args.edit.finish(editor)
}
