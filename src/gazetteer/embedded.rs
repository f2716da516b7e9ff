//! The default gazetteer, compiled into the library so `canon link` works
//! from any directory. A test checks that every file of `gazetteer/` is
//! listed here.

use super::Gazetteer;

/// `(path, TOML)` of every file of the repository's `gazetteer/` folder, in
/// sorted order.
pub(crate) const SOURCES: &[(&str, &str)] = &[
    (
        "gazetteer/capitals.toml",
        include_str!("../../gazetteer/capitals.toml"),
    ),
    (
        "gazetteer/cities.toml",
        include_str!("../../gazetteer/cities.toml"),
    ),
    (
        "gazetteer/countries.toml",
        include_str!("../../gazetteer/countries.toml"),
    ),
    (
        "gazetteer/events.toml",
        include_str!("../../gazetteer/events.toml"),
    ),
    (
        "gazetteer/geography.toml",
        include_str!("../../gazetteer/geography.toml"),
    ),
    (
        "gazetteer/organizations.toml",
        include_str!("../../gazetteer/organizations.toml"),
    ),
    (
        "gazetteer/people.toml",
        include_str!("../../gazetteer/people.toml"),
    ),
    (
        "gazetteer/places.toml",
        include_str!("../../gazetteer/places.toml"),
    ),
];

impl Gazetteer {
    /// The default gazetteer embedded in canon (the repository's
    /// `gazetteer/` folder), read once per process: linking with it reads
    /// it twice, as the gazetteer and as its known names.
    ///
    /// ```
    /// let g = canon::Gazetteer::embedded();
    /// assert_eq!(g.get("panjshir").unwrap().name, "Panjshir");
    /// ```
    pub fn embedded() -> Gazetteer {
        static READ: std::sync::OnceLock<Gazetteer> = std::sync::OnceLock::new();
        let read = READ.get_or_init(|| {
            Gazetteer::from_sources(SOURCES.iter().copied()).expect(
                "the embedded gazetteer is valid: checked by `embedded_is_complete_and_valid`",
            )
        });
        read.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_is_complete_and_valid() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/gazetteer");
        let mut on_disk: Vec<String> = std::fs::read_dir(dir)
            .expect("gazetteer/ exists")
            .map(|e| {
                e.expect("readable")
                    .file_name()
                    .to_string_lossy()
                    .into_owned()
            })
            .filter(|n| n.ends_with(".toml"))
            .map(|n| format!("gazetteer/{n}"))
            .collect();
        on_disk.sort();
        let listed: Vec<&str> = SOURCES.iter().map(|s| s.0).collect();
        assert_eq!(
            listed, on_disk,
            "list every gazetteer/*.toml in SOURCES, sorted"
        );
        assert!(Gazetteer::from_sources(SOURCES.iter().copied()).is_ok());
    }
}
