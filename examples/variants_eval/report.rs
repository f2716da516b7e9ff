//! Step 6: the figures, as a plain-text table or JSON.

use super::data::Variant;
use super::gazetteer::Mode;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// What became of one unlisted variant in its sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// A mention overlapping the variant links one of its entities.
    Found,
    /// Mentions overlap the variant, but none links one of its entities.
    WrongEntity,
    /// No mention overlaps the variant.
    Missed,
}

/// Counts of variants by outcome, and the recall they give.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize)]
pub struct Tally {
    /// Variants the gazetteer lists for their entity: not part of the
    /// recall, but linked all the same, as a check of exact matching.
    pub listed: usize,
    /// Listed variants linked to their entity.
    pub listed_found: usize,
    /// Unlisted variants evaluated.
    pub variants: usize,
    /// Linked to the right entity.
    pub found: usize,
    /// Linked to another entity.
    pub wrong_entity: usize,
    /// Not linked.
    pub missed: usize,
    /// `found / variants` (0 when there are none).
    pub recall: f64,
}

impl Tally {
    /// Counts one listed variant.
    pub fn add_listed(&mut self, outcome: Outcome) {
        self.listed += 1;
        self.listed_found += usize::from(outcome == Outcome::Found);
    }

    /// Counts one unlisted variant.
    pub fn add(&mut self, outcome: Outcome) {
        self.variants += 1;
        match outcome {
            Outcome::Found => self.found += 1,
            Outcome::WrongEntity => self.wrong_entity += 1,
            Outcome::Missed => self.missed += 1,
        }
        self.recall = ratio(self.found, self.variants);
    }
}

/// False links on the distractor sentences of one language or kind.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize)]
pub struct DistractorTally {
    /// Distractor sentences.
    pub sentences: usize,
    /// Mentions found in them: every one is a false link.
    pub false_links: usize,
    /// Sentences with at least one false link.
    pub sentences_linked: usize,
    /// `false_links / sentences`.
    pub rate: f64,
}

impl DistractorTally {
    /// Counts one sentence and its `links` mentions.
    pub fn add(&mut self, links: usize) {
        self.sentences += 1;
        self.false_links += links;
        self.sentences_linked += usize::from(links > 0);
        self.rate = ratio(self.false_links, self.sentences);
    }
}

/// The distractor part of the report.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize)]
pub struct Distractors {
    /// All sentences together.
    pub total: DistractorTally,
    /// By language of the sentence.
    pub by_lang: BTreeMap<String, DistractorTally>,
    /// By kind (look-alike, namesake, common-word, lowercase).
    pub by_kind: BTreeMap<String, DistractorTally>,
}

impl Distractors {
    /// Counts one sentence of language `lang` and kind `kind` holding
    /// `links` mentions.
    pub fn count(&mut self, lang: &str, kind: &str, links: usize) {
        for tally in [
            &mut self.total,
            self.by_lang.entry(lang.to_owned()).or_default(),
            self.by_kind.entry(kind.to_owned()).or_default(),
        ] {
            tally.add(links);
        }
    }
}

/// A mention as the report shows it.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Linked {
    /// The text of the mention.
    pub text: String,
    /// The entity it was linked to.
    pub entity: String,
    /// How canon resolved it.
    pub method: String,
    /// Its score.
    pub score: f64,
}

/// A variant that was not linked to its entity.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Miss {
    /// `missed` or `wrong-entity`; `listed-missed` or `listed-wrong-entity`
    /// when the gazetteer lists the spelling (a failure of exact matching).
    pub outcome: &'static str,
    /// The spelling.
    pub variant: String,
    /// Its entity.
    pub entity: String,
    /// Its `lang` and `script`.
    pub lang: String,
    /// ISO 15924 script code.
    pub script: String,
    /// Its line in `variants.tsv`.
    pub line: usize,
    /// The sentence it was put in.
    pub sentence: String,
    /// Mentions overlapping the variant (empty when missed).
    pub linked: Vec<Linked>,
}

/// A mention where there should be none.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct FalseLink {
    /// `distractor`, or `variant-sentence` for a mention outside the
    /// variant in its template sentence.
    pub context: &'static str,
    /// Language of the sentence.
    pub lang: String,
    /// The distractor's kind, or the variant's entity.
    pub about: String,
    /// The sentence.
    pub sentence: String,
    /// The mention.
    pub linked: Linked,
}

/// Everything one run measures.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Report {
    /// Which gazetteer was used.
    pub gazetteer: Mode,
    /// Entities in the gazetteer (every entity of the file).
    pub entities: usize,
    /// Where the names completing the gazetteer's come from, if any
    /// ([`canon::KnownNames`]).
    pub known_names: Option<String>,
    /// Whether the linker looked for spellings by their press conventions
    /// too, or by edit distance alone (`--no-transliteration`).
    pub transliteration: bool,
    /// Names it lists, canonical names included.
    pub names: usize,
    /// Rows of `variants.tsv`.
    pub rows: usize,
    /// All variants: `listed` ones apart, `variants` the unlisted ones the
    /// recall is about.
    pub overall: Tally,
    /// Found variants whose mention does not cover exactly the variant.
    pub found_partial: usize,
    /// Found variants by the method of their mention.
    pub found_by_method: BTreeMap<String, usize>,
    /// By `script` of the variant.
    pub by_script: BTreeMap<String, Tally>,
    /// By `lang` of the variant.
    pub by_lang: BTreeMap<String, Tally>,
    /// By entity type.
    pub by_type: BTreeMap<String, Tally>,
    /// Mentions outside the variant in variant sentences (listed or not).
    pub variant_sentence_false_links: usize,
    /// False links on the distractor sentences.
    pub distractors: Distractors,
    /// Problems with the templates: a template holding a name the gazetteer
    /// lists (its mentions count as false links in variant sentences).
    pub warnings: Vec<String>,
    /// Every miss and wrong entity, in file order.
    pub misses: Vec<Miss>,
    /// Every false link: distractors first, then variant sentences.
    pub false_links: Vec<FalseLink>,
}

/// `a / b`, or 0 when `b` is 0.
pub fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

impl Report {
    /// An empty report on a gazetteer of `entities` entities and `names`
    /// names, built from `rows` rows.
    pub fn new(gazetteer: Mode, entities: usize, names: usize, rows: usize) -> Report {
        Report {
            gazetteer,
            entities,
            known_names: None,
            transliteration: true,
            names,
            rows,
            overall: Tally::default(),
            found_partial: 0,
            found_by_method: BTreeMap::new(),
            by_script: BTreeMap::new(),
            by_lang: BTreeMap::new(),
            by_type: BTreeMap::new(),
            variant_sentence_false_links: 0,
            distractors: Distractors::default(),
            warnings: Vec::new(),
            misses: Vec::new(),
            false_links: Vec::new(),
        }
    }

    /// Counts the outcome of one variant overall and by script, language
    /// and type; `listed` variants apart from the recall.
    pub fn count(&mut self, variant: &Variant, listed: bool, outcome: Outcome) {
        for tally in [
            &mut self.overall,
            self.by_script.entry(variant.script.clone()).or_default(),
            self.by_lang.entry(variant.lang.clone()).or_default(),
            self.by_type.entry(variant.kind.clone()).or_default(),
        ] {
            if listed {
                tally.add_listed(outcome);
            } else {
                tally.add(outcome);
            }
        }
    }

    /// Keeps only the first `n` misses and false links (for output).
    pub fn truncate_errors(&mut self, n: usize) {
        self.misses.truncate(n);
        self.false_links.truncate(n);
    }

    /// The report as a plain-text table; with `errors > 0`, the first
    /// `errors` misses and false links follow.
    pub fn to_text(&self, errors: usize) -> String {
        let mut out = String::new();
        let o = &mut out;
        let what = match self.gazetteer {
            Mode::Lean => "canonical English name only",
            Mode::Native => "canonical English name + non-Latin spellings (--native)",
        };
        let _ = writeln!(
            o,
            "gazetteer: {} ({what}): {} entities, {} names",
            self.gazetteer.as_str(),
            self.entities,
            self.names
        );
        let known = self.known_names.as_deref().unwrap_or("none");
        let _ = writeln!(o, "known names: {known}");
        if !self.transliteration {
            let _ = writeln!(o, "transliteration: off (edit distance alone)");
        }
        let t = &self.overall;
        let _ = writeln!(
            o,
            "variants.tsv: {} rows; {} unlisted variants evaluated; {} listed by the gazetteer \
             (not in the recall; {} of them found, as a check of exact matching)",
            self.rows, t.variants, t.listed, t.listed_found
        );
        let _ = writeln!(o);
        let _ = writeln!(
            o,
            "recall on unlisted variants: {:.3} ({} of {}); wrong entity: {}; missed: {}",
            t.recall, t.found, t.variants, t.wrong_entity, t.missed
        );
        let methods: Vec<String> = self
            .found_by_method
            .iter()
            .map(|(m, n)| format!("{m} {n}"))
            .collect();
        let _ = writeln!(
            o,
            "found by method: {}; partial span: {}",
            if methods.is_empty() {
                "-".to_owned()
            } else {
                methods.join(", ")
            },
            self.found_partial
        );
        let _ = writeln!(
            o,
            "false links in variant sentences (outside the variant): {}",
            self.variant_sentence_false_links
        );
        tally_table(o, "script", &self.by_script);
        tally_table(o, "lang", &self.by_lang);
        tally_table(o, "type", &self.by_type);
        let d = &self.distractors;
        let _ = writeln!(o);
        let _ = writeln!(
            o,
            "distractors: {} sentences, {} false links (rate {:.3}), {} sentences with a link",
            d.total.sentences, d.total.false_links, d.total.rate, d.total.sentences_linked
        );
        distractor_table(o, "lang", &d.by_lang);
        distractor_table(o, "kind", &d.by_kind);
        if errors > 0 {
            self.errors_text(o, errors);
        }
        out
    }

    fn errors_text(&self, o: &mut String, n: usize) {
        let _ = writeln!(o);
        let t = &self.overall;
        let _ = writeln!(
            o,
            "first {} misses (of {}):",
            n.min(self.misses.len()),
            t.missed + t.wrong_entity + t.listed - t.listed_found
        );
        for m in self.misses.iter().take(n) {
            let linked = if m.linked.is_empty() {
                "nothing".to_owned()
            } else {
                m.linked
                    .iter()
                    .map(linked_text)
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let _ = writeln!(
                o,
                "  {:<12} {:<28} {} [{} {}] line {}: linked {linked}\n  {:<12} in: {}",
                m.outcome, m.entity, m.variant, m.lang, m.script, m.line, "", m.sentence
            );
        }
        let _ = writeln!(o);
        let total = self.distractors.total.false_links + self.variant_sentence_false_links;
        let _ = writeln!(
            o,
            "first {} false links (of {total}):",
            n.min(self.false_links.len())
        );
        for f in self.false_links.iter().take(n) {
            let _ = writeln!(
                o,
                "  {:<16} [{} {}] {}\n  {:<16} in: {}",
                f.context,
                f.lang,
                f.about,
                linked_text(&f.linked),
                "",
                f.sentence
            );
        }
    }
}

fn linked_text(l: &Linked) -> String {
    format!("`{}` → {} ({} {:.2})", l.text, l.entity, l.method, l.score)
}

/// A table of tallies, largest first.
fn tally_table(o: &mut String, key: &str, rows: &BTreeMap<String, Tally>) {
    let _ = writeln!(o);
    let _ = writeln!(
        o,
        "{key:<12} {:>8} {:>6} {:>6} {:>7} {:>7}   {:>6} {:>6}",
        "variants", "found", "wrong", "missed", "recall", "listed", "found"
    );
    let mut sorted: Vec<_> = rows.iter().collect();
    sorted.sort_by(|a, b| {
        (b.1.variants + b.1.listed)
            .cmp(&(a.1.variants + a.1.listed))
            .then(a.0.cmp(b.0))
    });
    for (name, t) in sorted {
        let _ = writeln!(
            o,
            "{name:<12} {:>8} {:>6} {:>6} {:>7} {:>7.3}   {:>6} {:>6}",
            t.variants, t.found, t.wrong_entity, t.missed, t.recall, t.listed, t.listed_found
        );
    }
}

/// A table of distractor tallies, by name.
fn distractor_table(o: &mut String, key: &str, rows: &BTreeMap<String, DistractorTally>) {
    let _ = writeln!(o);
    let _ = writeln!(
        o,
        "{key:<12} {:>9} {:>11} {:>7} {:>6}",
        "sentences", "false links", "linked", "rate"
    );
    for (name, t) in rows {
        let _ = writeln!(
            o,
            "{name:<12} {:>9} {:>11} {:>7} {:>6.3}",
            t.sentences, t.false_links, t.sentences_linked, t.rate
        );
    }
}
