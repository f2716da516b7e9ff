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
    /// Qualifiers that may stand between a head and the name
    /// (`Toussaint Louverture International Airport`, `aéroport
    /// international Toussaint-Louverture`).
    between: FxHashSet<&'static str>,
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
                "[between]" => section = Some(&mut heads.between),
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
/// (`rue Massoud`, `Flughafen Ben Gurion`), maybe through a qualifier
/// (`Toussaint Louverture International Airport`, `aeropuerto
/// internacional Toussaint Louverture`).
pub(crate) fn named_after(doc: &Document<'_>, span: Span) -> bool {
    let norm = doc.norm.as_str();
    let tokens = doc.tokens.as_slice();
    let joined = |a: Span, b: Span| doc.spaced(a, b);
    let word = |i: usize| tokens.get(i).filter(|t| t.kind == TokenKind::Word);
    let (Ok(first), Ok(last)) = (
        tokens.binary_search_by_key(&span.start, |t| t.span.start),
        tokens.binary_search_by_key(&span.end, |t| t.span.end),
    ) else {
        return false;
    };
    let heads = heads();
    // Away from the name (forward: after it), a head of `these`, maybe
    // after a qualifier.
    let head_of = |these: &FxHashSet<&str>, forward: bool| {
        let mut edge = if forward { last } else { first };
        for _ in 0..2 {
            let next = if forward {
                edge.checked_add(1)
            } else {
                edge.checked_sub(1)
            };
            let Some((i, w)) = next.and_then(|i| word(i).map(|w| (i, w))) else {
                return false;
            };
            let (a, b) = match forward {
                true => (tokens[edge].span, w.span),
                false => (w.span, tokens[edge].span),
            };
            if !joined(a, b) {
                return false;
            }
            let text = &norm[w.span];
            // Or its German genitive (`am Rande des Kagame-Cups`).
            if these.contains(text) || text.strip_suffix('s').is_some_and(|t| these.contains(t)) {
                return true;
            }
            if !heads.between.contains(text) {
                return false;
            }
            edge = i;
        }
        false
    };
    head_of(&heads.before, false) || head_of(&heads.after, true)
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
            (
                "Flights to Toussaint Louverture International Airport stopped.",
                "Toussaint Louverture",
                true,
            ),
            (
                "L'aéroport international Toussaint-Louverture est fermé.",
                "Toussaint Louverture",
                true,
            ),
            ("The international Biden coalition met.", "Biden", false),
            ("Er sprach am Rande des Kagame-Cups.", "Kagame", true),
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
        let heads = heads();
        for word in (heads.after.iter())
            .chain(&heads.before)
            .chain(&heads.between)
        {
            assert_eq!(&normalizer.key(word), word);
        }
    }
}
