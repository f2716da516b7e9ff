//! Step 5: sentences that must stay unlinked
//! (`tests/data/variants_eval/distractors.toml`).

/// The distractors shipped with the evaluation.
pub const DISTRACTORS_TOML: &str = include_str!("../../tests/data/variants_eval/distractors.toml");

/// What a distractor sentence tests.
pub const KINDS: [&str; 4] = ["look-alike", "namesake", "common-word", "lowercase"];

/// `distractors.toml`.
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    set: Vec<Set>,
}

/// A group of sentences of one language and kind.
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Set {
    lang: String,
    kind: String,
    sentences: Vec<String>,
}

/// One distractor sentence: any mention in it is a false link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Distractor {
    /// Language of the sentence (`en`, `fr`, `de`, `es`, `ru`, `fa`).
    pub lang: String,
    /// One of [`KINDS`].
    pub kind: String,
    /// The sentence.
    pub text: String,
}

/// Parses distractors: `[[set]]` tables of `lang`, `kind` and `sentences`.
pub fn parse(text: &str) -> Result<Vec<Distractor>, String> {
    let file: File = toml::from_str(text).map_err(|e| e.to_string())?;
    let mut out = Vec::new();
    for set in file.set {
        if !KINDS.contains(&set.kind.as_str()) {
            return Err(format!(
                "unknown kind `{}` (one of {})",
                set.kind,
                KINDS.join(", ")
            ));
        }
        for text in set.sentences {
            if text.trim().is_empty() {
                return Err(format!("an empty sentence in a `{}` set", set.lang));
            }
            out.push(Distractor {
                lang: set.lang.clone(),
                kind: set.kind.clone(),
                text,
            });
        }
    }
    Ok(out)
}

/// The shipped distractors.
pub fn shipped() -> Result<Vec<Distractor>, String> {
    parse(DISTRACTORS_TOML)
}
