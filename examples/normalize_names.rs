//! Normalizes names as canon compares them ([`canon::Normalizer::key`]):
//! reads lines of tab-separated names on standard input and writes each
//! line's names normalized, the first kept first, the others without
//! repeats or empty ones; lines starting with `#` pass through, and a line
//! whose first name normalizes to nothing is left out.
//!
//! `scripts/world-places.py` writes `data/world-places.tsv` through it, so
//! that canon reads the world's places without normalizing three hundred
//! thousand names at every start:
//!
//! ```text
//! cargo run --release --example normalize_names < names.tsv > keys.tsv
//! ```

use std::io::{self, BufRead, BufWriter, Write};

fn main() -> io::Result<()> {
    let normalizer = canon::Normalizer::new();
    let mut out = BufWriter::new(io::stdout().lock());
    for line in io::stdin().lock().lines() {
        let line = line?;
        if line.starts_with('#') {
            writeln!(out, "{line}")?;
            continue;
        }
        let mut names = line.split('\t').map(|name| normalizer.key(name));
        let Some(own) = names.next().filter(|own| !own.is_empty()) else {
            continue;
        };
        let mut keys = vec![own];
        for name in names {
            if !name.is_empty() && !keys.contains(&name) {
                keys.push(name);
            }
        }
        writeln!(out, "{}", keys.join("\t"))?;
    }
    out.flush()
}
