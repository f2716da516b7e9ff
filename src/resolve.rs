//! Resolution: at most one entity per span, longest first, never overlapping;
//! below the threshold, or when two entities fit equally, no mention.

use crate::candidates::{Candidate, Reason};
use crate::{Method, Span};
use std::cmp::Ordering;
use std::collections::BTreeMap;

/// The spans already taken in a document: non-overlapping, kept ordered so
/// that an overlap test is one binary search. A document takes a few
/// hundred spans at most: a sorted vector is searched and grown faster than
/// a tree, which each pass over the tokens asks once per word.
#[derive(Clone, Debug, Default)]
pub(crate) struct Taken {
    /// By start, each with whether a wider name may take it over: those
    /// taken though ambiguous (two entities fit them equally: no mention)
    /// and the mentions of personal names (`Muammar Muhammad al-Gaddafi`
    /// around `Muhammad`).
    spans: Vec<(Span, bool)>,
}

impl Taken {
    /// The taken spans that `span` overlaps, last first, with whether each
    /// yields. Taken spans never overlap one another, so they end before
    /// one that starts before them does.
    fn overlapping(&self, span: Span) -> impl Iterator<Item = (Span, bool)> + '_ {
        let before_end = self.spans.partition_point(|(s, _)| s.start < span.end);
        (self.spans[..before_end].iter().rev())
            .take_while(move |(s, _)| s.end > span.start)
            .copied()
    }

    /// Whether `span` overlaps a taken span.
    pub(crate) fn overlaps(&self, span: Span) -> bool {
        self.overlapping(span).next().is_some()
    }

    /// Whether every taken span that `span` overlaps lies inside it and is
    /// shorter: a name around them may replace them (`Fuerzas Democráticas
    /// Sirias` around `Sirias`).
    pub(crate) fn only_inside(&self, span: Span) -> bool {
        self.overlapping(span)
            .all(|(t, _)| strictly_inside(t, span))
    }

    /// Whether `span` overlaps a taken span other than the yielding ones
    /// inside it, which it may take over.
    pub(crate) fn blocks(&self, span: Span) -> bool {
        (self.overlapping(span)).any(|(t, yielding)| !(strictly_inside(t, span) && yielding))
    }

    /// Takes `span`, which must not overlap a taken span.
    pub(crate) fn insert(&mut self, span: Span) {
        self.put(span, false);
    }

    /// Takes `span`, yielding or not, in place of a span taken with the
    /// same start.
    fn put(&mut self, span: Span, yielding: bool) {
        let at = self.spans.partition_point(|(s, _)| s.start < span.start);
        match self.spans.get_mut(at) {
            Some(same) if same.0.start == span.start => *same = (span, yielding),
            _ => self.spans.insert(at, (span, yielding)),
        }
    }

    /// Takes `span`, which no taken span [`Taken::blocks`], in place of
    /// the yielding spans inside it, which it returns; marked yielding
    /// itself if `yielding`.
    fn take_over(&mut self, span: Span, yielding: bool) -> Vec<Span> {
        let mut replaced = Vec::new();
        self.spans.retain(|&(s, yields)| {
            let inside = yields && span.start <= s.start && s.start < span.end;
            if inside {
                replaced.push(s);
            }
            !inside
        });
        self.put(span, yielding);
        replaced
    }

    /// Frees `span`, if it was taken.
    pub(crate) fn remove(&mut self, span: Span) {
        let at = self.spans.partition_point(|(s, _)| s.start < span.start);
        if self.spans.get(at).is_some_and(|&(s, _)| s == span) {
            self.spans.remove(at);
        }
    }
}

/// Whether `inner` lies inside `outer` and is not `outer` itself.
fn strictly_inside(inner: Span, outer: Span) -> bool {
    outer.start <= inner.start && inner.end <= outer.end && inner != outer
}

/// What resolving asks of the entities, which the linker knows.
pub(crate) trait Policy {
    /// The score entity `e` needs to link.
    fn threshold(&self, e: u32) -> f64;
    /// Whether entity `e` is a personal name itself
    /// ([`crate::Entity::is_personal_name`]), which wins a tie.
    fn personal_name(&self, e: u32) -> bool;
    /// Whether candidate `c` found a person's name without its first
    /// given name, which a whole name read otherwise may take over (`Wali
    /// Mehsud` in `Nur Wali Mehsud`, listed as `Noor Wali Mehsud`).
    fn partial_name(&self, c: &Candidate) -> bool;
}

/// One document's resolution so far: every candidate considered, which of
/// them are mentions, and the spans those take.
#[derive(Debug, Default)]
pub(crate) struct Resolution {
    pub(crate) candidates: Vec<Candidate>,
    /// Indices into `candidates` of the mentions.
    pub(crate) kept: Vec<usize>,
    pub(crate) taken: Taken,
}

impl Resolution {
    /// Resolves a tier of new candidates against the spans already taken,
    /// and records them all.
    pub(crate) fn tier(&mut self, mut fresh: Vec<Candidate>, policy: &impl Policy) {
        let offset = self.candidates.len();
        let (kept, replaced) = resolve(&mut fresh, policy, &mut self.taken);
        // Mentions of earlier tiers that a wider name took over.
        if !replaced.is_empty() {
            let candidates = &mut self.candidates;
            self.kept.retain(|&k| {
                let gone = replaced.contains(&candidates[k].norm);
                if gone {
                    candidates[k].dropped = Some(Reason::Overlapped);
                }
                !gone
            });
        }
        self.kept.extend(kept.into_iter().map(|i| i + offset));
        // The first tier is taken whole: at a million names, a document
        // has thousands of candidates, and copying them cost a percent of
        // linking.
        match self.candidates.is_empty() {
            true => self.candidates = fresh,
            false => self.candidates.append(&mut fresh),
        }
    }

    /// Whether `span` overlaps a mention of a name as the gazetteer lists
    /// it: found exactly, not read with an ending or through a rule.
    pub(crate) fn holds_listed(&self, span: Span) -> bool {
        self.mentions().any(|c| {
            let exact = matches!(
                c.method,
                Method::Exact | Method::Alias | Method::Acronym | Method::Normalized
            );
            exact && c.rules.is_empty() && c.norm.start < span.end && span.start < c.norm.end
        })
    }

    /// Records a candidate decided without competition: a mention if it is
    /// not dropped (its span must be free), else only for `explain`.
    pub(crate) fn decide(&mut self, candidate: Candidate) {
        if candidate.dropped.is_none() {
            self.taken.insert(candidate.norm);
            self.kept.push(self.candidates.len());
        }
        self.candidates.push(candidate);
    }

    /// Turns the mentions `unwanted` picks back into dropped candidates:
    /// `unwanted` marks a candidate dropped, or leaves it be.
    pub(crate) fn unkeep(&mut self, mut unwanted: impl FnMut(&mut Candidate)) {
        let candidates = &mut self.candidates;
        let taken = &mut self.taken;
        self.kept.retain(|&k| {
            let c = &mut candidates[k];
            unwanted(c);
            if c.dropped.is_none() {
                return true;
            }
            taken.remove(c.norm);
            false
        });
    }

    /// The mentions so far.
    pub(crate) fn mentions(&self) -> impl Iterator<Item = &Candidate> {
        self.kept.iter().map(|&k| &self.candidates[k])
    }
}

/// Resolves one tier of candidates in place: marks every loser with its
/// reason and returns the indices of the winners, and the spans they took
/// over. Spans in `taken` (normalized) block overlapping candidates (but
/// wider ones around yielding spans); winners and ambiguous spans are
/// added to it.
fn resolve(
    candidates: &mut [Candidate],
    policy: &impl Policy,
    taken: &mut Taken,
) -> (Vec<usize>, Vec<Span>) {
    for c in candidates.iter_mut().filter(|c| c.dropped.is_none()) {
        let t = policy.threshold(c.entity);
        if c.score < t {
            c.dropped = Some(Reason::BelowThreshold(t));
        }
    }
    // Best candidate per span and entity, then the entities of each span.
    let mut by_span: BTreeMap<Span, Vec<usize>> = BTreeMap::new();
    for (i, c) in candidates.iter().enumerate() {
        if c.dropped.is_none() {
            by_span.entry(c.norm).or_default().push(i);
        }
    }
    struct Choice {
        span: Span,
        best: usize,
        ambiguous: bool,
    }
    let mut choices = Vec::new();
    for (span, mut idx) in by_span {
        idx.sort_by(|&a, &b| better(&candidates[a], &candidates[b]));
        let first = idx[0];
        let mut ties = 0;
        let mut seen = vec![candidates[first].entity];
        for &i in &idx[1..] {
            let c = &candidates[i];
            if seen.contains(&c.entity) {
                c_drop(candidates, i, Reason::Superseded);
            } else if better(&candidates[first], c) != Ordering::Equal {
                seen.push(c.entity);
                c_drop(candidates, i, Reason::Outscored);
            } else {
                seen.push(c.entity);
                ties += 1;
            }
        }
        let (mut best, mut ambiguous) = (first, false);
        if ties > 0 {
            // The tied candidates are the ones still in the running. The
            // tie goes to the one entity that is the name itself, if any,
            // when the name is written as listed (or as the table of given
            // names spells it): an approximate spelling may be the
            // namesake's own (`Mahomet`, the prophet, not the given name).
            let in_running = |&i: &usize| candidates[i].dropped.is_none();
            let name_itself = |&i: &usize| {
                let c = &candidates[i];
                let listed = matches!(c.method, Method::Exact | Method::Alias | Method::Normalized);
                listed && policy.personal_name(c.entity)
            };
            let mut names = idx.iter().copied().filter(in_running).filter(name_itself);
            match (names.next(), names.next()) {
                (Some(name), None) => best = name,
                _ => ambiguous = true,
            }
            let reason = match ambiguous {
                true => Reason::Ambiguous,
                false => Reason::NameItself,
            };
            for &i in &idx {
                if candidates[i].dropped.is_none() && (ambiguous || i != best) {
                    c_drop(candidates, i, reason.clone());
                }
            }
        }
        choices.push(Choice {
            span,
            best,
            ambiguous,
        });
    }
    // Longest first, then best, then leftmost.
    choices.sort_by(|a, b| {
        b.span
            .len()
            .cmp(&a.span.len())
            .then_with(|| better(&candidates[a.best], &candidates[b.best]))
            .then_with(|| a.span.start.cmp(&b.span.start))
    });
    let mut kept = Vec::new();
    let mut replaced = Vec::new();
    for choice in choices {
        if taken.blocks(choice.span) {
            if !choice.ambiguous {
                c_drop(candidates, choice.best, Reason::Overlapped);
            }
            continue;
        }
        let best = &candidates[choice.best];
        let yielding =
            choice.ambiguous || policy.personal_name(best.entity) || policy.partial_name(best);
        replaced.extend(taken.take_over(choice.span, yielding));
        if !choice.ambiguous {
            kept.push(choice.best);
        }
    }
    // Within a tier, wider spans come first: only earlier tiers' mentions
    // are taken over.
    (kept, replaced)
}

fn c_drop(candidates: &mut [Candidate], i: usize, reason: Reason) {
    candidates[i].dropped = Some(reason);
}

/// Orders candidates of one span: higher score first, then the method
/// preferred (listed spellings before derived ones).
fn better(a: &Candidate, b: &Candidate) -> Ordering {
    b.score
        .total_cmp(&a.score)
        .then_with(|| a.method.cmp(&b.method))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_span_holds_taken_spans_only_inside_it() {
        let mut taken = Taken::default();
        taken.insert(Span::new(10, 15));
        taken.insert(Span::new(20, 25));
        let cases = [
            ((0, 30), true),   // around both
            ((8, 16), true),   // around the first
            ((10, 18), true),  // starts with the first
            ((0, 9), true),    // holds none
            ((10, 15), false), // is the first
            ((12, 18), false), // starts inside the first
            ((8, 22), false),  // ends inside the second
        ];
        for ((start, end), expected) in cases {
            assert_eq!(
                taken.only_inside(Span::new(start, end)),
                expected,
                "{start}..{end}"
            );
        }
    }

    #[test]
    fn a_wider_span_takes_over_ambiguous_ones_only() {
        let mut taken = Taken::default();
        taken.take_over(Span::new(10, 15), true);
        taken.take_over(Span::new(20, 25), false);
        assert!(!taken.blocks(Span::new(5, 18)));
        assert!(taken.blocks(Span::new(10, 15)));
        assert!(taken.blocks(Span::new(12, 18)));
        assert!(taken.blocks(Span::new(5, 22)));
        taken.take_over(Span::new(5, 18), false);
        assert!(taken.overlaps(Span::new(16, 17)));
        assert!(taken.blocks(Span::new(0, 19)));
    }
}
