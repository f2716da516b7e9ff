//! The lexicon's tables in a form an index holds as it is: strings in one
//! buffer, a hash table of string positions, and lists packed end to end,
//! all made of [`Flat`] arrays. Reading them from an index allocates
//! nothing per string and rehashes nothing; lookups cost what a `HashMap`'s
//! do.
//!
//! The table's hash is xxh3, whose output is specified: an index written by
//! one build is looked up by another with the same hashes (a `HashMap`'s
//! hasher makes no such promise).

use crate::flat::Flat;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use xxhash_rust::xxh3::xxh3_64;

/// Byte strings stored end to end, by position.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
struct Packed {
    bytes: Flat<u8>,
    /// Where each string ends in `bytes`.
    ends: Flat<u64>,
}

impl Packed {
    /// The strings `bytes` sees in `strings`, end to end.
    fn of<S>(strings: impl IntoIterator<Item = S>, bytes: impl Fn(&S) -> &[u8]) -> Packed {
        let (mut all, mut ends) = (Vec::new(), Vec::new());
        for s in strings {
            all.extend_from_slice(bytes(&s));
            ends.push(all.len() as u64);
        }
        Packed {
            bytes: all.into(),
            ends: ends.into(),
        }
    }

    /// How many strings.
    fn len(&self) -> usize {
        self.ends.len()
    }

    /// String `i`, if there is one.
    fn get(&self, i: usize) -> Option<&[u8]> {
        nth(&self.ends, &self.bytes, i)
    }
}

/// Strings stored end to end, by position.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(try_from = "Packed")]
pub(crate) struct Strings(Packed);

impl TryFrom<Packed> for Strings {
    type Error = &'static str;

    /// Checks what [`Strings::get`] relies on: UTF-8, strings in order and
    /// on character boundaries.
    fn try_from(packed: Packed) -> Result<Strings, &'static str> {
        let text = std::str::from_utf8(&packed.bytes).map_err(|_| "strings that are not UTF-8")?;
        let mut start = 0;
        for &end in packed.ends.iter() {
            let end = usize::try_from(end).unwrap_or(usize::MAX);
            if end < start || !text.is_char_boundary(end) {
                return Err("strings that overlap or end inside a character");
            }
            start = end;
        }
        Ok(Strings(packed))
    }
}

impl<S: AsRef<str>> FromIterator<S> for Strings {
    fn from_iter<I: IntoIterator<Item = S>>(strings: I) -> Strings {
        Strings(Packed::of(strings, |s| s.as_ref().as_bytes()))
    }
}

impl Strings {
    /// How many strings.
    pub(crate) fn len(&self) -> usize {
        self.0.len()
    }

    /// String `i`, if there is one. Not checked again: the lexicon reads
    /// keys by the million, and checking each was a twentieth of linking.
    pub(crate) fn get(&self, i: usize) -> Option<&str> {
        let bytes = self.0.get(i)?;
        // SAFETY: the bytes of a `Strings` are UTF-8 cut on character
        // boundaries, never changed once made: they come from `&str`s
        // (`FromIterator`, `StrListsBuilder::build`), or from an index,
        // checked when read (`TryFrom<Packed>`).
        Some(unsafe { std::str::from_utf8_unchecked(bytes) })
    }

    /// Every string, in order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &str> + '_ {
        (0..self.len()).filter_map(|i| self.get(i))
    }
}

impl std::ops::Index<usize> for Strings {
    type Output = str;

    /// String `i`.
    ///
    /// # Panics
    ///
    /// If there are not more than `i` strings, as a slice's index does.
    fn index(&self, i: usize) -> &str {
        self.get(i)
            .expect("a string at every index below len(), checked when read")
    }
}

/// [`Strings`] being built: appended one at a time, read back by position.
#[derive(Debug, Default)]
pub(crate) struct StringsBuilder {
    text: String,
    /// Where each string ends in `text`.
    ends: Vec<u64>,
}

impl StringsBuilder {
    /// Appends `s`; returns its position.
    pub(crate) fn push(&mut self, s: &str) -> usize {
        self.text.push_str(s);
        self.ends.push(self.text.len() as u64);
        self.ends.len() - 1
    }

    /// How many strings.
    pub(crate) fn len(&self) -> usize {
        self.ends.len()
    }

    /// String `i`, if there is one.
    pub(crate) fn get(&self, i: usize) -> Option<&str> {
        let start = match i {
            0 => 0,
            _ => *self.ends.get(i - 1)?,
        };
        self.text.get(start as usize..*self.ends.get(i)? as usize)
    }

    /// The strings, as they are.
    pub(crate) fn build(self) -> Strings {
        Strings(Packed {
            bytes: self.text.into_bytes().into(),
            ends: self.ends.into(),
        })
    }
}

/// Distinct strings, found by their text: the position of each in the
/// order given.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub(crate) struct StrTable {
    strings: Strings,
    /// Open addressing, linear probing, at most half full: each slot is
    /// [`EMPTY`] or a string's position, in its low bits (as many as the
    /// largest position needs, [`position_bits`]), with the high bits of
    /// its hash above it so that most probes compare no string.
    slots: Flat<u32>,
}

/// A free slot of a [`StrTable`]: no position has all its bits set.
const EMPTY: u32 = u32::MAX;

/// The bits of a [`StrTable`]'s slots that hold a position, for `len`
/// strings: as many as make a number above every position, so that no
/// position fills them (all 32 for `u32::MAX - 1` strings, the most).
fn position_bits(len: usize) -> u32 {
    ((1u64 << (u64::BITS - (len as u64).leading_zeros())) - 1) as u32
}

/// Puts `position`, of a string whose hash is `hash`, in the first free
/// slot from where the hash points in `slots` (a power of two of them, not
/// all taken), above it the hash's high bits outside `positions` (as
/// [`position_bits`] gives them).
fn place(slots: &mut [u32], positions: u32, hash: u64, position: u32) {
    let mask = slots.len() - 1;
    let mut at = hash as usize & mask;
    while slots[at] != EMPTY {
        at = (at + 1) & mask;
    }
    slots[at] = slot(positions, hash, position);
}

/// The slot of `position`, of a string whose hash is `hash`.
fn slot(positions: u32, hash: u64, position: u32) -> u32 {
    (hash >> 32) as u32 & !positions | position
}

/// Looks for the string whose hash is `hash` in `slots` (placed as
/// [`place`] does), `is` telling whether the string at a position is it:
/// its position, or the free slot where it would go (`None` if no slot is
/// free: a table read from a damaged index).
fn probe(
    slots: &[u32],
    positions: u32,
    hash: u64,
    is: impl Fn(u32) -> bool,
) -> Result<u32, Option<usize>> {
    let mask = slots.len().checked_sub(1).ok_or(None)?;
    let high = slot(positions, hash, 0);
    let mut at = hash as usize & mask;
    for _ in 0..slots.len() {
        let slot = slots[at];
        if slot == EMPTY {
            return Err(Some(at));
        }
        if slot & !positions == high && is(slot & positions) {
            return Ok(slot & positions);
        }
        at = (at + 1) & mask;
    }
    Err(None)
}

impl StrTable {
    /// The table of `strings`; a string given twice is found at its first
    /// position. Positions are below `u32::MAX`, as every identifier of the
    /// lexicon is.
    pub(crate) fn new<S: AsRef<str>>(strings: impl IntoIterator<Item = S>) -> StrTable {
        StrTable::of(strings.into_iter().collect())
    }

    /// The table of `strings`, which it keeps, as [`StrTable::new`] does.
    pub(crate) fn of(strings: Strings) -> StrTable {
        let positions = position_bits(strings.len());
        let mut slots = vec![EMPTY; (strings.len() * 2).next_power_of_two()];
        for (position, text) in strings.iter().enumerate() {
            place(
                &mut slots,
                positions,
                xxh3_64(text.as_bytes()),
                position as u32,
            );
        }
        StrTable {
            strings,
            slots: slots.into(),
        }
    }

    /// The position of `text`, if the table holds it.
    pub(crate) fn get(&self, text: &str) -> Option<u32> {
        let positions = position_bits(self.strings.len());
        let is = |position: u32| self.strings.0.get(position as usize) == Some(text.as_bytes());
        probe(&self.slots, positions, xxh3_64(text.as_bytes()), is).ok()
    }

    /// The strings, by position.
    pub(crate) fn strings(&self) -> &Strings {
        &self.strings
    }

    /// Whether the table holds `text`.
    pub(crate) fn contains(&self, text: &str) -> bool {
        self.get(text).is_some()
    }

    /// How many strings.
    pub(crate) fn len(&self) -> usize {
        self.strings.len()
    }
}

/// Lists of values, one per position, end to end.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(try_from = "RawLists<T>", bound(deserialize = "T: Deserialize<'de>"))]
pub(crate) struct Lists<T> {
    /// Where each list ends in `values`.
    ends: Flat<u64>,
    values: Vec<T>,
}

/// [`Lists`] as read, before its checks.
#[derive(Deserialize)]
struct RawLists<T> {
    ends: Flat<u64>,
    values: Vec<T>,
}

impl<T> TryFrom<RawLists<T>> for Lists<T> {
    type Error = &'static str;

    /// Checks what indexing relies on: lists in order, within the values.
    fn try_from(raw: RawLists<T>) -> Result<Lists<T>, &'static str> {
        if ascending_within(&raw.ends, raw.values.len()) {
            Ok(Lists {
                ends: raw.ends,
                values: raw.values,
            })
        } else {
            Err("lists that overlap or end past their values")
        }
    }
}

impl<T> Lists<T> {
    /// Lists of the given lengths, end to end in `values`, which hold
    /// them all.
    pub(crate) fn of_lengths(lengths: impl IntoIterator<Item = usize>, values: Vec<T>) -> Lists<T> {
        let ends: Vec<u64> = (lengths.into_iter())
            .scan(0u64, |end, len| {
                *end += len as u64;
                Some(*end)
            })
            .collect();
        debug_assert!(ascending_within(&ends, values.len()));
        Lists {
            ends: ends.into(),
            values,
        }
    }

    /// How many lists.
    pub(crate) fn len(&self) -> usize {
        self.ends.len()
    }

    /// Every value of every list.
    pub(crate) fn values(&self) -> &[T] {
        &self.values
    }
}

impl<T> std::ops::Index<usize> for Lists<T> {
    type Output = [T];

    /// List `i`.
    ///
    /// # Panics
    ///
    /// If there are not more than `i` lists, as a slice's index does.
    fn index(&self, i: usize) -> &[T] {
        nth(&self.ends, &self.values, i)
            .expect("a list at every index below len(), checked when read")
    }
}

/// Lists of identifiers by string: a `HashMap<String, Vec<u32>>` that an
/// index holds as it is.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub(crate) struct StrLists {
    keys: StrTable,
    /// Where the list of each key ends in `values`.
    ends: Flat<u64>,
    values: Flat<u32>,
}

impl<H> From<HashMap<String, Vec<u32>, H>> for StrLists {
    fn from(map: HashMap<String, Vec<u32>, H>) -> StrLists {
        let mut ends = Vec::with_capacity(map.len());
        let mut values = Vec::new();
        let mut keys = Vec::with_capacity(map.len());
        for (key, list) in map {
            keys.push(key);
            values.extend(list);
            ends.push(values.len() as u64);
        }
        StrLists {
            keys: StrTable::new(keys),
            ends: ends.into(),
            values: values.into(),
        }
    }
}

/// Distinct strings being gathered, millions of them: each is stored once,
/// end to end, and found by its text through a table of positions, as in
/// the [`StrTable`] they become. A `HashMap<Box<str>, u32>` takes an
/// allocation and some fifty bytes per string; this takes the string's
/// bytes and about 16.
#[derive(Debug, Default)]
pub(crate) struct StrTableBuilder {
    strings: StringsBuilder,
    /// As a [`StrTable`]'s, at most half full, its positions of as many
    /// bits as those of half as many strings as slots need: the most there
    /// are before the slots double.
    slots: Vec<u32>,
}

impl StrTableBuilder {
    /// The position of `s`, added after the others if it is new.
    pub(crate) fn add(&mut self, s: &str) -> u32 {
        if (self.strings.len() + 1) * 2 > self.slots.len() {
            self.grow();
        }
        let hash = xxh3_64(s.as_bytes());
        match self.find(s, hash) {
            Ok(position) => position,
            Err(free) => {
                let position = self.strings.push(s) as u32;
                // Never full: grown to twice what it holds.
                let at = free.expect("a free slot");
                self.slots[at] = slot(self.positions(), hash, position);
                position
            }
        }
    }

    /// The position of `s`, if it was added.
    pub(crate) fn get(&self, s: &str) -> Option<u32> {
        self.find(s, xxh3_64(s.as_bytes())).ok()
    }

    /// Whether `s` was added.
    pub(crate) fn contains(&self, s: &str) -> bool {
        self.get(s).is_some()
    }

    /// The position of `s`, whose hash is `hash`, as [`probe`] finds it.
    fn find(&self, s: &str, hash: u64) -> Result<u32, Option<usize>> {
        let is = |position: u32| self.strings.get(position as usize) == Some(s);
        probe(&self.slots, self.positions(), hash, is)
    }

    /// The bits of a slot that hold a position.
    fn positions(&self) -> u32 {
        position_bits(self.slots.len() / 2)
    }

    /// Twice the slots (at least 16), every string placed again.
    fn grow(&mut self) {
        self.slots = vec![EMPTY; (self.slots.len() * 2).max(16)];
        let positions = self.positions();
        for position in 0..self.strings.len() {
            let text = self.strings.get(position).unwrap_or_default();
            place(
                &mut self.slots,
                positions,
                xxh3_64(text.as_bytes()),
                position as u32,
            );
        }
    }

    /// The strings, by position.
    pub(crate) fn build(self) -> Strings {
        self.strings.build()
    }
}

/// A [`StrLists`] being built, for millions of keys: the keys are gathered
/// as a [`StrTableBuilder`]'s, the values as (key, value) pairs grouped
/// when built. A `HashMap<String, Vec<u32>>` takes three allocations and
/// some hundred bytes per key; this takes the key's bytes and about 24.
#[derive(Default)]
pub(crate) struct StrListsBuilder {
    keys: StrTableBuilder,
    /// (key position, value), in the order pushed.
    pairs: Vec<(u32, u32)>,
}

impl StrListsBuilder {
    /// Appends `value` to the list of `key`; a value pushed again right
    /// after itself for the same key is kept once.
    pub(crate) fn push(&mut self, key: &str, value: u32) {
        let position = self.keys.add(key);
        self.pairs.push((position, value));
    }

    /// The lists: each key's values in the order pushed.
    pub(crate) fn build(self) -> StrLists {
        let StrListsBuilder { keys, mut pairs } = self;
        let keys = keys.build();
        pairs.sort_by_key(|&(key, _)| key); // stable: values stay in order
        pairs.dedup();
        // Every key has a value: its list ends after its last pair.
        let mut list_ends = vec![0u64; keys.len()];
        for (i, &(key, _)) in pairs.iter().enumerate() {
            list_ends[key as usize] = i as u64 + 1;
        }
        let values: Vec<u32> = pairs.iter().map(|&(_, value)| value).collect();
        drop(pairs);
        StrLists {
            keys: StrTable::of(keys),
            ends: list_ends.into(),
            values: values.into(),
        }
    }
}

/// The end of a list in a [`ListsBuilder`]: no value.
const NONE: u32 = u32::MAX;

/// [`Lists`] being built, millions of them: a value is appended to any
/// list at any time, and each list reads back in the order appended. A
/// vector per list takes an allocation and 24 bytes more; this takes 8
/// bytes per list and 4 per value.
#[derive(Debug)]
pub(crate) struct ListsBuilder<T> {
    /// Each list's first and last value in `values`; [`NONE`] for none.
    bounds: Vec<(u32, u32)>,
    /// Each value, with the next of its list ([`NONE`] after the last).
    values: Vec<(T, u32)>,
}

impl<T> Default for ListsBuilder<T> {
    fn default() -> ListsBuilder<T> {
        ListsBuilder {
            bounds: Vec::new(),
            values: Vec::new(),
        }
    }
}

impl<T: Copy> ListsBuilder<T> {
    /// Appends `value` to list `i`, after empty lists up to it if there
    /// are not as many.
    pub(crate) fn push(&mut self, i: usize, value: T) {
        if self.bounds.len() <= i {
            self.bounds.resize(i + 1, (NONE, NONE));
        }
        let at = self.values.len() as u32;
        self.values.push((value, NONE));
        let (first, last) = self.bounds[i];
        match first {
            NONE => self.bounds[i].0 = at,
            _ => self.values[last as usize].1 = at,
        }
        self.bounds[i].1 = at;
    }

    /// The values of list `i`, in the order appended.
    pub(crate) fn list(&self, i: usize) -> impl Iterator<Item = T> + '_ {
        let first = self.bounds.get(i).map_or(NONE, |&(first, _)| first);
        let next = |&at: &u32| Some(self.values[at as usize].1).filter(|&n| n != NONE);
        std::iter::successors(Some(first).filter(|&at| at != NONE), next)
            .map(|at| self.values[at as usize].0)
    }

    /// The lists, each end to end in order.
    pub(crate) fn build(self) -> Lists<T> {
        let mut values = Vec::with_capacity(self.values.len());
        let mut ends = Vec::with_capacity(self.bounds.len());
        for i in 0..self.bounds.len() {
            values.extend(self.list(i));
            ends.push(values.len() as u64);
        }
        Lists {
            ends: ends.into(),
            values,
        }
    }
}

impl StrLists {
    /// How many keys have a list.
    pub(crate) fn len(&self) -> usize {
        self.ends.len()
    }

    /// The list of `key`; empty if there is none.
    pub(crate) fn get(&self, key: &str) -> &[u32] {
        self.list(key).unwrap_or_default()
    }

    fn list(&self, key: &str) -> Option<&[u32]> {
        nth(&self.ends, &self.values, self.keys.get(key)? as usize)
    }

    /// Every value of every list.
    /// The keys, in no order.
    pub(crate) fn keys(&self) -> impl Iterator<Item = &str> + '_ {
        self.keys.strings().iter()
    }

    pub(crate) fn values(&self) -> &[u32] {
        &self.values
    }
}

/// List `i` of `values`, whose lists end at `ends`, if there is one.
pub(crate) fn nth<'v, T>(ends: &[u64], values: &'v [T], i: usize) -> Option<&'v [T]> {
    let start = match i {
        0 => 0,
        _ => *ends.get(i - 1)?,
    };
    let end = *ends.get(i)?;
    values.get(usize::try_from(start).ok()?..usize::try_from(end).ok()?)
}

/// Whether `ends` never decrease and stay within `len`.
pub(crate) fn ascending_within(ends: &[u64], len: usize) -> bool {
    ends.windows(2).all(|w| w[0] <= w[1]) && ends.last().is_none_or(|&e| e <= len as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_lists_keep_values_in_order_once_in_a_row() {
        let mut builder = StrListsBuilder::default();
        let pushes = [
            ("ktb", 3),
            ("slm", 1),
            ("ktb", 3),
            ("ktb", 5),
            ("", 2),
            ("slm", 1),
        ];
        for (key, value) in pushes.iter().cycle().take(40 * pushes.len()) {
            builder.push(key, *value);
        }
        for n in 0..40 {
            builder.push(&format!("key {n}"), n);
        }
        let lists = builder.build();
        assert_eq!(lists.len(), 43);
        assert_eq!(lists.get("ktb")[..3], [3, 5, 3]);
        assert_eq!((lists.get("slm"), lists.get("")), (&[1][..], &[2][..]));
        assert_eq!((lists.get("key 7"), lists.get("kbt")), (&[7][..], &[][..]));
    }

    #[test]
    fn built_lists_read_back_in_the_order_appended() {
        let mut builder = ListsBuilder::default();
        for (list, value) in [(1, 'a'), (0, 'b'), (1, 'c'), (3, 'd'), (1, 'e')] {
            builder.push(list, value);
        }
        assert_eq!(builder.list(1).collect::<String>(), "ace");
        assert_eq!((builder.list(2).count(), builder.list(9).count()), (0, 0));
        let lists = builder.build();
        assert_eq!(lists.len(), 4);
        assert_eq!((&lists[0], &lists[1]), (&['b'][..], &['a', 'c', 'e'][..]));
        assert_eq!((&lists[2], &lists[3]), (&[][..], &['d'][..]));

        let mut table = StrTableBuilder::default();
        assert_eq!((table.get("kabul"), table.contains("")), (None, false));
        let words = ["kabul", "", "panjshir", "kabul", "Кабул"];
        let positions: Vec<u32> = words.iter().map(|w| table.add(w)).collect();
        assert_eq!(positions, [0, 1, 2, 0, 3]);
        assert_eq!((table.get("Кабул"), table.get("kabu")), (Some(3), None));
        assert_eq!(
            table.build().iter().collect::<Vec<_>>(),
            ["kabul", "", "panjshir", "Кабул"]
        );
    }

    #[test]
    fn no_position_fills_its_bits() {
        for len in [
            0usize,
            1,
            2,
            3,
            4,
            5,
            1 << 20,
            (1 << 20) + 1,
            u32::MAX as usize - 1,
        ] {
            // Every position, len - 1 the largest, is below the bits, which
            // leave the rest of the hash as much room as they can.
            let bits = u64::from(position_bits(len));
            assert!(
                len as u64 <= bits && bits <= 2 * len as u64,
                "{len}: {bits}"
            );
        }
    }

    #[test]
    fn tables_find_what_they_hold() {
        let words = ["kabul", "", "panjshir", "Кабул", "kabul"];
        let table = StrTable::new(words);
        assert_eq!(table.get("kabul"), Some(0), "the first of two");
        assert_eq!(table.get(""), Some(1));
        assert_eq!(table.get("Кабул"), Some(3));
        assert_eq!(table.get("kabu"), None);
        assert!(!StrTable::new([""; 0]).contains(""));
        let strings: Strings = words.iter().collect();
        assert_eq!(&strings[3], "Кабул");
        assert_eq!(strings.get(5), None);

        let mut map: HashMap<String, Vec<u32>> = HashMap::new();
        map.insert("ksbl".into(), vec![4, 2]);
        map.insert("pnjshr".into(), vec![]);
        let lists = StrLists::from(map);
        assert_eq!(lists.get("ksbl"), [4, 2]);
        assert_eq!(lists.get("pnjshr"), [0u32; 0]);
        assert_eq!(lists.get("zzz"), [0u32; 0]);

        let lists = Lists::of_lengths([1, 0, 2], vec!['a', 'b', 'c']);
        assert_eq!(
            (&lists[0], &lists[1], &lists[2]),
            (&['a'][..], &[][..], &['b', 'c'][..])
        );
    }

    proptest::proptest! {
        /// A table finds each of its strings at its first position, and
        /// nothing else.
        #[test]
        fn table_positions(words in proptest::collection::vec("[a-cé]{0,4}", 0..40), other in "[a-cé]{0,4}") {
            let table = StrTable::new(&words);
            for word in &words {
                let first = words.iter().position(|w| w == word).map(|p| p as u32);
                proptest::prop_assert_eq!(table.get(word), first);
            }
            proptest::prop_assert_eq!(table.get(&other), words.iter().position(|w| *w == other).map(|p| p as u32));
        }
    }
}
