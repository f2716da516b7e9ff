//! Every normalized key of the gazetteer, looked up at token boundaries.
//!
//! A key can only be a mention where it starts at a token's start and ends
//! at a token's end (or just before a glued genitive `-s`/`-es`), so instead
//! of an Aho-Corasick automaton over every byte of every key, the table
//! hashes keys and the prefixes of keys that end where one of their tokens
//! ends. Finding mentions walks the tokens of a document: from each token's
//! start, the span grows a token at a time while it is still a prefix of
//! some key. Building is one hash insertion per key and prefix, so a
//! million entities compile in seconds and little memory, where automata
//! over tens of millions of states took minutes.

use crate::span::Span;
use crate::tables::{StrTable, Strings};
use crate::tokenize::{Token, Tokens};
use rustc_hash::FxHashSet;

/// Keys by their text, and their token-end prefixes.
#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
pub(crate) struct KeyTable {
    /// The keys, each identified by its position.
    keys: StrTable,
    /// Proper prefixes of keys that end at one of the key's token ends.
    prefixes: StrTable,
    /// The length in bytes of the longest key, found when first needed.
    #[serde(skip)]
    longest: std::sync::OnceLock<usize>,
}

/// Endings a name may carry glued on (de `Kabuls`, es `talibanes`): a
/// key is also looked up without them.
const GLUED_ENDINGS: [&str; 2] = ["s", "es"];

impl KeyTable {
    /// The table of `keys`, each identified by its position (a key given
    /// twice, by its first). The table keeps them: they are not copied.
    pub(crate) fn new(keys: Strings) -> KeyTable {
        let mut prefixes: FxHashSet<&str> = FxHashSet::default();
        for key in keys.iter() {
            let tokens = Tokens::new(key);
            if let Some((_, inner)) = tokens.as_slice().split_last() {
                for token in inner {
                    prefixes.insert(&key[..token.span.end]);
                }
            }
        }
        let prefixes = StrTable::new(prefixes);
        KeyTable {
            keys: StrTable::of(keys),
            prefixes,
            longest: std::sync::OnceLock::new(),
        }
    }

    /// How many keys.
    pub(crate) fn len(&self) -> usize {
        self.keys.len()
    }

    /// The keys, by identifier.
    pub(crate) fn keys(&self) -> &Strings {
        self.keys.strings()
    }

    /// The key `text` is, if any.
    pub(crate) fn get(&self, text: &str) -> Option<u32> {
        self.keys.get(text)
    }

    /// Whether `text` is a proper prefix of a key that ends where one of
    /// the key's tokens ends: a span that is not may grow into no key.
    pub(crate) fn is_prefix(&self, text: &str) -> bool {
        self.prefixes.contains(text)
    }

    /// Every `(start, end, key)` of normalized text whose `tokens` are given:
    /// spans from a token's start to a token's end, or to a token's end
    /// less a glued ending, that are keys. Ordered by start, then end.
    pub(crate) fn find(&self, norm: &str, tokens: &Tokens) -> Vec<(usize, usize, u32)> {
        self.find_in(norm, tokens.as_slice())
    }

    /// [`KeyTable::find`] of the tokens as a slice.
    fn find_in(&self, norm: &str, tokens: &[Token]) -> Vec<(usize, usize, u32)> {
        let mut hits = Vec::new();
        if self.keys.len() == 0 {
            return hits; // no key: no lookup per token
        }
        for i in 0..tokens.len() {
            self.walk(norm, &tokens[i..], |start, end, k| {
                hits.push((start, end, k))
            });
        }
        hits
    }

    /// Which spans of the document of `norm` and `tokens` keys hold
    /// ([`Covering`]).
    pub(crate) fn covering<'a>(&'a self, norm: &'a str, tokens: &'a Tokens) -> Covering<'a> {
        Covering {
            table: self,
            norm,
            tokens: tokens.as_slice(),
            walked: 0,
            found: None,
            last: None,
        }
    }

    /// Calls `hit` with every `(start, end, key)` of [`KeyTable::find`]
    /// that starts at the first of `tokens`, by end.
    fn walk(&self, norm: &str, tokens: &[Token], mut hit: impl FnMut(usize, usize, u32)) {
        let Some(first) = tokens.first() else {
            return;
        };
        let start = first.span.start;
        for last in tokens {
            let end = last.span.end;
            let span = &norm[start..end];
            for ending in GLUED_ENDINGS {
                let stem = end.saturating_sub(ending.len());
                if span.ends_with(ending) && stem > last.span.start {
                    if let Some(k) = self.get(&norm[start..stem]) {
                        hit(start, stem, k);
                    }
                }
            }
            if let Some(k) = self.get(span) {
                hit(start, end, k);
            }
            // A name whose last words are in parentheses ends with the
            // closing one (`Communist Party of Nepal (Maoist Centre)`).
            if norm[end..].starts_with(')') {
                if let Some(k) = self.get(&norm[start..end + 1]) {
                    hit(start, end + 1, k);
                }
            }
            if !self.prefixes.contains(span) {
                break;
            }
        }
    }
}

/// Which spans of one document the spans [`KeyTable::find`] finds there
/// hold, asked span by span. Where few are asked, only the tokens that may
/// start a key holding one are walked from (those that start at most the
/// longest key's length before its end); once the walks have started from
/// as many tokens as the document has, the document is read once.
pub(crate) struct Covering<'a> {
    table: &'a KeyTable,
    norm: &'a str,
    tokens: &'a [Token],
    /// How many tokens the walks started from.
    walked: usize,
    /// What [`KeyTable::find`] found, once the document is read.
    found: Option<Vec<(usize, usize, u32)>>,
    /// The span last asked about, and the answer: the candidates of one
    /// span are asked about one after another.
    last: Option<(Span, bool)>,
}

impl Covering<'_> {
    /// Whether a key found in the document holds `span`.
    pub(crate) fn covers(&mut self, span: Span) -> bool {
        if let Some((_, covered)) = self.last.filter(|&(last, _)| last == span) {
            return covered;
        }
        let holds = |start: usize, end: usize| start <= span.start && span.end <= end;
        let covered = match &self.found {
            None if self.walked < self.tokens.len() => {
                let table = self.table;
                let longest = *table
                    .longest
                    .get_or_init(|| table.keys().iter().map(str::len).max().unwrap_or(0));
                let from = (self.tokens).partition_point(|t| t.span.start + longest < span.end);
                let to = (self.tokens).partition_point(|t| t.span.start <= span.start);
                let mut covered = false;
                for i in from..to.max(from) {
                    table.walk(self.norm, &self.tokens[i..], |start, end, _| {
                        covered |= holds(start, end);
                    });
                }
                self.walked += to.saturating_sub(from);
                covered
            }
            Some(found) => found.iter().any(|&(start, end, _)| holds(start, end)),
            None => {
                let found = self.table.find_in(self.norm, self.tokens);
                let covered = found.iter().any(|&(start, end, _)| holds(start, end));
                self.found = Some(found);
                covered
            }
        };
        self.last = Some((span, covered));
        covered
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(keys: &[&str], norm: &str) -> Vec<(String, u32)> {
        let table = KeyTable::new(keys.iter().collect());
        table
            .find(norm, &Tokens::new(norm))
            .into_iter()
            .map(|(s, e, k)| (norm[s..e].to_string(), k))
            .collect()
    }

    #[test]
    fn keys_on_token_boundaries_only() {
        let keys = [
            "kabul",
            "kabul airport",
            "panjshir valley",
            "al qaeda",
            "bul",
        ];
        assert_eq!(
            found(
                &keys,
                "from kabul airport to the panjshir valley, not kabulistan"
            ),
            [
                ("kabul".to_string(), 0),
                ("kabul airport".to_string(), 1),
                ("panjshir valley".to_string(), 2),
            ]
        );
        assert_eq!(found(&keys, "al qaeda's"), [("al qaeda".to_string(), 3)]);
    }

    #[test]
    fn glued_endings_are_looked_up_without_them() {
        let keys = ["kabul", "taliban"];
        assert_eq!(
            found(&keys, "kabuls talibanes"),
            [("kabul".to_string(), 0), ("taliban".to_string(), 1)]
        );
        // An ending is never the whole token: `s` alone and the `es` of
        // `es` leave no stem.
        assert_eq!(found(&["e"], "es s"), [("e".to_string(), 0)]);
    }

    #[test]
    fn a_span_is_covered_where_a_found_key_holds_it() {
        let keys = ["kabul", "kabul airport", "new york city", "e", "taliban"];
        let norm = "from kabul airports to new york city, es kabul talibanes";
        let tokens = Tokens::new(norm);
        let table = KeyTable::new(keys.iter().collect());
        let hits = table.find(norm, &tokens);
        let mut covering = table.covering(norm, &tokens);
        let words = tokens.as_slice();
        for (i, a) in words.iter().enumerate() {
            for b in &words[i..] {
                let span = Span::new(a.span.start, b.span.end);
                let held = hits
                    .iter()
                    .any(|&(s, e, _)| s <= span.start && span.end <= e);
                // Walked around, then read from the document once walked
                // enough; asked twice, answered alike.
                for _ in 0..2 {
                    assert_eq!(covering.covers(span), held, "{}", &norm[span]);
                }
            }
        }
        assert!(covering.found.is_some());
        assert!(table.covering(norm, &tokens).covers(Span::new(5, 10)));
    }

    #[test]
    fn a_prefix_that_leads_nowhere_stops_the_walk() {
        let keys = ["new york city"];
        assert_eq!(found(&keys, "new york"), []);
        assert_eq!(
            found(&keys, "in new york city"),
            [("new york city".to_string(), 0)]
        );
    }
}
