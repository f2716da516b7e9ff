//! The map from normalized byte offsets back to original byte offsets.

/// One unit of the map: a stretch of the normalized text that came from one
/// stretch of the original text.
///
/// A *linear* unit maps byte for byte (ASCII that folded to ASCII of the same
/// length, merged into runs); any other unit (a cluster with combining marks, a
/// non-ASCII letter, a whitespace run) maps as a whole, so offsets strictly
/// inside it round outwards to its ends and never fall inside an original
/// character.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Unit {
    norm: usize,
    orig: usize,
    linear: bool,
    /// An invisible character ([`OffsetMap::push_invisible`]), which no
    /// span takes in at its end.
    invisible: bool,
}

/// Normalized byte offset → original byte offset (charabia's `char_map` idea,
/// run-length encoded so ASCII text costs almost nothing).
///
/// Offsets are asked for every token of a document, many times over, so a
/// bucket index narrows the search for a unit to the few units that start
/// within [`BUCKET`] bytes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct OffsetMap {
    units: Vec<Unit>,
    /// For bucket `b`, how many units start at or before normalized byte
    /// `b * BUCKET`: the units holding bytes of bucket `b` are found from
    /// `buckets[b] - 1` to `buckets[b + 1]`.
    buckets: Vec<usize>,
    norm_len: usize,
    orig_len: usize,
}

/// Normalized bytes per bucket of [`OffsetMap::buckets`].
const BUCKET: usize = 16;

impl OffsetMap {
    /// Records that original bytes `orig..orig_end` produced normalized bytes
    /// starting at `norm` and ending where the next unit (or the end) starts.
    pub(crate) fn push(&mut self, norm: usize, orig: usize, linear: bool) {
        if let Some(last) = self.units.last() {
            let continues = linear && last.linear && norm - last.norm == orig - last.orig;
            if continues {
                return;
            }
        }
        self.units.push(Unit {
            norm,
            orig,
            linear,
            invisible: false,
        });
    }

    /// Records an invisible character at original byte `orig` (a format
    /// or bidi mark, an inner dot of an acronym) that produced nothing.
    pub(crate) fn push_invisible(&mut self, norm: usize, orig: usize) {
        self.push(norm, orig, false);
        if let Some(last) = self.units.last_mut() {
            last.invisible = true;
        }
    }

    /// Closes the map once both texts are complete.
    pub(crate) fn finish(&mut self, norm_len: usize, orig_len: usize) {
        self.norm_len = norm_len;
        self.orig_len = orig_len;
        let mut starting = 0;
        self.buckets = (0..=norm_len / BUCKET + 1)
            .map(|b| {
                let at = b * BUCKET;
                while self.units.get(starting).is_some_and(|u| u.norm <= at) {
                    starting += 1;
                }
                starting
            })
            .collect();
    }

    fn unit_end(&self, i: usize) -> (usize, usize) {
        self.units
            .get(i + 1)
            .map_or((self.norm_len, self.orig_len), |u| (u.norm, u.orig))
    }

    /// Index of the non-empty unit holding normalized byte `p`.
    fn unit_at(&self, p: usize) -> Option<usize> {
        // The last unit starting at or before `p`; empty units (dropped
        // characters) share their start with the next unit, and
        // `partition_point` skips past them.
        let b = p / BUCKET;
        let from = self.buckets.get(b).copied().unwrap_or(0);
        let to = self.buckets.get(b + 1).copied().unwrap_or(self.units.len());
        let i = from + self.units[from..to].partition_point(|u| u.norm <= p);
        i.checked_sub(1)
    }

    /// Original offset where a span starting at normalized `p` starts.
    pub(crate) fn start(&self, p: usize) -> usize {
        if p >= self.norm_len {
            return self.orig_len;
        }
        match self.unit_at(p) {
            Some(i) => {
                let u = self.units[i];
                if u.linear {
                    u.orig + (p - u.norm)
                } else {
                    u.orig
                }
            }
            None => 0,
        }
    }

    /// Original offset where a span ending at normalized `p` ends: with
    /// the letters that vanished right after it (a soft sign, Arabic short
    /// vowels: `Чорнобиль` whole, not `Чорнобил`), not invisible marks.
    pub(crate) fn end(&self, p: usize) -> usize {
        if p == 0 {
            return self.start(0);
        }
        match self.unit_at(p - 1) {
            Some(i) => {
                let u = self.units[i];
                let (unit_norm_end, _) = self.unit_end(i);
                if u.linear && p < unit_norm_end {
                    return u.orig + (p - u.norm);
                }
                // At the unit's end: past the empty units that follow it.
                let mut j = i;
                while j + 1 < self.units.len()
                    && self.unit_end(j + 1).0 == p
                    && !self.units[j + 1].invisible
                {
                    j += 1;
                }
                self.unit_end(j).1
            }
            None => 0,
        }
    }
}
