//! The gazetteer parser on arbitrary bytes: errors, never a panic, and
//! every error located on a line and column of the input; the warnings of
//! `canon check` on what parses, never a panic either.
#![no_main]

use canon::Gazetteer;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let parsed = Gazetteer::from_toml("fuzz.toml", &text);
    if let Ok(gazetteer) = &parsed {
        for warning in gazetteer.lint() {
            assert!(warning.origin.line >= 1, "{warning}");
        }
    }
    if let Err(errors) = parsed {
        let lines = text.lines().count().max(1);
        for e in errors.errors() {
            assert!(e.line >= 1 && e.line <= lines + 1, "{e}");
            assert!(e.column >= 1, "{e}");
            assert!(!e.to_string().contains('\n'), "one line per error: {e}");
        }
    }
});
