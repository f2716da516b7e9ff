//! The normalization table, `tests/data/normalize.toml`.

use crate::util::data;
use canon::{Normalizer, Span};
use serde::Deserialize;

#[derive(Deserialize)]
struct Table {
    test: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    input: String,
    expected: String,
}

#[test]
fn normalize_table() {
    let table: Table =
        toml::from_str(&std::fs::read_to_string(data("normalize.toml")).expect("normalize.toml"))
            .expect("normalize.toml parses");
    let n = Normalizer::new();
    for case in &table.test {
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
