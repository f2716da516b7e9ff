//! String similarity for the fuzzy pass, and its limits, in one place.

/// Edits allowed in one token of `len` characters: none in short tokens, one
/// in ordinary words, two in long ones. A name differing by more is another
/// name (`Masson` is not `Massoud`, `Kabila` is not `Kabul`).
pub(crate) fn allowed_edits(len: usize) -> usize {
    match len {
        0..=3 => 0,
        4..=8 => 1,
        _ => 2,
    }
}

/// Fewest characters a fuzzy comparison needs: shorter names link only when
/// listed exactly.
const MIN_FUZZY_CHARS: usize = 5;

/// Least similarity of a one-word name: one edit in fewer than ten letters
/// is how one surname differs from another (`Karzai`, `Karzi`), so single
/// words need more letters per edit than multi-word names, where the other
/// words confirm.
const MIN_SINGLE_WORD: f64 = 0.9;

/// Similarity in [0, 1] of two normalized names with the same number of
/// tokens: one minus the edits over the length (optimal string alignment:
/// insertions, deletions, substitutions and transpositions of adjacent
/// letters, each letter edited once; strsim computes it without the hash
/// map the unrestricted Damerau–Levenshtein distance needs), or `None`
/// when they are identical, differ in token count, are too short, or some
/// token differs by more than [`allowed_edits`].
pub(crate) fn similarity(query: &str, key: &str) -> Option<f64> {
    let mut edits = 0;
    let mut total = 0;
    let mut q = query.split(' ');
    let mut k = key.split(' ');
    loop {
        match (q.next(), k.next()) {
            (None, None) => break,
            (Some(a), Some(b)) => {
                let longest = a.chars().count().max(b.chars().count());
                let allowed = allowed_edits(longest);
                if fewest_edits(a, b) > allowed {
                    return None;
                }
                let d = strsim::osa_distance(a, b);
                if d > allowed {
                    return None;
                }
                edits += d;
                total += longest;
            }
            _ => return None,
        }
    }
    let sim = 1.0 - edits as f64 / total as f64;
    let single_word = !key.contains(' ');
    if edits == 0 || total < MIN_FUZZY_CHARS || (single_word && sim < MIN_SINGLE_WORD) {
        return None;
    }
    Some(sim)
}

/// A lower bound of the edit distance of two words, far
/// cheaper than the distance: the difference in length, and, for ASCII
/// words, half the letters one has and the other lacks (an edit adds or
/// removes at most one letter of the set on each side; a transposition
/// none). Most names the fuzzy index offers are ruled out by it.
fn fewest_edits(a: &str, b: &str) -> usize {
    let length = a.chars().count().abs_diff(b.chars().count());
    if !(a.is_ascii() && b.is_ascii()) {
        return length;
    }
    let differing = (letter_set(a) ^ letter_set(b)).count_ones() as usize;
    length.max(differing.div_ceil(2))
}

/// The letters of a name as a set: one bit per ASCII byte, and one bit for
/// all other bytes (which only makes two sets look closer).
pub(crate) fn letter_set(name: &str) -> u128 {
    name.bytes().fold(0u128, |set, c| set | 1 << c.min(127))
}

/// Most letters the sets of `query` and a name it is similar to may differ
/// by ([`letter_set`]): an edit changes at most one letter of each set, and
/// a token of `n` characters is compared with names of at most `n + 2`.
pub(crate) fn most_differing_letters(query: &str) -> u32 {
    let edits: usize = query
        .split(' ')
        .map(|token| allowed_edits(token.chars().count() + LENGTH_SLACK))
        .sum();
    2 * edits as u32
}

/// How far apart in length a query and a name may be.
pub(crate) const LENGTH_SLACK: usize = 2;

/// Whether a name is long enough to be looked up fuzzily.
pub(crate) fn eligible(key: &str) -> bool {
    key.chars().count() >= MIN_FUZZY_CHARS
}

/// The most edits a word of a name [`similar`](similarity) to normalized
/// `query` may be from the query's word at its position: what its length
/// allows ([`allowed_edits`]), but fewer for a single word, which needs
/// [`MIN_SINGLE_WORD`] with at least one edit. A word of fewer than nine
/// letters is similar to no name (`Karzi` is no `Karzai`), one of fewer
/// than eighteen to names one edit away. Most capitalized words looked up
/// are such words: a lookup within the edits their length allows would
/// find names only for the similarity to reject them.
pub(crate) fn most_edits(query: &str) -> usize {
    if query.contains(' ') {
        return usize::MAX;
    }
    // Over the lengths a name may have, the most edits that keep it
    // similar: at least its difference in length, and one.
    let n = query.chars().count();
    let lengths = n.saturating_sub(LENGTH_SLACK)..=n + LENGTH_SLACK;
    let within = lengths.flat_map(|len| {
        let longest = n.max(len);
        (n.abs_diff(len).max(1)..=allowed_edits(longest)).filter(move |&edits| {
            longest >= MIN_FUZZY_CHARS && 1.0 - edits as f64 / longest as f64 >= MIN_SINGLE_WORD
        })
    });
    within.max().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::similarity;

    #[test]
    fn similarity_limits() {
        let close = similarity("ahmed shah massoud", "ahmad shah massoud");
        assert!(close.is_some_and(|s| s > 0.9 && s < 1.0));
        // Two edits in a 7-letter word: another name.
        assert_eq!(similarity("masson", "massoud"), None);
        assert_eq!(similarity("kabila", "kabul"), None);
        // Identical: exact matching's business, not fuzzy's.
        assert_eq!(similarity("kabul", "kabul"), None);
        // Token counts differ.
        assert_eq!(similarity("ahmad massoud", "ahmad shah massoud"), None);
        // One edit in a single word of fewer than ten letters is too little.
        assert_eq!(similarity("talibani", "taliban"), None);
        assert!(similarity("afghanistann", "afghanistan").is_some());
        // Short tokens must match exactly.
        assert_eq!(similarity("afp news", "afd news"), None);
    }

    #[test]
    fn single_words_need_nine_letters_an_edit() {
        use super::most_edits;
        assert_eq!(most_edits("karzai"), 0);
        assert_eq!(most_edits("talibani"), 0);
        assert_eq!(most_edits("afghanist"), 1, "one letter from `afghanista`");
        assert!(similarity("afghanist", "afghanista").is_some());
        assert_eq!(most_edits("abdurrahmanovichev"), 2);
        assert_eq!(most_edits("ahmad shah"), usize::MAX);
    }

    proptest::proptest! {
        /// The lower bound never exceeds the distance, so it never rules out
        /// a name the distance would accept.
        #[test]
        fn fewest_edits_is_a_lower_bound(a in "[a-f]{0,9}", b in "[a-fé]{0,9}") {
            proptest::prop_assert!(
                super::fewest_edits(&a, &b) <= strsim::osa_distance(&a, &b)
            );
        }

        /// A name similar to a single-word query is no more edits from it
        /// than the bound: none of those an edit or two away (random pairs
        /// are rarely similar).
        #[test]
        fn most_edits_is_an_upper_bound(
            a in "[a-fé]{0,12}",
            edits in proptest::collection::vec((0..13usize, "[a-f]?"), 1..3),
        ) {
            let mut b: Vec<char> = a.chars().collect();
            for (at, letter) in edits {
                let at = at.min(b.len());
                match letter.chars().next() {
                    Some(c) => b.insert(at, c),
                    None if at < b.len() => {
                        b.remove(at);
                    }
                    None => {}
                }
                let b: String = b.iter().collect();
                if super::similarity(&a, &b).is_some() {
                    let edits = strsim::osa_distance(&a, &b);
                    proptest::prop_assert!(edits <= super::most_edits(&a), "{a} ~ {b}");
                }
            }
        }

        /// A name similar to a query never differs from it by more letters
        /// than the index's letter filter allows.
        #[test]
        fn similar_names_pass_the_letter_filter(a in "[a-fé ]{0,14}", b in "[a-fé ]{0,14}") {
            if super::similarity(&a, &b).is_some() {
                let differing = (super::letter_set(&a) ^ super::letter_set(&b)).count_ones();
                proptest::prop_assert!(differing <= super::most_differing_letters(&a));
            }
        }
    }
}
