//! How the keys' skeletons begin and end, together: a test, made before a
//! span of several words is read, that rules most of them out.
//!
//! The approximate tier looks up every run of capitalized words, and in
//! text full of names it does not know, runs of two words or more are most
//! of its lookups and almost none finds a key. Every reading of such a run
//! starts with the consonant classes of its first word and ends with those
//! of its last word (but the last word's first class, which may merge with
//! the word before it). A skeleton that such a reading is has both: the
//! filter holds one bit per hash of each pair of a skeleton's first one to
//! three classes and its last one to three (one hash function, as a Bloom
//! filter with one probe). It may say yes to a pair no skeleton has, never
//! no to one it has. Hand-written: a dozen lines, where the Bloom filter
//! crates bring several hashes and their own serialization.

use crate::flat::Flat;

/// One bit per hash of every (beginning, end) pair of the keys' skeletons.
#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
pub(crate) struct Frames {
    bits: Flat<u64>,
}

/// Most classes of a beginning or an end.
const MOST: usize = 3;

/// Bits per pair held, at least: about one in eight bits set.
const BITS_PER_PAIR: usize = 8;

/// Most bits of a filter (32 MB): at a million names, more pairs than this
/// holds set more bits, and the filter rules out fewer runs.
const MAX_BITS: usize = 1 << 28;

impl Frames {
    /// The filter of the skeletons `skeletons` gives (read twice: once to
    /// size the filter).
    pub(crate) fn new<'a, I: Iterator<Item = &'a str>>(skeletons: impl Fn() -> I) -> Frames {
        let pairs: usize = skeletons().map(|s| s.len().min(MOST * MOST)).sum();
        let bits = (pairs * BITS_PER_PAIR)
            .next_power_of_two()
            .clamp(64, MAX_BITS);
        let mut words = vec![0u64; bits / 64];
        for skeleton in skeletons() {
            let len = skeleton.len();
            for a in 1..=MOST.min(len) {
                for b in (1..=MOST).take_while(|&b| a + b <= len) {
                    let bit = Frames::bit(&skeleton[..a], &skeleton[len - b..], bits);
                    words[bit / 64] |= 1 << (bit % 64);
                }
            }
        }
        Frames { bits: words.into() }
    }

    /// Whether some skeleton may start with `start` and end with `end`,
    /// apart (always, when either is empty, and for a filter built from
    /// none).
    pub(crate) fn may_frame(&self, start: &str, end: &str) -> bool {
        let bits = self.bits.len() * 64;
        if start.is_empty() || end.is_empty() || bits == 0 {
            return true;
        }
        let start = &start[..MOST.min(start.len())];
        let end = &end[end.len() - MOST.min(end.len())..];
        let bit = Frames::bit(start, end, bits);
        self.bits[bit / 64] & 1 << (bit % 64) != 0
    }

    /// The bit of a pair in a filter of `bits` bits (a power of two).
    fn bit(start: &str, end: &str, bits: usize) -> usize {
        let mut pair = [0u8; 2 * MOST + 1];
        pair[..start.len()].copy_from_slice(start.as_bytes());
        pair[start.len()] = b'|';
        let length = start.len() + 1 + end.len();
        pair[start.len() + 1..length].copy_from_slice(end.as_bytes());
        xxhash_rust::xxh3::xxh3_64(&pair[..length]) as usize & (bits - 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_skeleton_frames_its_words() {
        let skeletons = ["*BDLKNBRDR", "JRJ", "MJMDSJ"];
        let frames = Frames::new(|| skeletons.iter().copied());
        // `Abdul Ghani Baradar`: starts `*BDL`, its last word ends `RDR`.
        assert!(frames.may_frame("*BDL", "RDR"));
        assert!(frames.may_frame("*B", "R"));
        assert!(frames.may_frame("MJMD", "SJ"));
        assert!(frames.may_frame("J", "J"), "one class each way of three");
        assert!(frames.may_frame("", "XYZ"), "an empty start tells nothing");
        let ruled_out = [("MJMD", "KT"), ("XQ", "ZW"), ("JRJ", "RJ"), ("*BD", "MM")]
            .iter()
            .filter(|(s, e)| !frames.may_frame(s, e))
            .count();
        assert!(ruled_out >= 3, "a sparse filter rules most others out");
    }

    #[test]
    fn an_empty_filter_rules_nothing_out() {
        assert!(Frames::default().may_frame("PNJ", "JR"));
    }
}
