//! Evaluation against gold annotations, with the rules of the reference
//! scorer `shared/tools/score.py`: a prediction overlapping a required gold
//! mention of the same entity is a hit (each gold mention counts once); one
//! touching only optional gold spans is ignored; every other prediction is a
//! false link.

use serde::Deserialize;
use std::fmt;

/// A gold mention.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct GoldMention {
    /// Start, in code points.
    pub start: usize,
    /// End, in code points.
    pub end: usize,
    /// The entity, or `None` for a span that must not be linked.
    #[serde(default)]
    pub entity: Option<String>,
    /// Whether the span may be linked or not without penalty.
    #[serde(default)]
    pub optional: bool,
    /// The text of the span, if given.
    #[serde(default)]
    pub text: Option<String>,
}

/// A predicted mention, as the scorer sees it.
#[derive(Clone, Debug, PartialEq)]
pub struct Predicted {
    /// Start, in code points.
    pub start: usize,
    /// End, in code points.
    pub end: usize,
    /// The entity linked.
    pub entity: String,
    /// The text of the span.
    pub text: String,
}

/// One error of a document's score.
#[derive(Clone, Debug, PartialEq)]
pub enum Miss {
    /// A prediction that is neither a hit nor on optional gold only.
    FalseLink(Predicted),
    /// A required gold mention no prediction hit.
    Missed(GoldMention),
}

/// The score of one document.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DocScore {
    /// Required gold mentions hit.
    pub hits: usize,
    /// False links.
    pub false_links: usize,
    /// Required gold mentions.
    pub gold: usize,
    /// False links, then missed gold mentions, as score.py lists them.
    pub errors: Vec<Miss>,
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// What `linker` finds in `text`, as the scorer sees it.
///
/// ```
/// use canon::{eval, Gazetteer, Linker};
/// let linker = Linker::new(Gazetteer::embedded()).expect("a linker");
/// let predicted = eval::predict(&linker, "Kaboul, août 2021.");
/// assert_eq!(predicted.len(), 1);
/// assert_eq!((predicted[0].start, predicted[0].end), (0, 6));
/// assert_eq!(predicted[0].entity, "kabul");
/// ```
pub fn predict(linker: &crate::Linker, text: &str) -> Vec<Predicted> {
    let mentions = linker.link(text);
    crate::output::wire_mentions(text, &mentions)
        .into_iter()
        .map(|m| Predicted {
            start: m.start,
            end: m.end,
            entity: m.entity.to_string(),
            text: m.text.to_string(),
        })
        .collect()
}

/// Scores `predicted` against `gold` for one document.
///
/// ```
/// use canon::eval::{score_document, GoldMention, Predicted};
/// let gold = [GoldMention { start: 0, end: 5, entity: Some("kabul".into()), optional: false, text: None }];
/// let pred = [Predicted { start: 0, end: 5, entity: "kabul".into(), text: "Kabul".into() }];
/// let s = score_document(&gold, &pred);
/// assert_eq!((s.hits, s.false_links, s.gold), (1, 0, 1));
/// ```
pub fn score_document(gold: &[GoldMention], predicted: &[Predicted]) -> DocScore {
    let required: Vec<&GoldMention> = gold
        .iter()
        .filter(|g| g.entity.is_some() && !g.optional)
        .collect();
    let mut hit = vec![false; required.len()];
    let mut score = DocScore {
        gold: required.len(),
        ..DocScore::default()
    };
    let mut sorted: Vec<&Predicted> = predicted.iter().collect();
    sorted.sort_by_key(|p| (p.start, p.end));
    for p in sorted {
        let span = (p.start, p.end);
        let same: Vec<usize> = (0..required.len())
            .filter(|&i| {
                overlaps(span, (required[i].start, required[i].end))
                    && required[i].entity.as_deref() == Some(p.entity.as_str())
            })
            .collect();
        if !same.is_empty() {
            if let Some(&fresh) = same.iter().find(|&&i| !hit[i]) {
                hit[fresh] = true;
                score.hits += 1;
            }
            continue;
        }
        let mut touching = gold
            .iter()
            .filter(|g| overlaps(span, (g.start, g.end)))
            .peekable();
        if touching.peek().is_some() && touching.all(|g| g.optional) {
            continue;
        }
        score.false_links += 1;
        score.errors.push(Miss::FalseLink(p.clone()));
    }
    for (ok, g) in hit.into_iter().zip(required) {
        if !ok {
            score.errors.push(Miss::Missed(g.clone()));
        }
    }
    score
}

/// Totals over documents, printed as score.py prints them.
///
/// ```
/// use canon::eval::Totals;
/// let t = Totals { documents: 1, gold: 4, hits: 3, false_links: 1 };
/// assert_eq!(
///     t.to_string(),
///     "documents 1  gold 4  hits 3  false links 1  precision 0.750  recall 0.750  F1 0.750"
/// );
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Totals {
    /// Documents scored.
    pub documents: usize,
    /// Required gold mentions.
    pub gold: usize,
    /// Hits.
    pub hits: usize,
    /// False links.
    pub false_links: usize,
}

impl Totals {
    /// Adds one document's score.
    pub fn add(&mut self, doc: &DocScore) {
        self.documents += 1;
        self.gold += doc.gold;
        self.hits += doc.hits;
        self.false_links += doc.false_links;
    }

    /// Hits over predictions that counted (1 when there are none).
    pub fn precision(&self) -> f64 {
        ratio(self.hits, self.hits + self.false_links)
    }

    /// Hits over required gold mentions (1 when there are none).
    pub fn recall(&self) -> f64 {
        ratio(self.hits, self.gold)
    }

    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

impl fmt::Display for Totals {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "documents {}  gold {}  hits {}  false links {}  precision {:.3}  recall {:.3}  F1 {:.3}",
            self.documents,
            self.gold,
            self.hits,
            self.false_links,
            self.precision(),
            self.recall(),
            self.f1()
        )
    }
}

impl Miss {
    /// The error line score.py prints for this miss in document `doc`:
    /// `doc<TAB>kind<TAB>start-end<TAB>'text'<TAB>entity`.
    pub fn line(&self, doc: &str) -> String {
        let (kind, start, end, text, entity) = match self {
            Miss::FalseLink(p) => (
                "false link",
                p.start,
                p.end,
                p.text.as_str(),
                p.entity.as_str(),
            ),
            Miss::Missed(g) => (
                "missed",
                g.start,
                g.end,
                g.text.as_deref().unwrap_or(""),
                g.entity.as_deref().unwrap_or("None"),
            ),
        };
        format!("{doc}\t{kind}\t{start}-{end}\t{}\t{entity}", py_repr(text))
    }
}

/// Python's `repr` of a string, as score.py prints it.
fn py_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if !py_printable(c) => match c as u32 {
                n @ 0..=0xff => out.push_str(&format!("\\x{n:02x}")),
                n @ 0x100..=0xffff => out.push_str(&format!("\\u{n:04x}")),
                n => out.push_str(&format!("\\U{n:08x}")),
            },
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// Python's `str.isprintable` for one character, as far as repr needs it:
/// controls, separators other than the space, and format characters are not.
fn py_printable(c: char) -> bool {
    c == ' '
        || !(c.is_control()
            || c.is_whitespace()
            || matches!(c, '\u{00AD}' | '\u{061C}' | '\u{180E}' | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{206F}' | '\u{FEFF}'))
}

#[cfg(test)]
mod tests {
    use super::py_repr;

    #[test]
    fn repr_like_python() {
        assert_eq!(py_repr("Kabul"), "'Kabul'");
        assert_eq!(py_repr("d'Ahmad"), "\"d'Ahmad\"");
        assert_eq!(py_repr("a'b\"c"), "'a\\'b\"c'");
        assert_eq!(py_repr("x\ny"), "'x\\ny'");
        assert_eq!(py_repr("a\u{a0}b\u{200b}"), "'a\\xa0b\\u200b'");
    }
}
