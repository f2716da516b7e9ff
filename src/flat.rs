//! Immutable arrays of plain values, shared when cloned.
//!
//! The lexicon's large tables are made of [`Flat`] arrays of plain values
//! (`bytemuck::Pod`) rather than of hash maps and boxed strings: a few
//! allocations instead of millions, and data that a file can hold as it is.

use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

/// An immutable array of plain values.
pub(crate) struct Flat<T>(Arc<Vec<T>>);

impl<T: bytemuck::Pod> Deref for Flat<T> {
    type Target = [T];

    fn deref(&self) -> &[T] {
        &self.0
    }
}

impl<T> Clone for Flat<T> {
    fn clone(&self) -> Flat<T> {
        Flat(Arc::clone(&self.0))
    }
}

impl<T> Default for Flat<T> {
    fn default() -> Flat<T> {
        Flat(Arc::default())
    }
}

impl<T: bytemuck::Pod> fmt::Debug for Flat<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Flat({} values)", self.len())
    }
}

impl<T> From<Vec<T>> for Flat<T> {
    fn from(values: Vec<T>) -> Flat<T> {
        Flat(Arc::new(values))
    }
}
