//! The linker: built once from a gazetteer, then `link(&self, text)` on any
//! number of documents, from any number of threads.

use crate::candidates::{self, Document, GazetteerRules, Reason};
use crate::coreference;
use crate::index::KnownRecord;
use crate::lexicon::Lexicon;
use crate::memo::Memo;
use crate::resolve::{Policy, Resolution};
use crate::tokenize::Tokens;
use crate::{Entity, Gazetteer, KnownNames, Mention, Method, Normalizer, Span};

/// The score a mention needs by default.
pub const DEFAULT_THRESHOLD: f64 = 0.85;

/// Why a linker could not be built.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum BuildError {
    /// The threshold is not a number in [0, 1].
    #[error("threshold {0} is not a number between 0 and 1")]
    Threshold(f64),
}

/// Options of a [`Linker`], set before it is built.
///
/// ```
/// use canon::{Gazetteer, Linker};
/// let gazetteer = Gazetteer::from_toml("g.toml", r#"
///     [[entity]]
///     id = "kabul"
///     name = "Kabul"
///     type = "place"
/// "#).unwrap();
/// let linker = Linker::builder().threshold(0.9).fuzzy(false).build(gazetteer).unwrap();
/// assert!(linker.link("Kabol").is_empty());
/// ```
#[derive(Clone, Debug)]
pub struct LinkerBuilder {
    threshold: f64,
    fuzzy: bool,
    transliteration: bool,
    known: Option<KnownNames>,
}

impl Default for LinkerBuilder {
    fn default() -> LinkerBuilder {
        LinkerBuilder {
            threshold: DEFAULT_THRESHOLD,
            fuzzy: true,
            transliteration: true,
            known: Some(KnownNames::embedded()),
        }
    }
}

impl LinkerBuilder {
    /// The score a mention needs (default [`DEFAULT_THRESHOLD`]); an entity's
    /// `min_score` overrides it for that entity.
    pub fn threshold(&mut self, threshold: f64) -> &mut LinkerBuilder {
        self.threshold = threshold;
        self
    }

    /// Whether spellings the gazetteer does not list are looked for, by
    /// transliteration skeleton and by edit distance (default: yes). Off,
    /// only listed spellings link, as for an entity with `fuzzy = false`.
    pub fn fuzzy(&mut self, on: bool) -> &mut LinkerBuilder {
        self.fuzzy = on;
        self
    }

    /// Whether unlisted spellings are also looked for by the conventions
    /// the press and other scripts spell names by (default: yes): their
    /// convention skeletons (`Panchir` for `Panjshir`), names translated
    /// word by word (`Union soviétique`) and acronyms in another
    /// language's order (`OTAN`). Off, the approximate tier is edit
    /// distance alone, as canon linked before it knew them; the known
    /// names stay ([`LinkerBuilder::known_names`]).
    ///
    /// ```
    /// use canon::{Gazetteer, Linker};
    /// let gazetteer = Gazetteer::from_toml("g.toml", r#"
    ///     [[entity]]
    ///     id = "panjshir"
    ///     name = "Panjshir"
    ///     type = "place"
    ///     [[entity]]
    ///     id = "nrf"
    ///     name = "National Resistance Front"
    ///     type = "organization"
    /// "#).unwrap();
    /// let text = "Die National Resistanse Front kämpft im Pandschschir.";
    /// // The gazetteer's names only: the embedded one knows `Pandschschir`.
    /// let mut builder = Linker::builder();
    /// builder.known_names(None);
    /// assert_eq!(builder.build(gazetteer.clone()).unwrap().link(text).len(), 2);
    /// let edits_only = builder.transliteration(false).build(gazetteer).unwrap();
    /// let mentions = edits_only.link(text);
    /// assert_eq!(mentions.len(), 1);
    /// assert_eq!(&text[mentions[0].span], "National Resistanse Front");
    /// ```
    pub fn transliteration(&mut self, on: bool) -> &mut LinkerBuilder {
        self.transliteration = on;
        self
    }

    /// The names that complete the gazetteer's (default: those of the
    /// embedded gazetteer, [`KnownNames::embedded`]): an entity that is also
    /// one of theirs is found under their names too (`Égypte` for `Egypt`),
    /// unless it has `fuzzy = false` or the linker does not look for
    /// approximate spellings ([`LinkerBuilder::fuzzy`]). `None` links the
    /// gazetteer's names only. See [`KnownNames`].
    pub fn known_names(&mut self, known: Option<KnownNames>) -> &mut LinkerBuilder {
        self.known = known;
        self
    }

    /// Compiles the gazetteer into a linker.
    pub fn build(&self, gazetteer: Gazetteer) -> Result<Linker, BuildError> {
        self.check()?;
        let known = self.compiled_known();
        let lexicon = Lexicon::new(&gazetteer, &Normalizer::new(), known);
        self.assemble(gazetteer, lexicon, KnownRecord::of(known))
    }

    /// The known names these options compile into a lexicon: none for
    /// listed spellings only.
    pub(crate) fn compiled_known(&self) -> Option<&KnownNames> {
        self.known.as_ref().filter(|_| self.fuzzy)
    }

    /// Whether the options are valid.
    pub(crate) fn check(&self) -> Result<(), BuildError> {
        match (0.0..=1.0).contains(&self.threshold) {
            true => Ok(()),
            false => Err(BuildError::Threshold(self.threshold)),
        }
    }

    /// The linker of `gazetteer` compiled into `lexicon` with `known`
    /// names, with these options.
    pub(crate) fn assemble(
        &self,
        gazetteer: Gazetteer,
        lexicon: Lexicon,
        known: KnownRecord,
    ) -> Result<Linker, BuildError> {
        self.check()?;
        let lowest =
            (gazetteer.lowest_min_score()).map_or(self.threshold, |l| l.min(self.threshold));
        Ok(Linker {
            floor: lowest - candidates::CONTEXT_BOOST,
            gazetteer,
            normalizer: Normalizer::new(),
            lexicon,
            known,
            options: self.clone(),
            memo: Memo::default(),
        })
    }
}

/// Finds mentions of a gazetteer's entities in text.
///
/// Built once (the gazetteer's names are compiled into a key table), then
/// shared: `link` takes `&self`, and `Linker` is `Send + Sync`.
///
/// ```
/// use canon::{Gazetteer, Linker, Method};
/// let gazetteer = Gazetteer::from_toml("g.toml", r#"
///     [[entity]]
///     id = "panjshir"
///     name = "Panjshir"
///     type = "place"
///     names = { fr = ["Panchir"] }
/// "#).unwrap();
/// let linker = Linker::new(gazetteer).unwrap();
/// let text = "La résistance d'Ahmad Massoud dans le Panchir.";
/// let mentions = linker.link(text);
/// assert_eq!(mentions.len(), 1);
/// assert_eq!(&text[mentions[0].span], "Panchir");
/// assert_eq!(mentions[0].entity.id, "panjshir");
/// assert_eq!(mentions[0].method, Method::Alias);
/// ```
#[derive(Clone, Debug)]
pub struct Linker {
    gazetteer: Gazetteer,
    normalizer: Normalizer,
    lexicon: Lexicon,
    /// The known names compiled into `lexicon`, for its index.
    known: KnownRecord,
    options: LinkerBuilder,
    /// What the approximate tier found for spellings met before.
    memo: Memo,
    /// The least score an approximate match needs to be considered: the
    /// lowest threshold of any entity, less what context words add.
    floor: f64,
}

/// Every candidate `explain` considered, with its fate.
#[derive(Clone, Debug)]
pub struct Explanation<'g> {
    /// The normalized text the candidates were found in.
    pub normalized: String,
    /// Candidates in text order; `decision` is `Ok` for mentions.
    pub candidates: Vec<Explained<'g>>,
}

/// One candidate of an [`Explanation`].
#[derive(Clone, Debug)]
pub struct Explained<'g> {
    /// Where, in bytes of the original text.
    pub span: Span,
    /// The entity it would link to.
    pub entity: &'g Entity,
    /// The listed name that matched.
    pub matched: String,
    /// For a composed match: the place spelling that was substituted.
    pub via: Option<String>,
    /// For a transliteration match: the convention rules that bridged the
    /// text's spelling and the listed one.
    pub rules: Vec<&'static str>,
    /// How it matched.
    pub method: Method,
    /// Its score in [0, 1].
    pub score: f64,
    /// `Ok(())` if it became a mention, else why not.
    pub decision: Result<(), Reason>,
}

impl Linker {
    /// A linker with default options.
    pub fn new(gazetteer: Gazetteer) -> Result<Linker, BuildError> {
        LinkerBuilder::default().build(gazetteer)
    }

    /// A builder to set options.
    pub fn builder() -> LinkerBuilder {
        LinkerBuilder::default()
    }

    /// The gazetteer the linker was built from.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// The mentions of known entities in `text`: sorted by position, never
    /// overlapping, each with a score in [0, 1].
    pub fn link(&self, text: &str) -> Vec<Mention<'_>> {
        let mut mentions: Vec<Mention<'_>> = self
            .analyze(text)
            .mentions()
            .map(|c| Mention {
                span: c.span,
                entity: self.entity(c.entity),
                score: c.score,
                method: c.method,
            })
            .collect();
        mentions.sort_by_key(|m| m.span);
        mentions
    }

    /// Every candidate considered for `text`, kept or dropped, and why.
    pub fn explain(&self, text: &str) -> Explanation<'_> {
        let mut explained: Vec<Explained<'_>> = self
            .analyze(text)
            .candidates
            .into_iter()
            .map(|c| Explained {
                span: c.span,
                entity: self.entity(c.entity),
                matched: self.lexicon.form(c.form).text.to_string(),
                via: c.via.map(|v| self.lexicon.form(v).text.to_string()),
                rules: c.rules,
                method: c.method,
                score: c.score,
                decision: c.dropped.map_or(Ok(()), Err),
            })
            .collect();
        explained.sort_by(|a, b| {
            (a.span.start, b.span.end, a.decision.is_err()).cmp(&(
                b.span.start,
                a.span.end,
                b.decision.is_err(),
            ))
        });
        Explanation {
            normalized: self.normalizer.normalize(text).as_str().to_string(),
            candidates: explained,
        }
    }

    /// The compiled gazetteer.
    pub(crate) fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// The known names compiled into the lexicon.
    pub(crate) fn known(&self) -> &KnownRecord {
        &self.known
    }

    /// The normalizer the linker reads texts and names with.
    pub fn normalizer(&self) -> &Normalizer {
        &self.normalizer
    }

    fn entity(&self, e: u32) -> &Entity {
        self.gazetteer.entity(e)
    }

    /// Names holding a place that the approximate tier found (`The lion of
    /// Panchir` for `Lion of Panjshir`).
    fn composed_around_places(
        &self,
        doc: &Document<'_>,
        resolution: &Resolution,
    ) -> Vec<crate::candidates::Candidate> {
        let approximate = |c: &&crate::candidates::Candidate| {
            matches!(c.method, Method::Transliteration | Method::Fuzzy)
                && self.gazetteer.traits(c.entity).kind == crate::EntityType::Place
        };
        resolution
            .mentions()
            .filter(approximate)
            .flat_map(|c| candidates::composed_around(doc, &self.lexicon, &self.normalizer, c))
            .collect()
    }

    /// Resolves candidates for names around mentions found before: those
    /// that pass replace the mentions inside them.
    fn replace_inside(
        &self,
        mut wider: Vec<crate::candidates::Candidate>,
        rules: &mut GazetteerRules<'_>,
        resolution: &mut Resolution,
    ) {
        wider.iter_mut().for_each(|c| rules.apply(c));
        // Passing spans by start, for the mentions inside them.
        let mut spans: std::collections::BTreeMap<usize, usize> = Default::default();
        for c in
            (wider.iter()).filter(|c| c.dropped.is_none() && c.score >= self.threshold(c.entity))
        {
            let end = spans.entry(c.norm.start).or_default();
            *end = (*end).max(c.norm.end);
        }
        let widest = spans
            .iter()
            .map(|(start, end)| end - start)
            .max()
            .unwrap_or(0);
        if widest > 0 {
            resolution.unkeep(|c| {
                let inside = spans
                    .range(c.norm.start.saturating_sub(widest)..=c.norm.start)
                    .any(|(&start, &end)| c.norm.end <= end && c.norm != Span::new(start, end));
                if inside {
                    c.dropped = Some(Reason::Overlapped);
                }
            });
        }
        resolution.tier(wider, self);
    }

    /// The pipeline: normalize → tokens → exact candidates → resolve →
    /// approximate candidates (skeleton, edit distance) for what is left →
    /// resolve. Returns every candidate and
    /// the indices of those that became mentions.
    fn analyze(&self, text: &str) -> Resolution {
        let norm = self.normalizer.normalize(text);
        let tokens = Tokens::new(norm.as_str());
        let doc = Document::new(text, &norm, &tokens);
        let mut rules = GazetteerRules::new(&doc, &self.lexicon, &self.gazetteer);
        let mut resolution = Resolution::default();
        let mut exact = candidates::exact(&doc, &self.lexicon, &self.gazetteer);
        exact.iter_mut().for_each(|c| rules.apply(c));
        // A nisba is left to the approximate tier, which may find the
        // person's whole name around it.
        for c in exact.iter_mut().filter(|c| c.dropped.is_none()) {
            if candidates::is_nisba(&doc, &self.gazetteer, c) {
                c.dropped = Some(Reason::LongerName);
            }
        }
        resolution.tier(exact, self);
        if self.options.fuzzy {
            let transliteration = self.options.transliteration;
            let mut approximate = candidates::approximate(
                &doc,
                &self.lexicon,
                &self.gazetteer,
                &resolution.taken,
                (&self.memo, self.floor, transliteration),
                &self.normalizer,
            );
            let taken = &resolution.taken;
            if transliteration {
                approximate.extend(candidates::permuted_acronyms(&doc, &self.lexicon, taken));
            }
            approximate.iter_mut().for_each(|c| rules.apply(c));
            resolution.tier(approximate, self);
            // Names around what was found: a name holding a place spelled
            // another way, a translated name holding a place (`Fuerzas
            // Democráticas Sirias`).
            let mut wider = self.composed_around_places(&doc, &resolution);
            if transliteration {
                wider.extend(candidates::cognates(
                    &doc,
                    &self.lexicon,
                    &resolution,
                    &self.memo,
                ));
            }
            self.replace_inside(wider, &mut rules, &mut resolution);
        }
        coreference::resolve_document(&doc, &self.lexicon, &self.gazetteer, &mut resolution);
        // Mentions that their neighbours make something else: the first
        // word of a longer name, a namesake elsewhere (`Moscow, Idaho`), a
        // person's name in a thing named after the person (`Sadr City`).
        let dropped: rustc_hash::FxHashMap<Span, Reason> = resolution
            .mentions()
            .filter_map(|c| {
                let (lexicon, gazetteer) = (&self.lexicon, &self.gazetteer);
                let reason = if candidates::inside_longer_name(
                    &doc,
                    lexicon,
                    gazetteer,
                    &resolution.taken,
                    c,
                ) || candidates::ends_longer_organization_name(
                    &doc,
                    gazetteer,
                    &resolution.taken,
                    c,
                ) {
                    Reason::LongerName
                } else if candidates::qualified_elsewhere(&doc, lexicon, gazetteer, c) {
                    Reason::Elsewhere
                } else if candidates::credits_a_news_agency(&doc, gazetteer, c) {
                    Reason::OtherName
                } else if self.gazetteer.traits(c.entity).kind == crate::EntityType::Person
                    && crate::eponyms::named_after(&doc, c.norm)
                {
                    Reason::NamedAfter
                } else {
                    return None;
                };
                Some((c.norm, reason))
            })
            .collect();
        resolution.unkeep(|c| {
            if let Some(reason) = dropped.get(&c.norm) {
                c.dropped = Some(reason.clone());
            }
        });
        // The document's own references obey the gazetteer's rules too.
        resolution.unkeep(|c| {
            if c.method == Method::Coreference
                || c.rules.contains(&crate::coreference::DEFINED_IN_THE_TEXT)
            {
                rules.apply(c);
            }
        });
        resolution
    }
}

impl Policy for Linker {
    fn threshold(&self, e: u32) -> f64 {
        self.gazetteer
            .traits(e)
            .min_score
            .unwrap_or(self.options.threshold)
    }

    fn personal_name(&self, e: u32) -> bool {
        self.gazetteer.traits(e).personal_name
    }

    fn partial_name(&self, c: &crate::candidates::Candidate) -> bool {
        c.via.is_none() && self.lexicon.form(c.form).kind == crate::lexicon::NameKind::LastNames
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linker_is_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Linker>();
    }
}
