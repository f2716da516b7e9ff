//! Candidate spans: automaton hits kept on token boundaries (exact, alias,
//! acronym, normalized, composed), then fuzzy lookups for the capitalized
//! spans nothing exact covers.

use crate::lexicon::{Entry, Lexicon, NameKind};
use crate::resolve::Taken;
use crate::tokenize::{Token, TokenKind, Tokens};
use crate::{Gazetteer, Method, Normalized, Span};

/// Lower-case particles that may stand inside a capitalized name (`Lion of
/// Panjshir`, `Abu Musab al-Zarqawi`, `Front national de résistance`).
const PARTICLES: &[&str] = &[
    "al", "el", "ad", "an", "ar", "as", "ash", "at", "az", "ud", "ul", "ol", "bin", "ibn", "ben",
    "bint", "abu", "abou", "de", "du", "des", "del", "della", "di", "da", "dos", "das", "la", "le",
    "von", "van", "der", "den", "of", "e", "i", "y",
];

/// Longest name, in tokens, the fuzzy pass looks up.
const MAX_FUZZY_TOKENS: usize = 6;

/// Scores of the exact tier, by method.
pub(crate) const SCORE_LISTED: f64 = 1.0;
pub(crate) const SCORE_NORMALIZED: f64 = 0.95;
pub(crate) const SCORE_COMPOSED: f64 = 0.9;

/// Why a candidate did not become a mention.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum Reason {
    /// The listed name is capitalized but the text is all lower case.
    Lowercase,
    /// An acronym whose case differs from the listed one (`afp` for `AFP`).
    AcronymCase,
    /// An all-capitals name written otherwise in the text.
    NotAllCaps,
    /// The score is below the threshold (global or the entity's `min_score`).
    BelowThreshold(f64),
    /// Another entity fits the same span as well; canon says nothing.
    Ambiguous,
    /// Another entity fits the same span better.
    Outscored,
    /// The same entity matched the same span by a better name.
    Superseded,
    /// A longer or better mention overlaps this span.
    Overlapped,
}

impl std::fmt::Display for Reason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Reason::Lowercase => f.write_str("the name is capitalized, the text is not"),
            Reason::AcronymCase => f.write_str("acronyms match with their case"),
            Reason::NotAllCaps => f.write_str("the name is in capitals, the text is not"),
            Reason::BelowThreshold(t) => write!(f, "score below the threshold {t}"),
            Reason::Ambiguous => f.write_str("another entity fits this span as well"),
            Reason::Outscored => f.write_str("another entity fits this span better"),
            Reason::Superseded => f.write_str("the same entity matched by a better name"),
            Reason::Overlapped => f.write_str("a longer or better mention overlaps it"),
        }
    }
}

/// A possible mention, before resolution.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Candidate {
    /// Span of the normalized text.
    pub(crate) norm: Span,
    /// Span of the original text.
    pub(crate) span: Span,
    pub(crate) entity: u32,
    /// The listed form that matched.
    pub(crate) form: u32,
    /// For a composed match, the place spelling substituted into `form`.
    pub(crate) via: Option<u32>,
    pub(crate) method: Method,
    pub(crate) score: f64,
    /// `None` while the candidate is still in the running.
    pub(crate) dropped: Option<Reason>,
}

/// One document as the candidate stage sees it.
pub(crate) struct Document<'a> {
    pub(crate) text: &'a str,
    pub(crate) norm: &'a Normalized,
    pub(crate) tokens: &'a Tokens,
}

impl Document<'_> {
    fn original(&self, norm: Span) -> &str {
        &self.text[self.norm.to_original(norm)]
    }
}

/// Candidates from the automaton: every key occurrence on token boundaries.
pub(crate) fn exact(doc: &Document<'_>, lexicon: &Lexicon) -> Vec<Candidate> {
    let norm = doc.norm.as_str();
    let mut out = Vec::new();
    for (start, end, key) in lexicon.find(norm) {
        if !doc.tokens.starts_at(start) || !doc.tokens.ends_at(end) {
            continue;
        }
        let nspan = Span::new(start, end);
        let span = doc.norm.to_original(nspan);
        let surface = &doc.text[span];
        for &entry in lexicon.entries(key) {
            out.push(listed_candidate(lexicon, entry, nspan, span, surface));
        }
    }
    out
}

fn listed_candidate(
    lexicon: &Lexicon,
    entry: Entry,
    norm: Span,
    span: Span,
    surface: &str,
) -> Candidate {
    let form = lexicon.form(entry.form);
    let verbatim = surface == &*form.text;
    let (method, score) = match (entry.via, form.kind, verbatim) {
        (Some(_), _, _) => (Method::Composed, SCORE_COMPOSED),
        (None, NameKind::Acronym, true) => (Method::Acronym, SCORE_LISTED),
        (None, NameKind::Acronym, false) => (Method::Acronym, SCORE_NORMALIZED),
        (None, NameKind::Canonical, true) => (Method::Exact, SCORE_LISTED),
        (None, NameKind::Alias, true) => (Method::Alias, SCORE_LISTED),
        (None, _, false) => (Method::Normalized, SCORE_NORMALIZED),
    };
    Candidate {
        norm,
        span,
        entity: form.entity,
        form: entry.form,
        via: entry.via,
        method,
        score,
        dropped: case_mismatch(form.kind, &form.text, surface),
    }
}

/// The case rules: acronyms match as listed or in capitals; a name listed in
/// capitals needs capitals; a capitalized name needs a capital in the text.
fn case_mismatch(kind: NameKind, listed: &str, surface: &str) -> Option<Reason> {
    let has_upper = |s: &str| s.chars().any(char::is_uppercase);
    let all_caps = |s: &str| {
        s.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !s.chars().any(char::is_lowercase)
    };
    if kind == NameKind::Acronym {
        let as_listed = surface == listed || surface == listed.to_uppercase();
        return (!as_listed).then_some(Reason::AcronymCase);
    }
    if all_caps(listed) && has_upper(listed) && !all_caps(surface) {
        return Some(Reason::NotAllCaps);
    }
    (has_upper(listed) && !has_upper(surface)).then_some(Reason::Lowercase)
}

/// Fuzzy candidates for capitalized spans that no mention in `taken`
/// (normalized spans) overlaps.
pub(crate) fn fuzzy(
    doc: &Document<'_>,
    lexicon: &Lexicon,
    gazetteer: &Gazetteer,
    taken: &Taken,
) -> Vec<Candidate> {
    let norm = doc.norm.as_str();
    let mut out = Vec::new();
    for run in capitalized_runs(doc) {
        for i in 0..run.len() {
            if !run[i].1 {
                continue;
            }
            for j in i..run.len().min(i + MAX_FUZZY_TOKENS) {
                if !run[j].1 {
                    continue;
                }
                let nspan = Span::new(run[i].0.span.start, run[j].0.span.end);
                if taken.overlaps(nspan) {
                    continue;
                }
                for (key, sim) in lexicon.fuzzy(&norm[nspan]) {
                    for &entry in lexicon.entries(key) {
                        let form = lexicon.form(entry.form);
                        let allowed = entry.via.is_none()
                            && form.kind != NameKind::Acronym
                            && gazetteer.entities()[form.entity as usize].fuzzy;
                        if allowed {
                            out.push(Candidate {
                                norm: nspan,
                                span: doc.norm.to_original(nspan),
                                entity: form.entity,
                                form: entry.form,
                                via: None,
                                method: Method::Fuzzy,
                                score: sim,
                                dropped: None,
                            });
                        }
                    }
                }
            }
        }
    }
    out
}

/// Runs of adjacent word tokens that are capitalized or name particles, each
/// token with whether it is capitalized. A run breaks at punctuation.
fn capitalized_runs<'d>(doc: &'d Document<'_>) -> Vec<Vec<(&'d Token, bool)>> {
    let norm = doc.norm.as_str();
    let mut runs = Vec::new();
    let mut run: Vec<(&Token, bool)> = Vec::new();
    let mut prev_end = None;
    for token in doc.tokens.as_slice() {
        let adjacent = prev_end.is_some_and(|e: usize| {
            let gap = &norm[e..token.span.start];
            gap.is_empty() || gap == " "
        });
        if !adjacent || token.kind != TokenKind::Word {
            runs.push(std::mem::take(&mut run));
        }
        prev_end = Some(token.span.end);
        if token.kind != TokenKind::Word {
            continue;
        }
        let capitalized = doc
            .original(token.span)
            .chars()
            .next()
            .is_some_and(char::is_uppercase);
        if capitalized || PARTICLES.contains(&&norm[token.span]) {
            run.push((token, capitalized));
        } else {
            runs.push(std::mem::take(&mut run));
        }
    }
    runs.push(run);
    runs.retain(|r| r.iter().any(|t| t.1));
    runs
}
