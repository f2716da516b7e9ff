//! The index loader on arbitrary bytes: as they are; wrapped in a valid
//! prefix and checksum, so that they reach the header and payload
//! decoders; and written over part of a real index whose checksum is then
//! made to match, so that they reach the lexicon's checks. An error or a
//! linker, never a panic; what loads links a text.
#![no_main]

use canon::{Gazetteer, Linker};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

/// Bytes before the header (src/index/file.rs).
const PREFIX: usize = 40;

const GAZETTEER: &str = r#"
[[entity]]
id = "panjshir"
name = "Panjshir"
type = "place"
names = { fr = ["Panchir", "vallée du Panchir"], ru = ["Панджшер"] }

[[entity]]
id = "ahmad-shah-massoud"
name = "Ahmad Shah Massoud"
type = "person"
aliases = ["Lion of Panjshir"]
description = "commander"

[[entity]]
id = "afp"
name = "Agence France-Presse"
type = "organization"
acronyms = ["AFP"]
"#;

const TEXT: &str = "Ahmed Chah Massoud, le Lion du Panchir, selon l'AFP (AFP). Massoud à Kaboul.";

/// A real index, written once.
fn real() -> &'static [u8] {
    static INDEX: OnceLock<Vec<u8>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let gazetteer = Gazetteer::from_toml("fuzz.toml", GAZETTEER).expect("a valid gazetteer");
        let path = std::env::temp_dir().join(format!("canon-fuzz-{}.idx", std::process::id()));
        Linker::new(gazetteer).expect("a linker").save_index(&path).expect("saved");
        let bytes = std::fs::read(&path).expect("read back");
        let _ = std::fs::remove_file(&path);
        bytes
    })
}

/// `bytes` with the checksum of what follows their prefix.
fn sealed(mut bytes: Vec<u8>) -> Vec<u8> {
    let checksum = xxhash_rust::xxh3::xxh3_64(&bytes[PREFIX..]);
    bytes[32..40].copy_from_slice(&checksum.to_le_bytes());
    bytes
}

/// `body` after a prefix of format 1 whose header is the first
/// `header` bytes of the body and whose payload starts `gap` bytes later.
fn wrapped(body: &[u8], header: usize, gap: usize) -> Vec<u8> {
    let header = header.min(body.len());
    let payload = (header + gap).min(body.len());
    let mut bytes = b"CANONIDX".to_vec();
    bytes.extend(1u32.to_le_bytes());
    bytes.extend((header as u32).to_le_bytes());
    bytes.extend(((PREFIX + payload) as u64).to_le_bytes());
    bytes.extend(((body.len() - payload) as u64).to_le_bytes());
    bytes.extend(0u64.to_le_bytes());
    bytes.extend(body);
    sealed(bytes)
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else { return };
    let bytes = match (mode % 3, rest) {
        (0, _) => rest.to_vec(),
        (1, [header, gap, body @ ..]) => wrapped(body, usize::from(*header), usize::from(*gap)),
        (2, [at_low, at_high, over @ ..]) => {
            let mut bytes = real().to_vec();
            let at = usize::from(u16::from_le_bytes([*at_low, *at_high]));
            let at = PREFIX + at % (bytes.len() - PREFIX);
            for (byte, &new) in bytes.iter_mut().skip(at).zip(over) {
                *byte = new;
            }
            sealed(bytes)
        }
        _ => return,
    };
    if let Ok(linker) = Linker::builder().load_index_bytes(&bytes) {
        for m in linker.link(TEXT) {
            assert!(TEXT.is_char_boundary(m.span.start) && TEXT.is_char_boundary(m.span.end));
        }
    }
});
