//! Names of things named after a person (`data/eponym-heads.txt`): `Sadr
//! City`, `Ben Gurion Airport`, `rue Ahmad Shah Massoud`, `Lake Nasser`.
//!
//! A person's name there is part of the name of a town, a street, a
//! building, an institution or a prize, which is not the person: canon
//! does not link it ([`crate::candidates::Reason::NamedAfter`]). The head
//! words are data, one list for the words that follow the name and one for
//! those that precede it, in English, French, German and Spanish.

use std::sync::OnceLock;

use rustc_hash::FxHashSet;

use crate::candidates::Document;
use crate::span::Span;
use crate::tokenize::TokenKind;

/// The head words of `data/eponym-heads.txt`, by where they stand.
#[derive(Default)]
struct Heads {
    after: FxHashSet<&'static str>,
    before: FxHashSet<&'static str>,
}

/// `data/eponym-heads.txt`.
pub(crate) const DATA: &str = include_str!("../data/eponym-heads.txt");

fn heads() -> &'static Heads {
    static HEADS: OnceLock<Heads> = OnceLock::new();
    HEADS.get_or_init(|| {
        let mut heads = Heads::default();
        let mut section = None;
        let lines = DATA.lines();
        for line in lines
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
        {
            match line {
                "[after]" => section = Some(&mut heads.after),
                "[before]" => section = Some(&mut heads.before),
                word => {
                    if let Some(words) = section.as_deref_mut() {
                        words.insert(word);
                    }
                }
            }
        }
        heads
    })
}

/// Whether the person's name at normalized `span` of `doc` is part of the
/// name of something named after the person: a head word joined to it by a
/// space or a dash, after it (`Sadr City`, `Massud-Straße`) or before it
/// (`rue Massoud`, `Flughafen Ben Gurion`).
pub(crate) fn named_after(doc: &Document<'_>, span: Span) -> bool {
    let norm = doc.norm.as_str();
    let tokens = doc.tokens.as_slice();
    let joined = |a: Span, b: Span| &norm[a.end..b.start] == " ";
    let word = |i: usize| tokens.get(i).filter(|t| t.kind == TokenKind::Word);
    let first = tokens.binary_search_by_key(&span.start, |t| t.span.start);
    let last = tokens.binary_search_by_key(&span.end, |t| t.span.end);
    let before = first.ok().and_then(|f| f.checked_sub(1)).and_then(word);
    let after = last.ok().and_then(|l| word(l + 1));
    before.is_some_and(|b| joined(b.span, span) && heads().before.contains(&norm[b.span]))
        || after.is_some_and(|a| joined(span, a.span) && heads().after.contains(&norm[a.span]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::Normalizer;
    use crate::tokenize::Tokens;

    /// Whether `name` in `text` is named after, by this module.
    fn in_eponym(text: &str, name: &str) -> bool {
        let norm = Normalizer::new().normalize(text);
        let tokens = Tokens::new(norm.as_str());
        let doc = Document::new(text, &norm, &tokens);
        let key = Normalizer::new().key(name);
        let start = norm.as_str().find(&key).expect("the name is in the text");
        named_after(&doc, Span::new(start, start + key.len()))
    }

    #[test]
    fn head_words_before_and_after_the_name() {
        let table = [
            ("Residents of Sadr City protested.", "Sadr", true),
            ("Flights to Ben Gurion Airport resumed.", "Ben Gurion", true),
            (
                "Il habite rue Ahmad Shah Massoud.",
                "Ahmad Shah Massoud",
                true,
            ),
            ("Sie wohnt in der Massud-Straße.", "Massud", true),
            ("Llegó al aeropuerto Benito Juárez.", "Benito Juarez", true),
            ("The dam holds Lake Nasser.", "Nasser", true),
            ("Sadr said the city was calm.", "Sadr", false),
            ("Sadr, City officials said, left.", "Sadr", false),
            ("The Biden administration said so.", "Biden", false),
        ];
        for (text, name, named) in table {
            assert_eq!(in_eponym(text, name), named, "{name} in {text}");
        }
    }

    #[test]
    fn every_head_word_is_normalized() {
        let normalizer = Normalizer::new();
        for word in heads().after.iter().chain(&heads().before) {
            assert_eq!(&normalizer.key(word), word);
        }
    }
}
