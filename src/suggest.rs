//! What a gazetteer lacks, read from a corpus: spellings that almost
//! linked, acronyms the texts define, and frequent names that link to
//! nothing.
//!
//! A [`Suggester`] runs the linker's own [`Linker::explain`] on each
//! document, so it sees exactly the candidates linking weighed:
//!
//! - a **near miss** is an entity's candidate dropped only because its score
//!   is below the threshold (the linker's, or the entity's `min_score`);
//! - an **approximate** link is a mention found by transliteration, edit
//!   distance or an acronym's letters in another order (`OTAN` for `NATO`):
//!   listing the spelling makes it certain;
//! - a **defined acronym** is a short form the text defines for a mention
//!   (`Front national de résistance (FNR)`) that the entity does not list;
//! - an **unlinked name** is a run of capitalized words that no candidate
//!   touches, not counting a sentence's first word when it is an ordinary
//!   word or stands alone.
//!
//! Each suggestion is counted over the corpus, with a few contexts, and
//! carries the [`Addition`] that `canon add` would make (none for an
//! unlinked name, which needs a new entity).
//!
//! ```
//! use canon::suggest::{Suggester, SuggestionKind};
//! use canon::{Gazetteer, Linker};
//!
//! let gazetteer = Gazetteer::from_toml("places.toml", r#"
//!     [[entity]]
//!     id = "panjshir"
//!     name = "Panjshir"
//!     type = "place"
//!     min_score = 0.95
//! "#)?;
//! let linker = Linker::new(gazetteer)?;
//! let mut suggester = Suggester::new(&linker);
//! suggester.read("La vallée du Panchir résiste. Amrullah Saleh y est.");
//! suggester.read("Dans le Panchir, Amrullah Saleh parle.");
//! let suggestions = suggester.suggestions(2);
//! assert_eq!(suggestions.len(), 2);
//! assert_eq!(suggestions[0].kind, SuggestionKind::NearMiss);
//! assert_eq!((suggestions[0].text.as_str(), suggestions[0].count), ("Panchir", 2));
//! assert_eq!(suggestions[0].entity.as_deref(), Some("panjshir"));
//! assert_eq!(suggestions[1].kind, SuggestionKind::Unlinked);
//! assert_eq!(suggestions[1].text, "Amrullah Saleh");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::collections::HashMap;

use crate::candidates::{self, Document, Reason, KNOWN_ACRONYM};
use crate::edit::Addition;
use crate::tokenize::{Token, Tokens};
use crate::{guard, Linker, Method, Span};

/// Most contexts kept for one suggestion.
const MAX_CONTEXTS: usize = 3;
/// Characters of text kept on each side of a span in a context.
const CONTEXT_CHARS: usize = 40;

/// What kind of gap a [`Suggestion`] fills, in order of priority.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SuggestionKind {
    /// Matched an entity with a score below its threshold.
    NearMiss,
    /// A short form the text defines for a mention of the entity.
    DefinedAcronym,
    /// Linked, by transliteration, edit distance or an acronym's letters
    /// in another order only.
    Approximate,
    /// Capitalized words that link to nothing: perhaps a new entity.
    Unlinked,
}

impl SuggestionKind {
    /// `near miss`, `defined acronym`, `approximate`, `unlinked`.
    pub fn as_str(self) -> &'static str {
        match self {
            SuggestionKind::NearMiss => "near miss",
            SuggestionKind::DefinedAcronym => "defined acronym",
            SuggestionKind::Approximate => "approximate",
            SuggestionKind::Unlinked => "unlinked",
        }
    }
}

/// One spelling the gazetteer lacks, over the whole corpus.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    /// What kind of gap.
    pub kind: SuggestionKind,
    /// The entity it belongs to; `None` for an unlinked name.
    pub entity: Option<String>,
    /// The spelling, as written in the corpus.
    pub text: String,
    /// What `canon add` would add; `None` for an unlinked name.
    pub addition: Option<Addition>,
    /// How many times it occurs.
    pub count: usize,
    /// The best score it got (0 for an unlinked name).
    pub score: f64,
    /// The threshold it missed, for a near miss.
    pub threshold: Option<f64>,
    /// How it matched, if it did.
    pub method: Option<Method>,
    /// The rules that (almost) bridged it to the entity's name.
    pub rules: Vec<&'static str>,
    /// The listed name it was matched with.
    pub matched: Option<String>,
    /// Up to three snippets of text around it, the spelling in brackets.
    pub contexts: Vec<String>,
}

/// What one document shows: the suggestions it holds, each counted once
/// per occurrence. Made by [`Suggester::observe`], summed by
/// [`Suggester::add`]: documents can be read in parallel.
#[derive(Debug, Default, Clone)]
pub struct Observations(Vec<Suggestion>);

/// Reads documents and sums what the gazetteer lacks.
#[derive(Debug)]
pub struct Suggester<'l> {
    linker: &'l Linker,
    found: HashMap<(SuggestionKind, Option<String>, String), Suggestion>,
}

impl<'l> Suggester<'l> {
    /// A suggester for the gazetteer of `linker`, with its threshold.
    pub fn new(linker: &'l Linker) -> Suggester<'l> {
        Suggester {
            linker,
            found: HashMap::new(),
        }
    }

    /// Reads one document.
    pub fn read(&mut self, text: &str) {
        let observations = self.observe(text);
        self.add(observations);
    }

    /// What one document shows, without adding it (`&self`: call it from
    /// several threads, then [`Suggester::add`] each result).
    pub fn observe(&self, text: &str) -> Observations {
        let explanation = self.linker.explain(text);
        let kept: Vec<Span> = explanation
            .candidates
            .iter()
            .filter(|c| c.decision.is_ok())
            .map(|c| c.span)
            .collect();
        let mut found: Vec<Suggestion> = Vec::new();
        let mut seen: Vec<(Span, &str)> = Vec::new();
        for c in &explanation.candidates {
            // One spelling found by two methods is one observation.
            if seen.contains(&(c.span, c.entity.id.as_str())) {
                continue;
            }
            let permuted = c.rules.contains(&"acronym letters in another order");
            let approximate = matches!(
                c.method,
                Method::Known | Method::Transliteration | Method::Fuzzy
            ) || permuted;
            let defined = c.rules.contains(&crate::coreference::DEFINED_IN_THE_TEXT);
            let (kind, threshold) = match &c.decision {
                Err(Reason::BelowThreshold(t)) if !kept.iter().any(|k| k.overlaps(c.span)) => {
                    (SuggestionKind::NearMiss, Some(*t))
                }
                Ok(()) if defined => (SuggestionKind::DefinedAcronym, None),
                Ok(()) if approximate => (SuggestionKind::Approximate, None),
                _ => continue,
            };
            seen.push((c.span, c.entity.id.as_str()));
            let surface = &text[c.span];
            let acronym = c.method == Method::Acronym || c.rules.contains(&KNOWN_ACRONYM);
            let addition = if acronym {
                Addition::Acronym(surface.to_owned())
            } else {
                Addition::Alias(surface.to_owned())
            };
            found.push(Suggestion {
                kind,
                entity: Some(c.entity.id.clone()),
                text: surface.to_owned(),
                addition: Some(addition),
                count: 1,
                score: c.score,
                threshold,
                method: Some(c.method),
                rules: c.rules.clone(),
                matched: Some(c.matched.clone()),
                contexts: vec![context(text, c.span)],
            });
        }
        let candidates: Vec<Span> = explanation.candidates.iter().map(|c| c.span).collect();
        for span in self.unlinked_names(text) {
            if !candidates.iter().any(|c| c.overlaps(span)) {
                found.push(Suggestion {
                    kind: SuggestionKind::Unlinked,
                    entity: None,
                    text: text[span].to_owned(),
                    addition: None,
                    count: 1,
                    score: 0.0,
                    threshold: None,
                    method: None,
                    rules: Vec::new(),
                    matched: None,
                    contexts: vec![context(text, span)],
                });
            }
        }
        Observations(found)
    }

    /// Adds what one document showed.
    pub fn add(&mut self, observations: Observations) {
        for seen in observations.0 {
            let key = (seen.kind, seen.entity.clone(), seen.text.clone());
            match self.found.get_mut(&key) {
                None => {
                    self.found.insert(key, seen);
                }
                Some(sum) => {
                    sum.count += seen.count;
                    if seen.score > sum.score {
                        sum.score = seen.score;
                        sum.rules = seen.rules;
                        sum.method = seen.method;
                        sum.matched = seen.matched;
                    }
                    for context in seen.contexts {
                        if sum.contexts.len() < MAX_CONTEXTS && !sum.contexts.contains(&context) {
                            sum.contexts.push(context);
                        }
                    }
                }
            }
        }
    }

    /// The suggestions seen at least `min_count` times, most frequent
    /// first (then by kind, best score, spelling).
    pub fn suggestions(&self, min_count: usize) -> Vec<Suggestion> {
        let mut suggestions: Vec<Suggestion> = self
            .found
            .values()
            .filter(|s| s.count >= min_count)
            .cloned()
            .collect();
        suggestions.sort_by(|a, b| {
            b.count
                .cmp(&a.count)
                .then(a.kind.cmp(&b.kind))
                .then(b.score.total_cmp(&a.score))
                .then(a.text.cmp(&b.text))
                .then(a.entity.cmp(&b.entity))
        });
        suggestions
    }

    /// Runs of capitalized words, particles inside, without a sentence's
    /// first word when it is an ordinary or short word, or alone.
    fn unlinked_names(&self, text: &str) -> Vec<Span> {
        let norm = self.linker.normalizer().normalize(text);
        let tokens = Tokens::new(norm.as_str());
        let doc = Document::new(text, &norm, &tokens);
        let mut spans = Vec::new();
        for run in candidates::name_runs(&doc) {
            let mut run: &[(&Token, bool)] = &run;
            if let Some(((first, _), rest)) = run.split_first() {
                let word = &norm.as_str()[first.span];
                let starts = crate::candidates::starts_sentence(
                    text,
                    doc.norm.to_original(first.span).start,
                );
                // Short words there are mostly articles (`The`, `Les`).
                let short = word.chars().count() <= 3;
                if starts && (rest.is_empty() || short || guard::is_common_word(word)) {
                    run = rest;
                }
            }
            // Particles at either end belong to no name.
            while let [(_, false), rest @ ..] = run {
                run = rest;
            }
            while let [rest @ .., (_, false)] = run {
                run = rest;
            }
            let (Some(first), Some(last)) = (run.first(), run.last()) else {
                continue;
            };
            let nspan = Span::new(first.0.span.start, last.0.span.end);
            let key = &norm.as_str()[nspan];
            // One word alone: an acronym, or a word of four letters or
            // more that is not an ordinary one (the word lists hold no
            // shorter words: `Die`, `Tal`).
            let letters = key.chars().filter(|c| c.is_alphabetic()).count();
            let original = doc.original(nspan);
            let acronym = original
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase);
            let word = letters >= 4 && !guard::is_common_word(key);
            if letters < 2 || (run.len() == 1 && !acronym && !word) {
                continue;
            }
            spans.push(doc.norm.to_original(nspan));
        }
        spans
    }
}

/// The text around `span`, on one line, the span in brackets:
/// `…dans la vallée du [Panchir], où…`.
fn context(text: &str, span: Span) -> String {
    let before: String = {
        let mut chars: Vec<char> = text[..span.start]
            .chars()
            .rev()
            .take(CONTEXT_CHARS)
            .collect();
        chars.reverse();
        chars.into_iter().collect()
    };
    let after: String = text[span.end..].chars().take(CONTEXT_CHARS).collect();
    let open = if before.len() < span.start { "…" } else { "" };
    let close = if span.end + after.len() < text.len() {
        "…"
    } else {
        ""
    };
    let line = format!("{open}{before}[{}]{after}{close}", &text[span]);
    line.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contexts_are_one_line_around_the_span() {
        let text = "Line one.\nThe valley of Panchir, where the resistance holds out against all odds today.";
        let at = text.find("Panchir").unwrap();
        assert_eq!(
            context(text, Span::new(at, at + 7)),
            "Line one. The valley of [Panchir], where the resistance holds out against…"
        );
        assert_eq!(context("Panchir", Span::new(0, 7)), "[Panchir]");
    }

    #[test]
    fn sentence_starts() {
        let text = "Hier, Kaboul. « Panchir » et\nMassoud: Saleh";
        let at = |w: &str| text.find(w).unwrap();
        assert!(crate::candidates::starts_sentence(text, 0));
        assert!(!crate::candidates::starts_sentence(text, at("Kaboul")));
        assert!(crate::candidates::starts_sentence(text, at("Panchir")));
        assert!(crate::candidates::starts_sentence(text, at("Massoud")));
        assert!(crate::candidates::starts_sentence(text, at("Saleh")));
        assert!(
            crate::candidates::starts_sentence("\u{feff}The", 3),
            "after a BOM"
        );
    }

    #[test]
    fn acronyms_defined_for_a_mention_are_suggested_for_its_entity() {
        let gazetteer = crate::Gazetteer::from_toml(
            "g.toml",
            "[[entity]]\nid = \"ie\"\nname = \"Islamic Emirate\"\ntype = \"organization\"\n",
        )
        .unwrap();
        let linker = Linker::new(gazetteer).unwrap();
        let mut suggester = Suggester::new(&linker);
        suggester.read("The Islamic Emirate (IE) spoke. Later the IE denied it.");
        let suggestions = suggester.suggestions(2);
        let [suggestion] = suggestions.as_slice() else {
            panic!("{suggestions:#?}")
        };
        assert_eq!(suggestion.kind, SuggestionKind::DefinedAcronym);
        assert_eq!(suggestion.addition, Some(Addition::Acronym("IE".into())));
        assert_eq!(suggestion.entity.as_deref(), Some("ie"));
    }

    #[test]
    fn unlinked_names_skip_sentence_starts_and_ordinary_words() {
        let gazetteer = crate::Gazetteer::from_toml("g.toml", "").unwrap();
        let linker = Linker::new(gazetteer).unwrap();
        let suggester = Suggester::new(&linker);
        let text = "Yesterday Amrullah Saleh spoke. The Republic of Korea answered. Saleh left \
                    for the Front with Saleh, by Tal, for EFE. Afghanistan waits.";
        let names: Vec<&str> = suggester
            .unlinked_names(text)
            .into_iter()
            .map(|s| &text[s])
            .collect();
        assert_eq!(
            names,
            ["Amrullah Saleh", "Republic of Korea", "Saleh", "EFE"]
        );
    }
}
