//! The names a lexicon holds, each with its entity and kind, in flat
//! arrays: millions of names take a few bytes each beyond their text, and
//! an index holds them as they are (no string is allocated when it is
//! loaded).

use crate::flat::Flat;
use crate::lexicon::NameKind;
use crate::tables::{Strings, StringsBuilder};
use serde::{Deserialize, Serialize};

/// One name as the gazetteer lists it, or as canon derives or knows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Form<'f> {
    /// The entity it names.
    pub(crate) entity: u32,
    /// Where it comes from.
    pub(crate) kind: NameKind,
    /// The name as written.
    pub(crate) text: &'f str,
}

/// A [`Form`] that owns its text, before it joins the others.
#[derive(Clone, Debug)]
pub(crate) struct OwnedForm {
    pub(crate) entity: u32,
    pub(crate) kind: NameKind,
    pub(crate) text: String,
}

/// Every kind, in declaration order: a kind is stored as its position
/// (`kind as u8`).
const KINDS: [NameKind; 11] = [
    NameKind::Canonical,
    NameKind::Alias,
    NameKind::Acronym,
    NameKind::Initials,
    NameKind::ShortName,
    NameKind::LastNames,
    NameKind::GivenName,
    NameKind::Known,
    NameKind::KnownAcronym,
    NameKind::WithoutOwner,
    NameKind::FirstPart,
];

/// Forms by position.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub(crate) struct Forms {
    entities: Flat<u32>,
    /// Each kind's position in [`KINDS`].
    kinds: Flat<u8>,
    texts: Strings,
}

impl Forms {
    /// How many forms.
    pub(crate) fn len(&self) -> usize {
        self.entities.len()
    }

    /// Form `f`, if there is one.
    pub(crate) fn get(&self, f: usize) -> Option<Form<'_>> {
        Some(Form {
            entity: *self.entities.get(f)?,
            kind: *KINDS.get(usize::from(*self.kinds.get(f)?))?,
            text: self.texts.get(f)?,
        })
    }

    /// Whether every form is whole, of a known kind, and names one of
    /// `entities` entities: what forms read from an index must satisfy.
    pub(crate) fn is_consistent(&self, entities: usize) -> bool {
        let n = self.len();
        self.kinds.len() == n
            && self.texts.len() == n
            && self.kinds.iter().all(|&k| usize::from(k) < KINDS.len())
            && self.entities.iter().all(|&e| (e as usize) < entities)
    }
}

/// [`Forms`] being built: appended one at a time, read back by position.
#[derive(Debug, Default)]
pub(crate) struct FormsBuilder {
    entities: Vec<u32>,
    kinds: Vec<NameKind>,
    texts: StringsBuilder,
}

impl FormsBuilder {
    /// Appends a form of `entity`; returns its position.
    pub(crate) fn push(&mut self, entity: u32, kind: NameKind, text: &str) -> usize {
        self.entities.push(entity);
        self.kinds.push(kind);
        self.texts.push(text)
    }

    /// How many forms.
    pub(crate) fn len(&self) -> usize {
        self.entities.len()
    }

    /// Form `f`.
    ///
    /// # Panics
    ///
    /// If there are not more than `f` forms, as a slice's index does.
    pub(crate) fn form(&self, f: usize) -> Form<'_> {
        Form {
            entity: self.entities[f],
            kind: self.kinds[f],
            text: self.texts.get(f).expect("a text for every form pushed"),
        }
    }

    /// Every form, in order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = Form<'_>> + '_ {
        (0..self.len()).map(|f| self.form(f))
    }

    /// The forms, as they are.
    pub(crate) fn build(self) -> Forms {
        let kinds: Vec<u8> = self.kinds.into_iter().map(|k| k as u8).collect();
        Forms {
            entities: self.entities.into(),
            kinds: kinds.into(),
            texts: self.texts.build(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_read_back_as_pushed() {
        let mut builder = FormsBuilder::default();
        for (f, &kind) in KINDS.iter().enumerate() {
            assert_eq!(builder.push(f as u32, kind, &format!("name {f}")), f);
            assert_eq!(kind as usize, f);
        }
        let pushed: Vec<(u32, NameKind, String)> = (builder.iter())
            .map(|f| (f.entity, f.kind, f.text.to_string()))
            .collect();
        let forms = builder.build();
        assert_eq!(forms.len(), KINDS.len());
        for (f, (entity, kind, text)) in pushed.iter().enumerate() {
            let form = forms.get(f).expect("a form");
            assert_eq!(
                (form.entity, form.kind, form.text),
                (*entity, *kind, &**text)
            );
        }
        assert_eq!(forms.get(KINDS.len()), None);
        assert!(forms.is_consistent(KINDS.len()));
        assert!(!forms.is_consistent(KINDS.len() - 1));
    }
}
