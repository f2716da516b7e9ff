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
