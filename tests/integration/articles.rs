//! Wire-style articles we wrote on fifty-eight news stories, each in English,
//! French, German and Spanish (some in Russian too), with a lean gazetteer
//! of English names only and traps that must stay unlinked: namesakes,
//! look-alikes, places inside longer names (`tests/data/articles/*/`,
//! mentions marked `[surface]{entity}`).
//!
//! Scored as `score.py` scores: a mention overlapping an expected one of the
//! same entity is a hit, any other mention an extra link. Each story keeps
//! its hits and extra links from getting worse; the figures are today's,
//! and a change that trades one for the other updates them knowingly.

use crate::util::{data, parse_markup};
use canon::{Gazetteer, Linker};

/// Story, fewest hits, most extra links, over all its languages.
const FLOORS: &[(&str, usize, usize)] = &[
    ("afghanistan-resistance", 238, 8),
    ("algeria-france", 292, 3),
    ("armenia-azerbaijan", 300, 6),
    ("azerbaijan-russia", 282, 13),
    ("baltic-cables", 168, 3),
    ("belarus-border", 255, 11),
    ("belgium-frozen-assets", 268, 6),
    ("bosnia-dodik", 242, 15),
    ("brazil-bolsonaro-verdict", 242, 11),
    ("cameroon-election", 232, 9),
    ("catalonia-amnesty", 182, 13),
    ("central-asia", 293, 6),
    ("chad-masra", 222, 5),
    ("colombia-sanctions", 222, 11),
    ("drc-m23", 231, 1),
    ("duterte-icc", 182, 13),
    ("ethiopia-somalia", 279, 9),
    ("gaza-ceasefire", 251, 11),
    ("gaza-summit", 273, 8),
    ("georgia-protests", 247, 11),
    ("greenland-denmark", 212, 4),
    ("haiti-gangs", 224, 8),
    ("iran-nuclear", 260, 5),
    ("iran-snapback", 246, 2),
    ("iraq-kurdistan", 264, 13),
    ("ivory-coast-election", 242, 4),
    ("kashmir-india-pakistan", 215, 7),
    ("korean-peninsula", 229, 6),
    ("kyrgyz-tajik-border", 219, 8),
    ("lake-chad", 271, 10),
    ("lebanon-israel", 232, 5),
    ("libya-maghreb", 299, 7),
    ("madagascar-takeover", 216, 9),
    ("mexico-cartels", 256, 38),
    ("moldova-romania-georgia", 273, 5),
    ("mozambique-cabo-delgado", 241, 19),
    ("myanmar-bangladesh", 274, 8),
    ("nepal-uprising", 230, 13),
    ("nile-dam", 239, 5),
    ("north-caucasus", 237, 10),
    ("pakistan", 235, 13),
    ("pkk-disarmament", 272, 1),
    ("poland-romania-elections", 274, 9),
    ("sahel-juntas", 258, 13),
    ("serbia-kosovo", 327, 8),
    ("serbia-protests", 213, 6),
    ("south-china-sea", 222, 10),
    ("sudan-war", 292, 14),
    ("syria-transition", 278, 13),
    ("taiwan-strait", 232, 13),
    ("tigray-split", 272, 14),
    ("turkey-greece-cyprus", 293, 6),
    ("ukraine-istanbul-talks", 285, 18),
    ("ukraine-zaporizhzhia", 251, 10),
    ("venezuela-colombia", 304, 6),
    ("venezuela-guyana", 294, 11),
    ("west-africa", 294, 9),
    ("yemen-red-sea", 208, 6),
];

/// Hits, expected mentions and extra links of one story.
fn score(story: &str) -> (usize, usize, usize, Vec<String>) {
    let dir = data(&format!("articles/{story}"));
    let gazetteer = Gazetteer::load(&[dir.join("lean.toml")]).expect("lean gazetteer");
    let linker = Linker::new(gazetteer).expect("linker");
    let (mut hits, mut expected, mut extra, mut errors) = (0, 0, 0, Vec::new());
    for lang in ["en", "fr", "de", "es", "ru"] {
        let Ok(marked) = std::fs::read_to_string(dir.join(format!("{lang}.md"))) else {
            continue;
        };
        let (text, gold) = parse_markup(&marked);
        let mentions = linker.link(&text);
        let overlaps = |(start, end, id): &(usize, usize, String), m: &canon::Mention<'_>| {
            m.entity.id == *id && m.span.start < *end && *start < m.span.end
        };
        expected += gold.len();
        for g in &gold {
            match mentions.iter().any(|m| overlaps(g, m)) {
                true => hits += 1,
                false => errors.push(format!("{lang} missed `{}` {}", &text[g.0..g.1], g.2)),
            }
        }
        for m in mentions
            .iter()
            .filter(|m| !gold.iter().any(|g| overlaps(g, m)))
        {
            extra += 1;
            errors.push(format!(
                "{lang} extra `{}` → {}",
                &text[m.span], m.entity.id
            ));
        }
    }
    (hits, expected, extra, errors)
}

#[test]
fn articles_keep_their_hits_and_extra_links() {
    let stories: Vec<String> = std::fs::read_dir(data("articles"))
        .expect("articles")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(stories.len(), FLOORS.len(), "a floor for every story");
    let mut failures = Vec::new();
    for &(story, fewest_hits, most_extra) in FLOORS {
        let (hits, expected, extra, errors) = score(story);
        eprintln!("{story}: {hits} of {expected} hits, {extra} extra links");
        if hits < fewest_hits || extra > most_extra {
            failures.push(format!(
                "{story}: {hits} hits (at least {fewest_hits}), {extra} extra links (at most \
                 {most_extra})\n  {}",
                errors.join("\n  ")
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
