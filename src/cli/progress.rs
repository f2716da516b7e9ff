//! The progress bar of `canon link`: documents and bytes linked so far and
//! the rate, on standard error when it is a terminal; nothing otherwise (a
//! pipe, a file, a test), so that standard error keeps only diagnostics.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::time::Duration;

/// A progress bar, or nothing.
pub(crate) struct Progress {
    bar: Option<ProgressBar>,
    documents: u64,
}

impl Progress {
    /// A bar on standard error if it is a terminal and `quiet` is off.
    pub(crate) fn new(quiet: bool) -> Progress {
        let bar = (!quiet && std::io::stderr().is_terminal()).then(|| {
            let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
            bar.set_style(
                ProgressStyle::with_template(
                    "{spinner} {elapsed} {msg} documents, {binary_bytes} ({binary_bytes_per_sec})",
                )
                .expect("the template is valid"),
            );
            bar.set_message("0");
            bar.enable_steady_tick(Duration::from_millis(250));
            bar
        });
        Progress { bar, documents: 0 }
    }

    /// Counts `documents` more linked, of `bytes` bytes of text.
    pub(crate) fn add(&mut self, documents: usize, bytes: usize) {
        self.documents += documents as u64;
        if let Some(bar) = &self.bar {
            bar.inc(bytes as u64);
            bar.set_message(self.documents.to_string());
        }
    }

    /// Leaves the final figures on the terminal.
    pub(crate) fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish();
        }
    }
}
