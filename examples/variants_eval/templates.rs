//! Step 3: putting each variant into a short news sentence of its language
//! (`tests/data/variants_eval/templates.toml`).

use super::data::{self, Variant};
use canon::Span;
use std::collections::BTreeMap;

/// The templates shipped with the evaluation.
pub const TEMPLATES_TOML: &str = include_str!("../../tests/data/variants_eval/templates.toml");

/// The placeholder a template holds once, where the variant goes.
pub const PLACEHOLDER: &str = "{}";

/// `templates.toml`.
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    /// Script → language whose templates a variant of that script uses when
    /// its own language has none.
    default: BTreeMap<String, String>,
    /// Language → its templates.
    lang: BTreeMap<String, Language>,
}

/// The templates of one language, by entity type.
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Language {
    /// The script the language is written in.
    script: String,
    person: Vec<String>,
    place: Vec<String>,
    organization: Vec<String>,
    /// Optional: events fall back to `organization`.
    #[serde(default)]
    event: Vec<String>,
    /// Optional: `other` (given names) falls back to `person`.
    #[serde(default)]
    other: Vec<String>,
}

impl Language {
    fn for_type(&self, kind: &str) -> &[String] {
        match kind {
            "person" => &self.person,
            "place" => &self.place,
            "organization" => &self.organization,
            "event" if !self.event.is_empty() => &self.event,
            "event" => &self.organization,
            _ if !self.other.is_empty() => &self.other,
            _ => &self.person,
        }
    }
}

/// Validated templates.
#[derive(Debug)]
pub struct Templates {
    file: File,
}

/// A variant in its sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// The whole sentence.
    pub text: String,
    /// Where the variant is, in bytes.
    pub span: Span,
    /// The language of the template used.
    pub lang: String,
}

impl Templates {
    /// Parses and checks templates: every language has person, place and
    /// organization templates; each template holds [`PLACEHOLDER`] exactly
    /// once, after some text (so the name is never capitalized by its
    /// position); every default language exists and has the script it
    /// stands for.
    pub fn parse(text: &str) -> Result<Templates, String> {
        let file: File = toml::from_str(text).map_err(|e| e.to_string())?;
        for (code, lang) in &file.lang {
            let groups = [
                ("person", &lang.person),
                ("place", &lang.place),
                ("organization", &lang.organization),
                ("event", &lang.event),
                ("other", &lang.other),
            ];
            for (kind, templates) in groups {
                if templates.is_empty() && ["person", "place", "organization"].contains(&kind) {
                    return Err(format!("[lang.{code}] has no `{kind}` templates"));
                }
                for t in templates {
                    let ok = t.matches(PLACEHOLDER).count() == 1
                        && !t
                            .split(PLACEHOLDER)
                            .next()
                            .unwrap_or_default()
                            .trim()
                            .is_empty();
                    if !ok {
                        return Err(format!(
                            "[lang.{code}] {kind}: `{t}` must hold `{PLACEHOLDER}` once, \
                             after the start of the sentence"
                        ));
                    }
                }
            }
        }
        for (script, code) in &file.default {
            match file.lang.get(code) {
                Some(lang) if &lang.script == script => {}
                Some(lang) => {
                    return Err(format!(
                        "[default] {script} = \"{code}\", but `{code}` is written in {}",
                        lang.script
                    ))
                }
                None => return Err(format!("[default] {script} = \"{code}\": no [lang.{code}]")),
            }
        }
        if !file.default.contains_key("Latn") {
            return Err("[default] needs a language for `Latn`".to_owned());
        }
        Ok(Templates { file })
    }

    /// The shipped templates.
    pub fn shipped() -> Result<Templates, String> {
        Templates::parse(TEMPLATES_TOML)
    }

    /// Every template text, with its language, type and index, for checks.
    pub fn all(&self) -> impl Iterator<Item = (&str, &str, &str)> {
        self.file.lang.iter().flat_map(|(code, lang)| {
            [
                ("person", &lang.person),
                ("place", &lang.place),
                ("organization", &lang.organization),
                ("event", &lang.event),
                ("other", &lang.other),
            ]
            .into_iter()
            .flat_map(move |(kind, ts)| ts.iter().map(move |t| (code.as_str(), kind, t.as_str())))
        })
    }

    /// The language whose templates a variant uses: its own primary language
    /// when there are templates for it in the variant's script; English for
    /// romanizations (`fa-Latn`) and `und`; otherwise the default language
    /// of the variant's script (`ckb` in Arabic script → `ar`), or English.
    pub fn language_for(&self, variant: &Variant) -> &str {
        let latin_default = self.file.default["Latn"].as_str();
        let primary = data::primary_language(&variant.lang);
        if variant.script == "Latn" && (data::is_romanization(&variant.lang) || primary == "und") {
            return latin_default;
        }
        if let Some((code, lang)) = self.file.lang.get_key_value(primary.as_str()) {
            if lang.script == variant.script {
                return code;
            }
        }
        self.file
            .default
            .get(&variant.script)
            .map_or(latin_default, String::as_str)
    }

    /// The variant in a sentence of its language and type. Among several
    /// templates, the choice is a stable hash of the spelling, so every run
    /// builds the same sentences.
    pub fn sentence(&self, variant: &Variant) -> Sentence {
        let code = self.language_for(variant);
        let templates = self.file.lang[code].for_type(&variant.kind);
        let pick = (fnv1a(variant.spelling.as_bytes()) % templates.len() as u64) as usize;
        let (before, after) = templates[pick]
            .split_once(PLACEHOLDER)
            .expect("checked by Templates::parse");
        let start = before.len();
        Sentence {
            text: format!("{before}{}{after}", variant.spelling),
            span: Span::new(start, start + variant.spelling.len()),
            lang: code.to_owned(),
        }
    }
}

/// 64-bit FNV-1a: a fixed, documented hash, unlike `std`'s, whose algorithm
/// may change between Rust releases.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}
