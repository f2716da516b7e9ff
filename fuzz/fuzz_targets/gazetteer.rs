//! The gazetteer parser on arbitrary bytes: errors, never a panic, and
//! every error located on a line and column of the input.
#![no_main]

use canon::Gazetteer;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Err(errors) = Gazetteer::from_toml("fuzz.toml", &text) {
        let lines = text.lines().count().max(1);
        for e in errors.errors() {
            assert!(e.line >= 1 && e.line <= lines + 1, "{e}");
            assert!(e.column >= 1, "{e}");
            assert!(!e.to_string().contains('\n'), "one line per error: {e}");
        }
    }
});
