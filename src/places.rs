//! The world's towns and cities, by name (GeoNames, `data/world-places.tsv`).
//!
//! A gazetteer lists the places its curator cares about; the world has
//! others that are spelled alike (`Khust` in Ukraine and `Chust` in
//! Uzbekistan read as `Khost` in Afghanistan). A place's own name is never
//! taken as an approximate spelling of a listed place
//! ([`crate::candidates::Reason::OtherPlace`]), unless one of the place's
//! names is the gazetteer's (the gazetteer's `Mazar-i-Sharif` is GeoNames'
//! `Mazār-e Sharīf`).

use std::sync::OnceLock;

/// One place: its own name and its other names in Latin letters,
/// normalized.
struct Place {
    own: &'static str,
    others: Box<[&'static str]>,
}

/// `data/world-places.tsv`.
pub(crate) const DATA: &str = include_str!("../data/world-places.tsv");

/// The places of `data/world-places.tsv`, read once per process. The file
/// holds them normalized already (`scripts/world-places.py`): normalizing
/// three hundred thousand names took a tenth of a second at every start.
fn places() -> &'static [Place] {
    static PLACES: OnceLock<Vec<Place>> = OnceLock::new();
    PLACES.get_or_init(|| {
        let lines = DATA.lines();
        lines
            .filter(|line| !line.starts_with('#'))
            .filter_map(|line| {
                let mut names = line.split('\t');
                let own = names.next().filter(|own| !own.is_empty())?;
                Some(Place {
                    own,
                    others: names.collect(),
                })
            })
            .collect()
    })
}

/// The own names of the world's places that are none of the gazetteer's
/// places, given `listed`, the gazetteer's places that a normalized name
/// names.
///
/// A place is the gazetteer's when its own name is listed, or another of
/// its names is, for a place no other place claims by its own name:
/// GeoNames gives Ukrainian Khust the French name `Khoust`, which a
/// gazetteer may list for Khost, but Khost is GeoNames' `Khōst`.
pub(crate) fn elsewhere(listed: impl Fn(&str) -> Vec<u32>) -> impl Iterator<Item = &'static str> {
    // What each place's own name names, looked up once.
    let own: Vec<Vec<u32>> = places().iter().map(|p| listed(p.own)).collect();
    let claimed: rustc_hash::FxHashSet<u32> = own.iter().flatten().copied().collect();
    places().iter().zip(own).filter_map(move |(p, own)| {
        let mut named = p.others.iter().flat_map(|n| listed(n));
        let ours = !own.is_empty() || named.any(|e| !claimed.contains(&e));
        (!ours).then_some(p.own)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_place_listed_under_any_of_its_names_is_not_elsewhere() {
        // Entity 0 is listed as Khost and Khoust, entity 1 as Mazar-i-Sharif.
        let places = |k: &str| match k {
            "khost" | "khoust" => vec![0],
            "mazar-i-sharif" => vec![1],
            _ => vec![],
        };
        let elsewhere: Vec<&str> = elsewhere(places).collect();
        // Khōst is listed as Khost, Mazār-e Sharīf as Mazar-i-Sharif.
        assert!(!elsewhere.contains(&"khost"));
        assert!(!elsewhere.contains(&"mazar-e sharif"));
        // Khust (Ukraine) and Chust (Uzbekistan) are other towns.
        assert!(elsewhere.contains(&"khust"));
        assert!(elsewhere.contains(&"chust"));
    }

    #[test]
    fn every_line_is_a_place() {
        let lines = DATA.lines().filter(|l| !l.starts_with('#')).count();
        assert_eq!(places().len(), lines);
        assert!(places().len() > 30_000);
    }

    /// Canon normalizes differently than when the file was written: run
    /// `scripts/world-places.py` again.
    #[test]
    fn every_name_is_stored_normalized() {
        let normalizer = crate::Normalizer::new();
        for place in places() {
            for &name in std::iter::once(&place.own).chain(&place.others) {
                assert_eq!(normalizer.key(name), name);
            }
        }
    }
}
