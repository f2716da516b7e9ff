//! `canon new`: append a new entity to a gazetteer file.

use super::edit::EditArgs;
use super::Outcome;
use canon::edit::{Addition, NewEntity};
use canon::EntityType;
use clap::Args;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub(crate) struct NewArgs {
    #[command(flatten)]
    edit: EditArgs,
    /// The canonical display name.
    #[arg(long, value_name = "NAME")]
    name: String,
    /// person, place, organization, event or other.
    #[arg(long = "type", value_name = "TYPE")]
    kind: EntityType,
    /// Aliases (repeatable).
    #[arg(long, value_name = "NAME")]
    alias: Vec<String>,
    /// Acronyms, as printed (repeatable).
    #[arg(long, value_name = "ACRONYM")]
    acronym: Vec<String>,
    /// A description.
    #[arg(long, value_name = "TEXT")]
    description: Option<String>,
    /// The file to append to; default: the file holding most entities of
    /// this type, else `<type>.toml` in the gazetteer directory.
    #[arg(long, value_name = "FILE")]
    file: Option<PathBuf>,
    /// The new entity's id: a-z 0-9 - _ : .
    #[arg(value_name = "ID")]
    id: String,
}

pub(crate) fn run(args: NewArgs) -> anyhow::Result<Outcome> {
    let mut editor = args.edit.editor()?;
    let names = args
        .alias
        .iter()
        .cloned()
        .map(Addition::Alias)
        .chain(args.acronym.iter().cloned().map(Addition::Acronym))
        .collect();
    let entity = NewEntity {
        id: args.id,
        name: args.name,
        kind: args.kind,
        names,
        description: args.description,
    };
    editor.new_entity(&entity, args.file.as_deref())?;
    args.edit.finish(editor)
}
