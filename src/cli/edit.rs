//! What `canon add`, `canon new` and `canon suggest --apply` share: where
//! the gazetteer to edit is, and how the edits are written and shown.

use super::Outcome;
use canon::edit::Editor;
use clap::Args;
use std::io::Write;
use std::path::PathBuf;

/// The gazetteer to edit.
#[derive(Debug, Args)]
pub(crate) struct EditArgs {
    /// Gazetteer file or directory to edit (repeatable); default:
    /// `gazetteer/` in the current directory. The embedded gazetteer
    /// cannot be edited.
    #[arg(long, short, value_name = "PATH")]
    gazetteer: Vec<PathBuf>,
    /// Print the diff without writing anything.
    #[arg(long)]
    dry_run: bool,
}

impl EditArgs {
    /// An editor on the gazetteer these options name.
    pub(crate) fn editor(&self) -> anyhow::Result<Editor> {
        let default = PathBuf::from("gazetteer");
        let paths = if !self.gazetteer.is_empty() {
            self.gazetteer.clone()
        } else if default.is_dir() {
            vec![default]
        } else {
            Vec::new()
        };
        Ok(Editor::open(&paths)?)
    }

    /// Writes the edits (unless `--dry-run`) and shows them.
    pub(crate) fn finish(&self, editor: Editor) -> anyhow::Result<Outcome> {
        write_edits(editor, self.dry_run)
    }
}

/// Writes the edits (unless `dry_run`), prints their diff on standard
/// output and the warnings about the added names on standard error.
pub(crate) fn write_edits(editor: Editor, dry_run: bool) -> anyhow::Result<Outcome> {
    for warning in editor.warnings() {
        eprintln!("{warning}");
    }
    let changes = if dry_run {
        editor.changes()
    } else {
        editor.write()?
    };
    let mut out = std::io::stdout().lock();
    for change in &changes {
        write!(out, "{}", change.diff())?;
    }
    out.flush()?;
    Ok(Outcome::Success)
}
