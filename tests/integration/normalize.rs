//! The normalization table, `tests/data/normalize.toml`.

use crate::util::table;
use canon::{Normalizer, Span};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    input: String,
    expected: String,
}

#[test]
fn normalize_table() {
    let cases: Vec<Case> = table("normalize.toml");
    let n = Normalizer::new();
    for case in &cases {
        let got = n.normalize(&case.input);
        assert_eq!(got.as_str(), case.expected, "input {:?}", case.input);
        let again = n.normalize(got.as_str());
        assert_eq!(
            again.as_str(),
            got.as_str(),
            "not idempotent on {:?}",
            case.input
        );
        let whole = got.to_original(Span::new(0, got.as_str().len()));
        assert!(case.input.is_char_boundary(whole.start) && case.input.is_char_boundary(whole.end));
    }
}

#[test]
fn offsets_map_words_back_to_the_original() {
    let text = "Ａｈｍａｄ  Ｍａｓｓｏｕｄ\u{200c} l’Émir d'Ahmed Chah Massoud";
    let norm = Normalizer::new().normalize(text);
    for word in ["ahmad", "massoud", "emir", "chah"] {
        let at = norm.as_str().find(word).expect(word);
        let span = norm.to_original(Span::new(at, at + word.len()));
        let original = &text[span];
        assert_eq!(Normalizer::new().key(original), word, "{original:?}");
    }
}

#[test]
fn offsets_of_ascii_words_next_to_combining_marks() {
    // A word of plain ASCII letters folds in one go, less a last letter that
    // carries a combining mark.
    let text = "Cafe\u{301} KABULs Panjshire\u{300}x 42";
    let norm = Normalizer::new().normalize(text);
    assert_eq!(norm.as_str(), "cafe kabuls panjshirex 42");
    for (word, original) in [
        ("cafe", "Cafe\u{301}"),
        ("kabul", "KABUL"),
        ("panjshirex", "Panjshire\u{300}x"),
        ("42", "42"),
    ] {
        let at = norm.as_str().find(word).expect(word);
        let span = norm.to_original(Span::new(at, at + word.len()));
        assert_eq!(&text[span], original);
    }
}
