//! `link` on arbitrary text, with a small gazetteer built from the input
//! too (names, aliases, acronyms, options), checking the CONTRACT's
//! invariants on every mention.
#![no_main]

use canon::{output, Gazetteer, Linker};
use libfuzzer_sys::fuzz_target;

/// Names that exercise every tier: scripts, skeletons, acronyms, surnames.
const NAMES: &[&str] = &[
    "Panjshir", "Ahmad Shah Massoud", "Ahmad Massoud", "Кабул", "پنجشیر", "Καμπούλ",
    "National Resistance Front", "Agence France-Presse", "Islamic Emirate of Afghanistan",
    "Afghanistan", "al-Qaeda", "Kabul airport", "北京",
];

fuzz_target!(|data: &[u8]| {
    let Some((&options, rest)) = data.split_first() else { return };
    let split = rest.iter().position(|&b| b == 0).unwrap_or(rest.len());
    let (names, text) = rest.split_at(split);
    let Ok(text) = std::str::from_utf8(text) else { return };
    // A gazetteer of 1 to 4 entities: fixed names mixed with input strings.
    let mut toml = String::new();
    for (i, chunk) in names.chunks(8).take(4).enumerate() {
        let own = String::from_utf8_lossy(chunk).replace(['"', '\\', '\n', '\r'], " ");
        let name = NAMES[usize::from(chunk[0]) % NAMES.len()];
        let kind = ["person", "place", "organization"][i % 3];
        toml.push_str(&format!(
            "[[entity]]\nid = \"e{i}\"\nname = \"{name}\"\ntype = \"{kind}\"\n\
             aliases = [\"{own}\"]\nacronyms = [\"NRF\"]\ndescription = \"commander\"\n\
             fuzzy = {}\n",
            options & 1 == 0
        ));
    }
    let Ok(gazetteer) = Gazetteer::from_toml("fuzz.toml", &toml) else { return };
    let threshold = f64::from(options >> 1) / 127.0;
    let Ok(linker) = Linker::builder().threshold(threshold).fuzzy(options & 1 == 0).build(gazetteer)
    else {
        return;
    };
    let mentions = linker.link(text);
    let mut prev_end = 0;
    for m in &mentions {
        assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
        assert!(m.span.start < m.span.end && m.span.start >= prev_end, "sorted, not overlapping");
        assert!((0.0..=1.0).contains(&m.score));
        prev_end = m.span.end;
    }
    for (w, m) in output::wire_mentions(text, &mentions).iter().zip(&mentions) {
        assert_eq!(w.text, &text[m.span]);
    }
    let kept = linker.explain(text).candidates.iter().filter(|c| c.decision.is_ok()).count();
    assert_eq!(kept, mentions.len(), "explain agrees with link");
});
