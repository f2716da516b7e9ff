//! Step 1: reading and validating `variants.tsv`.

use canon::is_language_tag;
use std::collections::HashMap;

/// The header line of `variants.tsv`, column by column.
pub const COLUMNS: [&str; 7] = [
    "entity_key",
    "type",
    "canonical_en",
    "variant",
    "lang",
    "script",
    "source",
];

/// Entity types of the file, as the gazetteer spells them.
pub const TYPES: [&str; 5] = ["person", "place", "organization", "event", "other"];

/// One row of `variants.tsv`: a spelling of an entity as seen in a source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Variant {
    /// 1-based line of the row in the file.
    pub line: usize,
    /// `entity_key`: the entity's id.
    pub entity: String,
    /// `type`: one of [`TYPES`].
    pub kind: String,
    /// `canonical_en`: the usual English name, the same on every row of an entity.
    pub canonical: String,
    /// `variant`: the spelling, exactly as seen.
    pub spelling: String,
    /// `lang`: BCP 47 tag of the text the spelling was found in (`fr`, `fa-Latn`, `und`).
    pub lang: String,
    /// `script`: ISO 15924 code of the spelling (`Latn`, `Cyrl`, `Arab`, `Grek`).
    pub script: String,
    /// `source`: where the spelling was seen.
    pub source: String,
}

impl Variant {
    /// Whether the spelling is in a script other than Latin.
    pub fn is_native(&self) -> bool {
        self.script != "Latn"
    }
}

/// An entity of the file: its id, type and canonical English name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntityRow {
    /// `entity_key`.
    pub id: String,
    /// `type`.
    pub kind: String,
    /// `canonical_en`.
    pub canonical: String,
}

/// The whole file: its rows, and its entities in order of first appearance.
#[derive(Clone, Debug, Default)]
pub struct Variants {
    /// Every data row, in file order.
    pub rows: Vec<Variant>,
    /// Every entity, in order of first appearance.
    pub entities: Vec<EntityRow>,
}

/// A line of `variants.tsv` that cannot be used.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct TsvError {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong with it.
    pub message: String,
}

fn fail(line: usize, message: impl Into<String>) -> TsvError {
    TsvError {
        line,
        message: message.into(),
    }
}

/// Parses `variants.tsv`: a header line equal to [`COLUMNS`], then rows of
/// exactly 7 tab-separated fields. Every row of an entity must agree on its
/// type and canonical name. The first bad line is reported with its number.
pub fn parse(text: &str) -> Result<Variants, TsvError> {
    let mut lines = text.lines().enumerate().map(|(i, l)| (i + 1, l));
    let (_, header) = lines
        .next()
        .ok_or_else(|| fail(1, "empty file: no header line"))?;
    let header: Vec<&str> = header.trim_start_matches('\u{feff}').split('\t').collect();
    if header != COLUMNS {
        return Err(fail(
            1,
            format!(
                "header is `{}`, expected the columns `{}`",
                header.join("\\t"),
                COLUMNS.join("\\t")
            ),
        ));
    }
    let mut out = Variants::default();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (line, raw) in lines {
        let row = parse_row(line, raw.strip_suffix('\r').unwrap_or(raw))?;
        match seen.get(&row.entity) {
            Some(&i) => {
                let first = &out.entities[i];
                if first.kind != row.kind || first.canonical != row.canonical {
                    return Err(fail(
                        line,
                        format!(
                            "entity `{}` is `{}` ({}) here but `{}` ({}) on earlier rows",
                            row.entity, row.canonical, row.kind, first.canonical, first.kind
                        ),
                    ));
                }
            }
            None => {
                seen.insert(row.entity.clone(), out.entities.len());
                out.entities.push(EntityRow {
                    id: row.entity.clone(),
                    kind: row.kind.clone(),
                    canonical: row.canonical.clone(),
                });
            }
        }
        out.rows.push(row);
    }
    if out.rows.is_empty() {
        return Err(fail(2, "no data rows after the header"));
    }
    Ok(out)
}

/// Parses and checks one data row.
fn parse_row(line: usize, raw: &str) -> Result<Variant, TsvError> {
    let fields: Vec<&str> = raw.split('\t').collect();
    let [entity, kind, canonical, spelling, lang, script, source] = fields[..] else {
        return Err(fail(
            line,
            format!("{} tab-separated fields, expected 7", fields.len()),
        ));
    };
    for (column, value) in COLUMNS.iter().zip(&fields) {
        if value.trim().is_empty() {
            return Err(fail(line, format!("empty `{column}`")));
        }
    }
    let id_char = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || "-_:.".contains(c);
    if !entity.chars().all(id_char) {
        return Err(fail(
            line,
            format!("entity_key `{entity}` may hold only a-z, 0-9, `-`, `_`, `:` and `.`"),
        ));
    }
    if !TYPES.contains(&kind) {
        return Err(fail(
            line,
            format!(
                "unknown type `{kind}`, expected one of {}",
                TYPES.join(", ")
            ),
        ));
    }
    if !is_language_tag(lang) {
        return Err(fail(
            line,
            format!("lang `{lang}` is not a BCP 47 tag such as `fr` or `fa-Latn`"),
        ));
    }
    if !is_script_code(script) {
        return Err(fail(
            line,
            format!("script `{script}` is not an ISO 15924 code such as `Latn` or `Cyrl`"),
        ));
    }
    Ok(Variant {
        line,
        entity: entity.to_owned(),
        kind: kind.to_owned(),
        canonical: canonical.to_owned(),
        spelling: spelling.to_owned(),
        lang: lang.to_owned(),
        script: script.to_owned(),
        source: source.to_owned(),
    })
}

/// Four ASCII letters, the first a capital (`Latn`, `Cyrl`).
fn is_script_code(code: &str) -> bool {
    code.len() == 4
        && code.starts_with(|c: char| c.is_ascii_uppercase())
        && code[1..].bytes().all(|b| b.is_ascii_lowercase())
}

/// The primary language subtag, lower-cased (`fa-Latn` → `fa`).
pub fn primary_language(tag: &str) -> String {
    tag.split('-')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase()
}

/// Whether the tag marks a romanization (`fa-Latn`, `ar-Latn`).
pub fn is_romanization(tag: &str) -> bool {
    tag.split('-')
        .skip(1)
        .any(|s| s.eq_ignore_ascii_case("Latn"))
}
