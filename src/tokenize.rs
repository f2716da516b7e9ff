//! Tokens of a normalized text: Unicode word boundaries (UAX #29, via
//! unicode-segmentation), with French and Italian elisions (`d'`, `l'`,
//! `dell'`) and the English possessive `'s` split off the word they are glued
//! to. Hyphens were already turned into spaces between letters by the
//! normalizer, so `anti-Taliban` yields the tokens `anti` and `taliban`.
//!
//! Normalized text is mostly ASCII; there the UAX #29 rules reduce to a few
//! byte classes, and [`ascii_words`] applies them without the Unicode tables.

use crate::Span;
use unicode_segmentation::UnicodeSegmentation;

/// Elided articles and prepositions that UAX #29 glues to the next word.
/// Hand-written: no crate knows press elisions. French first, then Italian.
const ELISIONS: &[&str] = &[
    "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu",
    "dell", "dall", "nell", "sull", "all", "coll", "dagl", "degl", "negl", "sugl", "un", "quell",
];

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TokenKind {
    /// A word (letters or digits).
    Word,
    /// An elided article or preposition with its apostrophe (`d'`, `l'`).
    Elision,
    /// A possessive ending with its apostrophe (`'s`, `'`).
    Possessive,
}

/// One token, as a span of the NORMALIZED text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Token {
    pub(crate) span: Span,
    pub(crate) kind: TokenKind,
}

/// The tokens of one normalized text, in order.
#[derive(Clone, Debug, Default)]
pub(crate) struct Tokens {
    tokens: Vec<Token>,
}

impl Tokens {
    /// Splits normalized text into tokens.
    pub(crate) fn new(norm: &str) -> Tokens {
        let mut tokens = Vec::new();
        let mut push = |(at, word): (usize, &str)| {
            if word.chars().any(char::is_alphanumeric) {
                push_word(&mut tokens, at, word);
            }
        };
        if norm.is_ascii() {
            ascii_words(norm).for_each(&mut push);
        } else {
            norm.split_word_bound_indices().for_each(&mut push);
        }
        Tokens { tokens }
    }

    /// All tokens.
    pub(crate) fn as_slice(&self) -> &[Token] {
        &self.tokens
    }

    /// Whether a token starts at normalized byte `p`.
    pub(crate) fn starts_at(&self, p: usize) -> bool {
        self.tokens
            .binary_search_by(|t| t.span.start.cmp(&p))
            .is_ok()
    }

    /// Whether a token ends at normalized byte `p`.
    pub(crate) fn ends_at(&self, p: usize) -> bool {
        self.tokens.binary_search_by(|t| t.span.end.cmp(&p)).is_ok()
    }
}

/// The UAX #29 segments of ASCII `text` that hold a letter, digit or `_`,
/// with their byte offsets: runs of letters, digits and `_` (WB5, WB8 to
/// WB10, WB13a and b), joined across one `:`, `.` or `'` between two letters
/// (WB6, WB7) and across one `,`, `;`, `.` or `'` between two digits (WB11,
/// WB12). Every other ASCII character is a segment of its own or part of a
/// run of spaces, and holds no letter or digit.
fn ascii_words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let bytes = text.as_bytes();
    let in_word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let joins = |before: u8, mid: u8, after: u8| {
        let letters = before.is_ascii_alphabetic() && after.is_ascii_alphabetic();
        let digits = before.is_ascii_digit() && after.is_ascii_digit();
        (letters && matches!(mid, b':' | b'.' | b'\''))
            || (digits && matches!(mid, b',' | b';' | b'.' | b'\''))
    };
    let mut at = 0;
    std::iter::from_fn(move || {
        let start = at + bytes[at..].iter().position(|&b| in_word(b))?;
        let mut end = start + 1;
        while let Some(&b) = bytes.get(end) {
            if in_word(b) {
                end += 1;
            } else if bytes
                .get(end + 1)
                .is_some_and(|&after| joins(bytes[end - 1], b, after))
            {
                end += 2;
            } else {
                break;
            }
        }
        at = end;
        Some((start, &text[start..end]))
    })
}

/// Splits one UAX #29 word into elision, stem and possessive tokens.
fn push_word(tokens: &mut Vec<Token>, at: usize, word: &str) {
    let mut start = 0;
    let mut end = word.len();
    if let Some(q) = word.find('\'') {
        if ELISIONS.contains(&&word[..q]) && q + 1 < word.len() {
            tokens.push(Token {
                span: Span::new(at, at + q + 1),
                kind: TokenKind::Elision,
            });
            start = q + 1;
        }
    }
    // An initial glued to the name by its dot (`В.Путин`, `v.putin`) is a
    // word of its own: UAX #29 joins them as it joins `e.g`.
    let mut letters = word[start..].char_indices();
    if let (Some((_, c)), Some((dot, '.'))) = (letters.next(), letters.next()) {
        let rest = &word[start + dot + 1..];
        let name = rest.chars().filter(|c| c.is_alphabetic()).count() >= 3 && !rest.contains('.');
        if c.is_alphabetic() && name {
            tokens.push(Token {
                span: Span::new(at + start, at + start + dot),
                kind: TokenKind::Word,
            });
            start += dot + 1;
        }
    }
    let possessive = ["'s", "'"]
        .iter()
        .find(|p| word[start..].ends_with(*p) && word.len() - p.len() > start);
    if let Some(p) = possessive {
        end = word.len() - p.len();
    }
    tokens.push(Token {
        span: Span::new(at + start, at + end),
        kind: TokenKind::Word,
    });
    if end < word.len() {
        tokens.push(Token {
            span: Span::new(at + end, at + word.len()),
            kind: TokenKind::Possessive,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<(&str, TokenKind)> {
        Tokens::new(text)
            .as_slice()
            .iter()
            .map(|t| (&text[t.span], t.kind))
            .collect()
    }

    #[test]
    fn ascii_words_are_the_uax29_words() {
        // Every string of up to five characters over letters, digits and
        // the punctuation UAX #29 treats apart.
        let alphabet = b"a1_.:,;'\" -";
        let mut texts = vec![String::new()];
        for _ in 0..5 {
            let longer: Vec<String> = texts
                .iter()
                .flat_map(|t| alphabet.iter().map(move |&c| format!("{t}{}", c as char)))
                .collect();
            for text in &longer {
                let unicode: Vec<_> = text
                    .split_word_bound_indices()
                    .filter(|(_, w)| w.bytes().any(|b| b.is_ascii_alphanumeric() || b == b'_'))
                    .collect();
                assert_eq!(ascii_words(text).collect::<Vec<_>>(), unicode, "{text:?}");
            }
            texts = longer;
        }
    }

    #[test]
    fn elision_possessive_and_hyphen() {
        use TokenKind::*;
        assert_eq!(
            words("d'ahmad massoud's anti taliban o'brien"),
            [
                ("d'", Elision),
                ("ahmad", Word),
                ("massoud", Word),
                ("'s", Possessive),
                ("anti", Word),
                ("taliban", Word),
                ("o'brien", Word),
            ]
        );
    }

    #[test]
    fn an_initial_glued_by_its_dot_is_a_word() {
        use TokenKind::*;
        assert_eq!(words("v.putin"), [("v", Word), ("putin", Word)]);
        assert_eq!(
            words("v.putin's"),
            [("v", Word), ("putin", Word), ("'s", Possessive)]
        );
        for kept in ["e.g", "u.s.a", "ph.d", "a.m"] {
            assert_eq!(words(kept), [(kept, Word)]);
        }
    }
}
