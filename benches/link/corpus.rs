//! A seeded generator of gazetteers and articles for benchmarks at scale.
//!
//! Names are built from syllables, so they look like names to the tokenizer
//! and the fuzzy pass without being real ones; every entity gets a few
//! spellings (aliases, names by language, an acronym for organizations), and
//! articles mention them among filler words with ordinary punctuation.

/// xorshift64*: small, seeded, reproducible.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }

    pub fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33) as usize % n
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const SYLLABLES: &[&str] = &[
    "ka", "bul", "man", "zar", "shir", "pan", "dor", "hel", "mas", "sud", "ta", "li", "rah", "mir",
    "qan", "dah", "ruz", "gan", "no", "vik", "sel", "en", "ko", "lo", "tra", "vel",
];

const FILLER: &[&str] = &[
    "the",
    "said",
    "on",
    "Monday",
    "officials",
    "in",
    "talks",
    "with",
    "after",
    "a",
    "new",
    "report",
    "that",
    "forces",
    "were",
    "near",
    "and",
    "according",
    "to",
    "sources",
    "of",
];

fn name(rng: &mut Rng) -> String {
    let words = 1 + rng.below(3);
    (0..words)
        .map(|_| {
            let syllables = 2 + rng.below(2);
            let w: String = (0..syllables).map(|_| rng.pick(SYLLABLES)).collect();
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A gazetteer of `n` entities (TOML) and the canonical names it lists.
pub fn gazetteer(n: usize, seed: u64) -> (String, Vec<String>) {
    let mut rng = Rng::new(seed);
    let mut toml = String::new();
    let mut names = Vec::with_capacity(n);
    for i in 0..n {
        let name = name(&mut rng);
        let kind = ["person", "place", "organization"][i % 3];
        toml.push_str(&format!(
            "[[entity]]\nid = \"e{i}\"\nname = \"{name}\"\ntype = \"{kind}\"\n\
             aliases = [\"{name}s\"]\nnames = {{ fr = [\"{}\"] }}\n",
            name.replace("sh", "ch"),
        ));
        if kind == "organization" {
            let acronym: String = name.split(' ').filter_map(|w| w.chars().next()).collect();
            if acronym.len() >= 2 {
                toml.push_str(&format!("acronyms = [\"{acronym}X{i}\"]\n"));
            }
        }
        names.push(name);
    }
    (toml, names)
}

/// An article of about `bytes` bytes mentioning `names`.
pub fn article(names: &[String], bytes: usize, seed: u64) -> String {
    let mut rng = Rng::new(seed);
    let mut text = String::with_capacity(bytes + 64);
    while text.len() < bytes {
        for _ in 0..8 {
            text.push_str(rng.pick(FILLER));
            text.push(' ');
        }
        text.push_str(&names[rng.below(names.len())]);
        text.push_str(if rng.below(4) == 0 { ".\n" } else { ", " });
    }
    text
}
