//! Tokens of a normalized text: Unicode word boundaries (UAX #29, via
//! unicode-segmentation), with French and Italian elisions (`d'`, `l'`,
//! `dell'`) and the English possessive `'s` split off the word they are glued
//! to. Hyphens were already turned into spaces between letters by the
//! normalizer, so `anti-Taliban` yields the tokens `anti` and `taliban`.

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
        for (at, word) in norm.split_word_bound_indices() {
            if !word.chars().any(char::is_alphanumeric) {
                continue;
            }
            push_word(&mut tokens, at, word);
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
}
