//! Replacing a file whole or not at all.

use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};

/// Writes the file at `path` through `write`, into a temporary file of the
/// same directory that is synced and renamed over `path` only if `write`
/// succeeds: readers see the old file or the new one, never half of it, and
/// an interrupted run leaves `path` as it was.
///
/// # Errors
///
/// `write`'s error, or the I/O error of creating, syncing or renaming; the
/// temporary file is removed then.
///
/// ```
/// let path = std::env::temp_dir().join(format!("canon-doc-{}.txt", std::process::id()));
/// canon::write_atomically(&path, |mut file| {
///     std::io::Write::write_all(&mut file, b"whole")
/// })?;
/// assert_eq!(std::fs::read_to_string(&path)?, "whole");
/// # std::fs::remove_file(&path)?;
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn write_atomically<T, E: From<io::Error>>(
    path: &Path,
    write: impl FnOnce(&File) -> Result<T, E>,
) -> Result<T, E> {
    let temporary = temporary_beside(path);
    let result = File::create(&temporary)
        .map_err(E::from)
        .and_then(|file| {
            let value = write(&file)?;
            file.sync_all()?;
            Ok(value)
        })
        .and_then(|value| {
            std::fs::rename(&temporary, path)?;
            Ok(value)
        });
    if result.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    result
}

/// `.NAME.canon-PID.tmp` in the directory of `path`.
fn temporary_beside(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}.canon-{}.tmp", std::process::id()))
}
