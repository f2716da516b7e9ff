//! What the approximate tier found for a spelling, remembered across
//! documents.
//!
//! News repeats itself: the same names, and the same capitalized ordinary
//! words opening sentences, come back in document after document. Looking
//! one up by skeleton and edit distance is the dearest step of linking, and
//! its result depends only on the spelling, its script and the lexicon,
//! which a [`Linker`](crate::Linker) never changes. Each thread keeps its
//! own table (no locks between the documents linked in parallel), bounded in
//! size (spellings, and keys found over them): when the newest generation
//! is full it becomes the old one, so the spellings still met survive and
//! the rest are forgotten.

use std::cell::RefCell;
use std::sync::Arc;

use rustc_hash::FxHashMap;
use thread_local::ThreadLocal;
use xxhash_rust::xxh3::xxh3_128_with_seed;

use crate::fuzzy_index::Close;
use crate::mention::Method;
use crate::skeleton::Source;

/// The keys found for one spelling: key, score, method and the rules that
/// bridged the spellings.
pub(crate) type Found = Vec<(u32, f64, Method, Vec<&'static str>)>;

/// How a spelling is looked up: the 128-bit hash of its normalized text,
/// seeded with whether its original is written in a script without short
/// vowels and with the script that changes how the Latin reads. The hash
/// stands for the spelling: two spellings share one with odds (about one
/// in 10^38 a pair) far below a memory error's, and a table of hashes
/// keeps no strings to allocate, or to read back when it is searched.
type Query = u128;

/// The [`Query`] of normalized `text`.
fn query(text: &str, abjad: bool, source: Source) -> Query {
    let seed = u64::from((source as u8) << 1 | u8::from(abjad));
    xxh3_128_with_seed(text.as_bytes(), seed)
}

/// Spellings one generation holds before it is retired.
const GENERATION: usize = 1 << 15;

/// Keys found, over all its spellings, that one generation holds before it
/// is retired: with a million names, one spelling may find hundreds.
const GENERATION_KEYS: usize = 1 << 19;

/// Words whose close words ([`Close`]) one thread remembers.
const WORDS: usize = 1 << 14;

/// Close words, over all words, one thread remembers.
const CLOSE_WORDS: usize = 1 << 20;

/// Words whose cognate parts one thread remembers.
const PARTS: usize = 1 << 15;

/// Per-thread tables of what the approximate lookups found, and of what
/// they compute for every span holding a word: its close words (the fuzzy
/// lookup) and its cognate parts.
#[derive(Clone, Debug, Default)]
pub(crate) struct Memo {
    threads: PerThread<Generations>,
    words: PerThread<Recent<Close>>,
    parts: PerThread<Recent<Option<String>>>,
}

/// Words whose persons by surname one thread remembers.
const SURNAMES: usize = 1 << 15;

/// Per-thread tables of the persons each word is the surname of
/// ([`Lexicon::persons_named`](crate::lexicon::Lexicon::persons_named)):
/// every document looks up its capitalized words, and news names the same
/// persons again and again.
#[derive(Clone, Debug, Default)]
pub(crate) struct SurnameMemo(PerThread<Recent<[u32]>>);

impl SurnameMemo {
    /// What `persons` finds for normalized `word`, from this thread's table
    /// when it was looked up before.
    pub(crate) fn get_or(&self, word: &str, persons: impl FnOnce() -> Vec<u32>) -> Arc<[u32]> {
        let mut table = self.0.get();
        let limits = (SURNAMES, usize::MAX);
        table.get_or(word, limits, || (persons().into(), 0))
    }
}

/// One value per thread, made on the thread's first use. A copy (of a
/// linker) starts with none: what its threads met is not copied.
struct PerThread<T: Send>(ThreadLocal<RefCell<T>>);

impl<T: Send + Default> PerThread<T> {
    /// This thread's value.
    fn get(&self) -> std::cell::RefMut<'_, T> {
        self.0.get_or_default().borrow_mut()
    }
}

impl<T: Send> Default for PerThread<T> {
    fn default() -> Self {
        PerThread(ThreadLocal::new())
    }
}

impl<T: Send> Clone for PerThread<T> {
    fn clone(&self) -> Self {
        PerThread::default()
    }
}

impl<T: Send> std::fmt::Debug for PerThread<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PerThread")
    }
}

/// One thread's table of values it may compute again, by word (its
/// [`Query`] in Latin script), forgotten all at once when it holds too many
/// (entries, or the weight of their values).
struct Recent<V: ?Sized> {
    map: FxHashMap<Query, Arc<V>>,
    weight: usize,
}

impl<V: ?Sized> Default for Recent<V> {
    fn default() -> Self {
        Recent {
            map: FxHashMap::default(),
            weight: 0,
        }
    }
}

impl<V: ?Sized> Recent<V> {
    /// The value of `word`, remembered or made by `make` (with its weight);
    /// at most `entries` entries and `most` weight.
    fn get_or(
        &mut self,
        word: &str,
        limits: (usize, usize),
        make: impl FnOnce() -> (Arc<V>, usize),
    ) -> Arc<V> {
        self.read_or(word, limits, make, Arc::clone)
    }

    /// What `read` makes of the value of `word`, remembered or made by
    /// `make`, as [`Recent::get_or`], without sharing the value: no
    /// reference count goes up and down.
    fn read_or<R>(
        &mut self,
        word: &str,
        (entries, most): (usize, usize),
        make: impl FnOnce() -> (Arc<V>, usize),
        read: impl FnOnce(&Arc<V>) -> R,
    ) -> R {
        let key = query(word, false, Source::Latin);
        if let Some(value) = self.map.get(&key) {
            return read(value);
        }
        let (value, weight) = make();
        if self.map.len() >= entries || self.weight + weight > most {
            self.map.clear();
            self.weight = 0;
        }
        self.weight += weight;
        let read = read(&value);
        self.map.insert(key, value);
        read
    }
}

/// One thread's table: the spellings looked up lately and before that.
#[derive(Default)]
struct Generations {
    new: FxHashMap<Query, Found>,
    old: FxHashMap<Query, Found>,
    /// Keys found over the spellings of the new generation.
    keys: usize,
}

impl Memo {
    /// What `read` makes of what `look_up` finds for normalized `text`
    /// (whose original is in a script without short vowels if `abjad`,
    /// read from `source`), from this thread's table when it was looked up
    /// before.
    pub(crate) fn read<R>(
        &self,
        text: &str,
        abjad: bool,
        source: Source,
        look_up: impl FnOnce() -> Found,
        read: impl FnOnce(&Found) -> R,
    ) -> R {
        let key = query(text, abjad, source);
        let mut table = self.threads.get();
        match table.read(key, read) {
            Ok(out) => out,
            Err(read) => {
                drop(table);
                let found = look_up();
                read(self.threads.get().keep(key, found))
            }
        }
    }

    /// What `read` makes of the cognate parts `parts` gives normalized
    /// `word`, from this thread's table when it was read before.
    pub(crate) fn cognate_parts<R>(
        &self,
        word: &str,
        parts: impl FnOnce() -> Option<String>,
        read: impl FnOnce(Option<&str>) -> R,
    ) -> R {
        let mut table = self.parts.get();
        let limits = (PARTS, usize::MAX);
        table.read_or(
            word,
            limits,
            || (Arc::new(parts()), 0),
            |parts| read(parts.as_deref()),
        )
    }

    /// What `close` finds for normalized `word`, from this thread's table
    /// when it was looked up before.
    pub(crate) fn close_words(&self, word: &str, close: impl FnOnce() -> Close) -> Arc<Close> {
        let limits = (WORDS, CLOSE_WORDS);
        let mut table = self.words.get();
        table.get_or(word, limits, || {
            let found = close();
            let weight = found.len();
            (Arc::new(found), weight)
        })
    }
}

impl Generations {
    /// What `read` makes of the remembered result for `key`, kept in the
    /// new generation; `read` back if none is (one lookup when the new
    /// generation has it).
    fn read<R, F: FnOnce(&Found) -> R>(&mut self, key: Query, read: F) -> Result<R, F> {
        if let Some(found) = self.new.get(&key) {
            return Ok(read(found));
        }
        match self.old.remove_entry(&key) {
            Some((key, found)) => Ok(read(self.keep(key, found))),
            None => Err(read),
        }
    }

    /// Keeps `found` for `key` in the new generation, which becomes the old
    /// one first if full. The table of the generation retired is cleared
    /// and kept for the next: growing a table from nothing again would ask
    /// the system for fresh pages, which it zeroes, generation after
    /// generation.
    fn keep(&mut self, key: Query, found: Found) -> &Found {
        if self.new.len() >= GENERATION || self.keys >= GENERATION_KEYS {
            std::mem::swap(&mut self.old, &mut self.new);
            self.new.clear();
            self.keys = 0;
        }
        self.keys += found.len();
        self.new.entry(key).or_insert(found)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_spelling_is_looked_up_once_per_thread() {
        let memo = Memo::default();
        let calls = std::cell::Cell::new(0);
        let look_up = || {
            calls.set(calls.get() + 1);
            vec![(7, 0.9, Method::Fuzzy, vec!["rule"])]
        };
        let first = memo.read("kaboul", false, Source::Latin, look_up, Found::clone);
        let again = memo.read("kaboul", false, Source::Latin, look_up, Found::clone);
        assert_eq!(calls.get(), 1);
        assert_eq!(first, again);
        memo.read("kaboul", true, Source::Latin, look_up, Found::clone);
        assert_eq!(calls.get(), 2, "another script is another lookup");
    }

    #[test]
    fn a_full_table_forgets_everything() {
        let mut recent: Recent<u32> = Recent::default();
        let calls = std::cell::Cell::new(0);
        let make = |v| {
            calls.set(calls.get() + 1);
            (Arc::new(v), 1)
        };
        assert_eq!(*recent.get_or("1", (2, 10), || make(10)), 10);
        assert_eq!(*recent.get_or("1", (2, 10), || make(11)), 10);
        recent.get_or("2", (2, 10), || make(20));
        recent.get_or("3", (2, 10), || make(30));
        assert_eq!(calls.get(), 3);
        assert_eq!(recent.map.len(), 1, "full at two entries");
        assert_eq!(*recent.get_or("1", (2, 10), || make(12)), 12);
    }

    #[test]
    fn a_full_generation_keeps_what_is_still_met() {
        let mut generations = Generations::default();
        let key = |i: usize| -> Query { i as Query };
        generations.keep(key(0), Vec::new());
        for i in 1..GENERATION {
            generations.keep(key(i), Vec::new());
        }
        generations.keep(key(GENERATION), Vec::new());
        assert_eq!(generations.new.len(), 1);
        assert!(generations.read(key(0), |_| ()).is_ok(), "old generation");
        assert!(
            generations.new.contains_key(&key(0)),
            "moved to the new one"
        );
        assert!(generations.read(key(GENERATION + 1), |_| ()).is_err());
        for i in 0..GENERATION {
            generations.keep(key(GENERATION + 2 + i), Vec::new());
        }
        assert!(
            generations.new.capacity() >= GENERATION,
            "from the second generation on, the retired one's table is kept for the new one"
        );
    }

    #[test]
    fn a_generation_is_also_bounded_by_the_keys_it_holds() {
        let mut generations = Generations::default();
        let key = |i: usize| -> Query { i as Query };
        let many = vec![(0, 0.9, Method::Fuzzy, Vec::new()); GENERATION_KEYS];
        generations.keep(key(0), many.clone());
        generations.keep(key(1), many);
        assert_eq!(generations.new.len(), 1);
        assert_eq!(generations.old.len(), 1);
    }
}
