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

use crate::tables::{StrTable, Strings};
use crate::tokenize::Tokens;
use rustc_hash::FxHashSet;

/// Keys by their text, and their token-end prefixes.
#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
pub(crate) struct KeyTable {
    /// The keys, each identified by its position.
    keys: StrTable,
    /// Proper prefixes of keys that end at one of the key's token ends.
    prefixes: StrTable,
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

    /// Every `(start, end, key)` of normalized text whose `tokens` are given:
    /// spans from a token's start to a token's end, or to a token's end
    /// less a glued ending, that are keys. Ordered by start, then end.
    pub(crate) fn find(&self, norm: &str, tokens: &Tokens) -> Vec<(usize, usize, u32)> {
        let tokens = tokens.as_slice();
        let mut hits = Vec::new();
        if self.keys.len() == 0 {
            return hits; // no key: no lookup per token
        }
        for (i, first) in tokens.iter().enumerate() {
            let start = first.span.start;
            for last in &tokens[i..] {
                let end = last.span.end;
                let span = &norm[start..end];
                for ending in GLUED_ENDINGS {
                    let stem = end.saturating_sub(ending.len());
                    if span.ends_with(ending) && stem > last.span.start {
                        if let Some(k) = self.get(&norm[start..stem]) {
                            hits.push((start, stem, k));
                        }
                    }
                }
                if let Some(k) = self.get(span) {
                    hits.push((start, end, k));
                }
                if !self.prefixes.contains(span) {
                    break;
                }
            }
        }
        hits
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
    fn a_prefix_that_leads_nowhere_stops_the_walk() {
        let keys = ["new york city"];
        assert_eq!(found(&keys, "new york"), []);
        assert_eq!(
            found(&keys, "in new york city"),
            [("new york city".to_string(), 0)]
        );
    }
}
