//! Properties of the CONTRACT that must hold on any text and options.

use crate::util::default_linker;
use canon::output::wire_mentions;
use canon::{Gazetteer, Linker, Normalizer, Span};
use proptest::prelude::*;
use std::sync::OnceLock;

/// Text that mixes names of the default gazetteer, their pieces, punctuation
/// and arbitrary Unicode, so that the linker actually finds things.
fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Kabul".to_string()),
        Just("Kaboul airport".to_string()),
        Just("d'Ahmad Massoud".to_string()),
        Just("Ahmed Chah Massoud's".to_string()),
        Just("anti-Taliban".to_string()),
        Just("AFP".to_string()),
        Just("Panchir Valley".to_string()),
        Just("Лев Панджшера".to_string()),
        Just("پنج\u{200c}شیر".to_string()),
        Just("A\u{0301}l-Qa\u{0308}ida".to_string()),
        Just(" ".to_string()),
        Just("\u{00ad}".to_string()),
        Just("’".to_string()),
        Just("-".to_string()),
        "\\PC{0,8}",
        "[\\p{Cyrillic}\\p{Greek}\\p{Arabic}\\p{Hebrew}\\p{Han}\\p{Hiragana}\\p{Katakana}\\p{Armenian}\\p{Georgian}\\p{Devanagari}\\p{Mn} \\-ـ\u{200c}]{0,12}",
        any::<String>(),
    ];
    prop::collection::vec(piece, 0..12).prop_map(|v| v.concat())
}

/// The default or strict linker saved to an index and loaded back with
/// its options.
fn indexed_linker(strict: bool) -> &'static Linker {
    static LINKERS: OnceLock<[Linker; 2]> = OnceLock::new();
    let linkers = LINKERS.get_or_init(|| {
        let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"));
        let (default, strict) = (dir.join("properties.idx"), dir.join("strict.idx"));
        default_linker().save_index(&default).expect("saved");
        strict_linker().save_index(&strict).expect("saved");
        let strict = Linker::builder()
            .threshold(1.0)
            .fuzzy(false)
            .load_index(&strict);
        [
            Linker::load_index(&default).expect("loads"),
            strict.expect("loads"),
        ]
    });
    &linkers[usize::from(strict)]
}

fn strict_linker() -> &'static Linker {
    static L: OnceLock<Linker> = OnceLock::new();
    L.get_or_init(|| {
        Linker::builder()
            .threshold(1.0)
            .fuzzy(false)
            .build(Gazetteer::embedded())
            .expect("linker")
    })
}

proptest! {
    // 400 cases by default; PROPTEST_CASES=100000 for a longer hunt.
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(400)
    ))]

    #[test]
    fn mentions_respect_the_contract(text in text(), strict in any::<bool>()) {
        let linker = if strict { strict_linker() } else { default_linker() };
        let mentions = linker.link(&text);
        let mut prev_end = 0;
        for m in &mentions {
            prop_assert!(text.is_char_boundary(m.span.start));
            prop_assert!(text.is_char_boundary(m.span.end));
            prop_assert!(m.span.start < m.span.end);
            prop_assert!(m.span.start >= prev_end, "sorted and not overlapping");
            prop_assert!((0.0..=1.0).contains(&m.score));
            prev_end = m.span.end;
        }
        for (w, m) in wire_mentions(&text, &mentions).iter().zip(&mentions) {
            prop_assert_eq!(w.text, &text[m.span]);
            let by_chars: String = text.chars().skip(w.start).take(w.end - w.start).collect();
            prop_assert_eq!(by_chars.as_str(), w.text);
        }
    }

    #[test]
    fn normalization_is_idempotent(text in text()) {
        let n = Normalizer::new();
        let once = n.normalize(&text);
        let twice = n.normalize(once.as_str());
        prop_assert_eq!(twice.as_str(), once.as_str());
    }

    #[test]
    fn normalized_offsets_land_on_char_boundaries(text in text(), a in any::<usize>(), b in any::<usize>()) {
        let norm = Normalizer::new().normalize(&text);
        let len = norm.as_str().len();
        let (a, b) = (a % (len + 1), b % (len + 1));
        let span = norm.to_original(Span::new(a.min(b), a.max(b)));
        prop_assert!(span.start <= span.end && span.end <= text.len());
        prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
    }

    #[test]
    fn explain_never_panics_and_agrees_with_link(text in text()) {
        let linker = default_linker();
        let kept: Vec<Span> = linker
            .explain(&text)
            .candidates
            .iter()
            .filter(|c| c.decision.is_ok())
            .map(|c| c.span)
            .collect();
        let linked: Vec<Span> = linker.link(&text).iter().map(|m| m.span).collect();
        prop_assert_eq!(kept, linked);
    }

    #[test]
    fn a_linker_saved_and_loaded_links_as_the_one_built(text in text(), strict in any::<bool>()) {
        let built = if strict { strict_linker() } else { default_linker() };
        let mentions = |linker: &'static Linker| -> Vec<_> {
            (linker.link(&text).iter())
                .map(|m| (m.span, m.entity.id.clone(), m.score, m.method))
                .collect()
        };
        prop_assert_eq!(mentions(indexed_linker(strict)), mentions(built));
    }
}
