//! The index of the fuzzy pass: which names may lie within the edits
//! [`fuzzy::similarity`] allows of a query, found without comparing the
//! query with every name of the gazetteer.
//!
//! Two words within `d` edits (insertions, deletions, substitutions,
//! transpositions of neighbours) share a string obtained by deleting at most
//! `d` letters from each (a deletion neighbourhood, as in SymSpell). A word
//! needs no more deletions than the edits [`fuzzy::allowed_edits`] grants its
//! own length ([`neighbourhood`]). Every
//! distinct word of the names is indexed under the hashes of its deletion
//! neighbourhood; a query looks up the neighbourhood of each of its words,
//! and of the word whose close words hold the fewest names, takes the names
//! holding one at the same position, of the same initials and length, and
//! letters close enough. [`fuzzy::similarity`] then decides.
//! Hand-written: the crates that do this (symspell) bring their own
//! dictionaries and distance, not canon's per-word limits.

use crate::flat::Flat;
use crate::fuzzy;
use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHasher};
use std::hash::Hasher;
use std::sync::Arc;

/// What the index checks of a name before the similarity does: the bucket
/// (initials and length) and the letters ([`fuzzy::letter_set`]).
#[derive(Clone, Copy, Debug, Default, bytemuck::Pod, bytemuck::Zeroable)]
#[repr(C)]
struct Profile {
    letters: u128,
    initials: u64,
    length: u64,
}

impl Profile {
    fn of(name: &str) -> Profile {
        let mut hasher = FxHasher::default();
        let mut length = 0;
        for word in name.split(' ') {
            hasher.write_u32(word.chars().next().map_or(0, |c| c as u32));
            length += word.chars().count() + 1;
        }
        Profile {
            initials: hasher.finish(),
            length: length.saturating_sub(1) as u64,
            letters: fuzzy::letter_set(name),
        }
    }
}

/// Names by the deletion neighbourhoods of their words.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub(crate) struct FuzzyIndex {
    /// Each name's profile, by identifier (names not indexed have the
    /// default one, and no postings).
    profiles: Flat<Profile>,
    /// The deletion variants, by the leading `bits` bits of their hash
    /// (the directory), then by the last 16 bits (their suffix), then by
    /// word: the suffix of each.
    suffixes: Flat<u16>,
    /// The word of each variant of `suffixes`.
    words: Flat<u32>,
    /// Where the variants whose hash starts with each `bits` bits start in
    /// `suffixes`; one more than the directory's size. A lookup is one
    /// directory read and a search in a short run, not a
    /// binary search over millions of cache lines.
    directory: Flat<u32>,
    /// How many leading bits of a hash the directory is by: about one
    /// entry per variant, at most [`MAX_DIRECTORY_BITS`].
    bits: u32,
    /// Where each word's names start in `postings`; one more than words.
    offsets: Flat<u32>,
    /// (name, position of the word in it), grouped by word.
    postings: Flat<Posting>,
}

/// The deletion variants of a set of words, sorted as [`FuzzyIndex`]
/// keeps them. A variant is known by thirty-two bits of the hash of its
/// string: the directory's bits (16 at a million names) and a 16-bit suffix
/// stored beside its word. At a million names, about one hash looked up in
/// sixty also finds an unrelated word, whose names the profile or
/// [`fuzzy::similarity`] then rejects; 64 bits would double the index.
struct Variants {
    suffixes: Vec<u16>,
    words: Vec<u32>,
    /// Where the variants of each prefix of the directory's bits start;
    /// one more than the prefixes.
    directory: Vec<u32>,
}

/// The indexed words that may be within the allowed edits of a word
/// ([`FuzzyIndex::close`]).
#[derive(Debug)]
pub(crate) struct Close {
    /// The words, each once.
    words: Vec<u32>,
    /// How many names hold them, counted once per word: counted when a
    /// query of several words needs it, one read of the index per word.
    names: std::sync::OnceLock<usize>,
}

impl Close {
    /// How many words.
    pub(crate) fn len(&self) -> usize {
        self.words.len()
    }
}

/// A name holding a word, the word's position in it, and what a lookup
/// checks of the name first ([`Class`]), in the bytes a `u32` and a
/// position leave over.
#[derive(Clone, Copy, Debug, bytemuck::Pod, bytemuck::Zeroable)]
#[repr(C)]
struct Posting {
    name: u32,
    position: u8,
    /// The name's [`Class`], but its position.
    words: u8,
    initials: u8,
    length: u8,
}

impl Posting {
    /// The word at `position` of name `name`, of class `class`.
    fn new(name: u32, position: usize, class: Class) -> Posting {
        Posting {
            name,
            position: position.min(MAX_WORDS) as u8,
            words: class.words,
            initials: class.initials,
            length: class.length,
        }
    }

    /// What a word's postings are sorted by, the name aside: position, words,
    /// initials, length, in one number.
    fn rank(&self) -> u32 {
        u32::from_be_bytes([self.position, self.words, self.initials, self.length])
    }
}

/// What a lookup requires of a name before reading its profile, in a byte
/// each (saturated, or a byte of the hash): as many words as the query, the
/// same initials, a length within [`fuzzy::LENGTH_SLACK`]. A word's
/// postings are sorted by position and class, so the names of a query's
/// class at a position are one run of them, found by two binary searches:
/// a word of a million names (`national`) is held by thousands.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Class {
    words: u8,
    initials: u8,
    length: u8,
}

impl Class {
    fn of(name: &str, profile: &Profile) -> Class {
        Class {
            words: name.split(' ').count().min(usize::from(u8::MAX)) as u8,
            initials: (profile.initials >> 56) as u8,
            length: profile.length.min(u64::from(u8::MAX)) as u8,
        }
    }

    /// The ranks ([`Posting::rank`]) of the names of a query of this class
    /// whose word at `position` is a close word: every name whose profile
    /// may fit the query's, and few others. Saturated bytes keep it so: a
    /// length is within the slack only if its saturated byte is within the
    /// range of saturated bytes.
    fn ranks(&self, position: usize) -> std::ops::RangeInclusive<u32> {
        let slack = fuzzy::LENGTH_SLACK.min(usize::from(u8::MAX)) as u8;
        let rank = |length: u8| {
            let position = position.min(MAX_WORDS) as u8;
            u32::from_be_bytes([position, self.words, self.initials, length])
        };
        rank(self.length.saturating_sub(slack))..=rank(self.length.saturating_add(slack))
    }
}

/// Most bits of a variant's hash that the directory of the variants is by.
const MAX_DIRECTORY_BITS: u32 = 16;

/// Most letters of an indexed word. A word's neighbourhood grows with the
/// square of its length: a name of a thousand letters in one word (hostile
/// or garbled input) would cost a hundred thousand hashes, and no name's word
/// is that long. Longer words are not looked up fuzzily.
const MAX_WORD_LETTERS: usize = 40;

/// Most words of a name indexed: positions fit in a byte.
const MAX_WORDS: usize = u8::MAX as usize;

impl FuzzyIndex {
    /// The index of `names`, each a normalized name and its identifier.
    pub(crate) fn new<'n>(names: impl IntoIterator<Item = (u32, &'n str)>) -> FuzzyIndex {
        let mut words: FxHashMap<&str, u32> = FxHashMap::default();
        let mut by_word: Vec<Vec<Posting>> = Vec::new();
        // The distinct words, by identifier.
        let mut distinct: Vec<&str> = Vec::new();
        let mut profiles: Vec<Profile> = Vec::new();
        for (name, text) in names {
            if profiles.len() <= name as usize {
                profiles.resize(name as usize + 1, Profile::default());
            }
            let profile = Profile::of(text);
            profiles[name as usize] = profile;
            let class = Class::of(text, &profile);
            for (position, word) in text.split(' ').enumerate().take(MAX_WORDS) {
                if word.chars().count() > MAX_WORD_LETTERS {
                    continue;
                }
                let next = words.len() as u32;
                let w = *words.entry(word).or_insert(next);
                if w == next {
                    by_word.push(Vec::new());
                    distinct.push(word);
                }
                by_word[w as usize].push(Posting::new(name, position, class));
            }
        }
        // The postings are made flat, and what they were gathered in freed,
        // before the variants take the most memory of the build.
        drop(words);
        let mut offsets = Vec::with_capacity(by_word.len() + 1);
        let mut postings = Vec::with_capacity(by_word.iter().map(Vec::len).sum());
        offsets.push(0);
        for mut list in by_word {
            list.sort_unstable_by_key(|p| (p.rank(), p.name));
            postings.extend(list);
            offsets.push(postings.len() as u32);
        }
        let (bits, variants) = variants(&distinct);
        FuzzyIndex {
            profiles: profiles.into(),
            suffixes: variants.suffixes.into(),
            words: variants.words.into(),
            directory: variants.directory.into(),
            bits,
            offsets: offsets.into(),
            postings: postings.into(),
        }
    }

    /// The names that may be within the allowed edits of normalized
    /// `query`: a word at the same position within the edits of its longest
    /// word, the same initials, a length within [`fuzzy::LENGTH_SLACK`],
    /// letters that differ by no more than the edits allow. Each once, in
    /// no particular order; a superset of those [`fuzzy::similarity`]
    /// accepts. `close` gives each word's [`FuzzyIndex::close`], which the
    /// caller may remember.
    pub(crate) fn candidates(&self, query: &str, close: impl Fn(&str) -> Arc<Close>) -> Vec<u32> {
        let profile = Profile::of(query);
        let most = fuzzy::most_differing_letters(query);
        let profiles = &*self.profiles;
        let fits = |name: u32| {
            let p = &profiles[name as usize];
            p.initials == profile.initials
                && p.length.abs_diff(profile.length) <= fuzzy::LENGTH_SLACK as u64
                && (p.letters ^ profile.letters).count_ones() <= most
        };
        // The word of the query whose close words hold the fewest names.
        let names_of = |close: &Close| {
            *close.names.get_or_init(|| {
                let words = close.words.iter();
                words.map(|&w| self.postings_of(w).len()).sum()
            })
        };
        let words: Vec<Arc<Close>> = query.split(' ').take(MAX_WORDS).map(close).collect();
        let fewest = match words.len() {
            1 => Some(0),
            _ => (0..words.len()).min_by_key(|&i| names_of(&words[i])),
        };
        let Some(position) = fewest else {
            return Vec::new();
        };
        let ranks = Class::of(query, &profile).ranks(position);
        // In passes of reads independent of one another, which the
        // processor overlaps: the close words' postings lie anywhere in
        // the index, and each read of them was a cache miss waited for.
        let lists: Vec<&[Posting]> = (words[position].words.iter())
            .map(|&w| self.postings_of(w))
            .collect();
        let runs = lists.iter().map(|postings| {
            let start = postings.partition_point(|p| p.rank() < *ranks.start());
            let end = postings.partition_point(|p| p.rank() <= *ranks.end());
            postings.get(start..end).unwrap_or_default()
        });
        let mut names: Vec<u32> = runs.flatten().map(|p| p.name).collect();
        names.retain(|&name| fits(name));
        names.sort_unstable();
        names.dedup();
        names
    }

    /// The indexed words that may be within the allowed edits of `word`,
    /// and at most `edits`: every word that is.
    pub(crate) fn close(&self, word: &str, edits: usize) -> Close {
        Close {
            words: self.close_words(word, edits),
            names: std::sync::OnceLock::new(),
        }
    }

    /// The indexed words that may be within the allowed edits of `word`,
    /// and at most `edits`.
    fn close_words(&self, word: &str, edits: usize) -> Vec<u32> {
        let mut words: Vec<u32> = Vec::new();
        if word.chars().count() > MAX_WORD_LETTERS + fuzzy::LENGTH_SLACK {
            return words; // no indexed word is within the edits
        }
        let (suffixes, directory) = (&*self.suffixes, &*self.directory);
        for hash in neighbourhood(word, edits) {
            let p = prefix(hash, self.bits);
            let (start, end) = (directory[p] as usize, directory[p + 1] as usize);
            let run = &suffixes[start..end];
            let from = first_at_least(run, suffix(hash));
            let found = run[from..].iter().take_while(|&&s| s == suffix(hash));
            words.extend(&self.words[start + from..][..found.count()]);
        }
        words.sort_unstable();
        words.dedup();
        words
    }

    /// The names holding word `w`, with its position in each.
    fn postings_of(&self, w: u32) -> &[Posting] {
        let (start, end) = (self.offsets[w as usize], self.offsets[w as usize + 1]);
        &self.postings[start as usize..end as usize]
    }

    /// Whether the index is whole (every offset within what it points
    /// into, each word's postings sorted by rank) and its names are below
    /// `names`: what lookups rely on.
    pub(crate) fn is_consistent(&self, names: usize) -> bool {
        let ascending = |values: &[u32], end: usize| {
            values.windows(2).all(|w| w[0] <= w[1]) && values.last() == Some(&(end as u32))
        };
        let words = self.offsets.len().saturating_sub(1);
        self.bits <= MAX_DIRECTORY_BITS
            && self.directory.len() == (1 << self.bits) + 1
            && self.suffixes.len() == self.words.len()
            && ascending(&self.directory, self.words.len())
            && self.words.iter().all(|&w| (w as usize) < words)
            && ascending(&self.offsets, self.postings.len())
            && self.profiles.len() <= names
            && self
                .postings
                .iter()
                .all(|p| (p.name as usize) < self.profiles.len())
            && self.offsets.windows(2).all(|w| {
                let postings = &self.postings[w[0] as usize..w[1] as usize];
                postings.windows(2).all(|p| p[0].rank() <= p[1].rank())
            })
    }
}

/// The deletion variants of `words` (each identified by its position),
/// sorted, with the number of bits of the directory: about one entry per
/// variant, at most [`MAX_DIRECTORY_BITS`]. Variants are counted by prefix,
/// placed in their run, and each run is sorted on its own: tens of millions
/// of them take no more memory than they need, and no sort of them all.
fn variants(words: &[&str]) -> (u32, Variants) {
    let prefixes = 1 << MAX_DIRECTORY_BITS;
    let counts = words
        .par_iter()
        .with_min_len(1 << 12)
        .fold(
            || vec![0u32; prefixes],
            |mut counts, word| {
                for hash in neighbourhood(word, usize::MAX) {
                    counts[prefix(hash, MAX_DIRECTORY_BITS)] += 1;
                }
                counts
            },
        )
        .reduce_with(|mut a, b| {
            a.iter_mut().zip(b).for_each(|(a, b)| *a += b);
            a
        })
        .unwrap_or_else(|| vec![0; prefixes]);
    let mut runs = Vec::with_capacity(prefixes + 1);
    runs.push(0u32);
    for count in counts {
        runs.push(runs[runs.len() - 1] + count);
    }
    let total = runs[prefixes] as usize;
    let (mut suffixes, mut placed) = (vec![0u16; total], vec![0u32; total]);
    let mut next = runs.clone();
    for (w, word) in (0u32..).zip(words) {
        for hash in neighbourhood(word, usize::MAX) {
            let at = &mut next[prefix(hash, MAX_DIRECTORY_BITS)];
            suffixes[*at as usize] = suffix(hash);
            placed[*at as usize] = w;
            *at += 1;
        }
    }
    let bits = (usize::BITS - total.leading_zeros()).min(MAX_DIRECTORY_BITS);
    // Where each prefix of `bits` bits starts: where its first run does.
    let directory: Vec<u32> = (0..=1usize << bits)
        .map(|p| runs[p << (MAX_DIRECTORY_BITS - bits)])
        .collect();
    let (mut rest_suffixes, mut rest_words) = (suffixes.as_mut_slice(), placed.as_mut_slice());
    let mut groups = Vec::with_capacity(directory.len());
    for run in directory.windows(2) {
        let length = (run[1] - run[0]) as usize;
        let (group_suffixes, tail_suffixes) = rest_suffixes.split_at_mut(length);
        let (group_words, tail_words) = rest_words.split_at_mut(length);
        groups.push((group_suffixes, group_words));
        (rest_suffixes, rest_words) = (tail_suffixes, tail_words);
    }
    groups.par_iter_mut().for_each(|(suffixes, words)| {
        let mut sorted: Vec<u64> = (suffixes.iter().zip(words.iter()))
            .map(|(&s, &w)| (u64::from(s) << 32) | u64::from(w))
            .collect();
        sorted.sort_unstable();
        for ((s, w), variant) in suffixes.iter_mut().zip(words.iter_mut()).zip(sorted) {
            (*s, *w) = ((variant >> 32) as u16, variant as u32);
        }
    });
    let variants = Variants {
        suffixes,
        words: placed,
        directory,
    };
    (bits, variants)
}

/// The last 16 bits of `hash`, which a variant keeps beside its word.
fn suffix(hash: u32) -> u16 {
    hash as u16
}

/// Where the first suffix of `run` (sorted) at least `target` is: as
/// `partition_point`, but starting where a uniform suffix would be, since a
/// binary search of a run of a thousand variants was a chain of cache
/// misses and most of the fuzzy pass's time at a million names. The guess
/// is usually within a few variants; the search gallops from it.
fn first_at_least(run: &[u16], target: u16) -> usize {
    let guess = (usize::from(target) * run.len()) >> 16;
    let below = |i: usize| run[i] < target;
    // The answer is in `lo..=hi`.
    let (mut lo, mut hi) = (0, run.len());
    let mut step = 1;
    if guess < run.len() && below(guess) {
        lo = guess + 1;
        while let Some(probe) = guess.checked_add(step).filter(|&p| p < run.len()) {
            if !below(probe) {
                hi = probe;
                break;
            }
            lo = probe + 1;
            step *= 2;
        }
    } else {
        hi = guess;
        while let Some(probe) = guess.checked_sub(step) {
            if below(probe) {
                lo = probe + 1;
                break;
            }
            hi = probe;
            step *= 2;
        }
    }
    lo + run[lo..hi].partition_point(|&s| s < target)
}

/// The leading `bits` bits of `hash`.
fn prefix(hash: u32, bits: u32) -> usize {
    hash.checked_shr(32 - bits).unwrap_or(0) as usize
}

/// The hashes of every string made by deleting at most as many letters
/// from `word` as [`fuzzy::allowed_edits`] grants a word of its length,
/// and at most `edits`.
///
/// That is enough on both sides. Two words of `a` and `b` letters (`a` the
/// longer) within the `k` edits allowed at `a` letters share the string
/// left by deleting from each its substituted letters, one letter of each
/// transposed pair, and the letters the other lacks: at most `k` from the
/// longer, which `k` is granted; at most `k - (a - b)` from the shorter,
/// no more than what `b` letters are granted, since the allowance grows by
/// at most one edit a letter. Deleting as many letters as a word two
/// letters longer is granted (what this did before) made four times the
/// variants of a word of seven or eight letters for no more matches.
fn neighbourhood(word: &str, edits: usize) -> Vec<u32> {
    let letters: Vec<char> = word.chars().collect();
    let deletions = fuzzy::allowed_edits(letters.len()).min(edits);
    let mut out = Vec::new();
    delete(&letters, deletions, FxHasher::default(), 0, &mut out);
    out.sort_unstable();
    out.dedup();
    out
}

/// Pushes the hash of every string made of the `kept` letters already
/// hashed by `hasher`, then `letters` less at most `deletions` of them:
/// each letter is hashed once for all the strings that keep it.
fn delete(letters: &[char], deletions: usize, hasher: FxHasher, kept: usize, out: &mut Vec<u32>) {
    let Some((&first, rest)) = letters.split_first() else {
        let mut hasher = hasher;
        hasher.write_usize(kept);
        out.push((hasher.finish() >> 32) as u32);
        return;
    };
    let mut keeping = hasher.clone();
    keeping.write_u32(first as u32);
    delete(rest, deletions, keeping, kept + 1, out);
    if deletions > 0 {
        delete(rest, deletions - 1, hasher, kept, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_names_within_the_edits_at_the_same_position() {
        let names = [
            "ahmad shah massoud",
            "ahmad massoud",
            "kabul",
            "panjshir",
            "masson",
        ];
        let index = FuzzyIndex::new((0u32..).zip(names));
        let close = |w: &str| Arc::new(index.close(w, usize::MAX));
        // `masud` is two edits from `massoud`, more than seven letters allow.
        assert!(index.candidates("ahmed shah masud", close).is_empty());
        let mut found = index.candidates("ahmed shah masoud", close);
        found.sort_unstable();
        assert!(found.contains(&0), "{found:?}");
        assert!(index.candidates("pansjhir", close).contains(&3));
        assert!(!index.candidates("zzzzzz", close).contains(&2));
    }

    /// Whether a name of profile `name` may be within the edits of a query
    /// of profile `query` as far as [`Class`] tells: the same initials and
    /// number of words, a length within the slack.
    fn may_fit(name: &str, query: &str) -> bool {
        let (n, q) = (Profile::of(name), Profile::of(query));
        n.initials == q.initials
            && n.length.abs_diff(q.length) <= fuzzy::LENGTH_SLACK as u64
            && name.split(' ').count() == query.split(' ').count()
    }

    /// Whether the posting of `name`'s word at `at` is in the run a
    /// lookup of `query` at `position` reads.
    fn in_run((name, at): (&str, usize), query: &str, position: usize) -> bool {
        let class = |text: &str| Class::of(text, &Profile::of(text));
        let posting = Posting::new(0, at, class(name));
        class(query).ranks(position).contains(&posting.rank())
    }

    #[test]
    fn saturated_lengths_stay_in_the_run() {
        for n in 250..262 {
            for q in n - 2..=n + 2 {
                let (name, query) = ("a".repeat(n), "a".repeat(q));
                assert!(in_run((&name, 0), &query, 0), "{n} letters for {q}");
            }
        }
        assert!(!in_run((&"a".repeat(200), 0), &"a".repeat(203), 0));
        assert!(!in_run(("kabul", 0), "kabul", 1), "another position");
    }

    /// `word` with `edits` applied in turn, each (kind, where, letter): a
    /// substitution, an insertion, a deletion or a transposition of
    /// neighbours, at `where` modulo the length.
    fn edited(word: &str, edits: &[(u8, usize, char)]) -> String {
        let mut letters: Vec<char> = word.chars().collect();
        for &(kind, at, letter) in edits {
            let at = at % (letters.len() + 1);
            match kind % 4 {
                0 if at < letters.len() => letters[at] = letter,
                1 => letters.insert(at, letter),
                2 if at < letters.len() && letters.len() > 1 => drop(letters.remove(at)),
                3 if at + 1 < letters.len() => letters.swap(at, at + 1),
                _ => {}
            }
        }
        letters.into_iter().collect()
    }

    #[test]
    fn the_allowance_grows_by_at_most_one_edit_a_letter() {
        // What a neighbourhood of the word's own allowance relies on.
        for n in 0..MAX_WORD_LETTERS + fuzzy::LENGTH_SLACK {
            assert!(
                fuzzy::allowed_edits(n + 1) <= fuzzy::allowed_edits(n) + 1,
                "{n}"
            );
        }
    }

    proptest::proptest! {
        /// The close words of a query word are every indexed word within
        /// the edits allowed at the longer's length (and at most the edits
        /// asked for), as a scan of them all
        /// finds, whatever the lengths: words near the query (a few edits
        /// of it) and others.
        #[test]
        fn close_words_are_every_word_within_the_edits(
            query in "[a-cé]{1,44}",
            near in proptest::collection::vec(
                proptest::collection::vec((0u8..4, 0usize..64, proptest::char::range('a', 'd')), 0..4),
                0..12,
            ),
            others in proptest::collection::vec("[a-cé]{1,44}", 0..4),
            edits in proptest::prop_oneof![0..3usize, proptest::strategy::Just(usize::MAX)],
        ) {
            let mut vocabulary: Vec<String> = near.iter().map(|e| edited(&query, e)).collect();
            vocabulary.extend(others);
            let index = FuzzyIndex::new((0u32..).zip(vocabulary.iter().map(String::as_str)));
            // The words by identifier, as the index numbers them.
            let mut words: Vec<&str> = Vec::new();
            for word in &vocabulary {
                if word.chars().count() <= MAX_WORD_LETTERS && !words.contains(&word.as_str()) {
                    words.push(word);
                }
            }
            let within = |word: &str| {
                let longest = query.chars().count().max(word.chars().count());
                strsim::osa_distance(&query, word) <= fuzzy::allowed_edits(longest).min(edits)
            };
            let mut found: Vec<&str> = (index.close(&query, edits).words.iter())
                .map(|&w| words[w as usize])
                .filter(|word| within(word))
                .collect();
            found.sort_unstable();
            let mut scanned: Vec<&str> = words.iter().copied().filter(|word| within(word)).collect();
            scanned.sort_unstable();
            proptest::prop_assert_eq!(found, scanned);
        }

        /// A lookup's run of postings holds every name whose profile may
        /// fit the query's.
        #[test]
        fn the_run_holds_every_fitting_name(
            name in "[a-cé]{1,12}( [a-c]{1,12}){0,2}",
            query in "[a-cé]{1,12}( [a-c]{1,12}){0,2}",
            position in 0usize..3,
        ) {
            if may_fit(&name, &query) {
                proptest::prop_assert!(in_run((&name, position), &query, position));
            }
        }

        /// The search from a guess finds what a binary search does.
        #[test]
        fn first_at_least_is_a_partition_point(
            mut run in proptest::collection::vec(proptest::num::u16::ANY, 0..200),
            target: u16,
        ) {
            run.sort_unstable();
            proptest::prop_assert_eq!(
                first_at_least(&run, target),
                run.partition_point(|&s| s < target)
            );
        }

        /// Every name the similarity accepts is among the candidates, its
        /// words looked up within the edits the query may need.
        #[test]
        fn candidates_hold_every_similar_name(
            names in proptest::collection::vec("[a-dé]{1,10}( [a-d]{1,10}){0,2}", 1..8),
            query in "[a-dé]{1,10}( [a-d]{1,10}){0,2}",
        ) {
            let index = FuzzyIndex::new((0u32..).zip(names.iter().map(String::as_str)));
            let edits = fuzzy::most_edits(&query);
            let found = index.candidates(&query, |w| Arc::new(index.close(w, edits)));
            for (k, name) in names.iter().enumerate() {
                if fuzzy::similarity(&query, name).is_some() {
                    proptest::prop_assert!(found.contains(&(k as u32)), "{query} ~ {name}");
                }
            }
        }
    }
}
