//! The three bundled seed articles (the default corpus).

use std::path::PathBuf;

use super::{Format, Source, load};

const SEEDS: [(&str, &[u8]); 3] = [
    (
        "000_0b2b0a246d65c953.txt",
        include_bytes!("../../seeds/000_0b2b0a246d65c953.txt"),
    ),
    (
        "001_e92089c36fa5833b.txt",
        include_bytes!("../../seeds/001_e92089c36fa5833b.txt"),
    ),
    (
        "002_bb0def335cd299fa.txt",
        include_bytes!("../../seeds/002_bb0def335cd299fa.txt"),
    ),
];

pub(crate) fn load_seeds() -> Vec<Source> {
    SEEDS
        .iter()
        .enumerate()
        .map(|(i, (name, bytes))| {
            let path = PathBuf::from("seeds").join(name);
            load::build(format!("S{}", i + 1), path, Format::Text, bytes)
                .unwrap_or_else(|e| panic!("bundled seed {name} does not load: {e}"))
        })
        .collect()
}
