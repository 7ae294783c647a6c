//! How the whole pipeline scales with the number of articles: archives of
//! coverage are hundreds to thousands of articles about one event, so
//! analysis time must grow about linearly, never with the square.
//!
//! The archive is synthetic but realistic: the three seeds, with figures,
//! names and sentence order varied per copy so that claims, findings and
//! alignment candidates grow with the archive as they would in real data.

use std::path::PathBuf;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use crosscheck::corpus::{self, Source};

const SEEDS: [&str; 3] = [
    include_str!("../seeds/000_0b2b0a246d65c953.txt"),
    include_str!("../seeds/001_e92089c36fa5833b.txt"),
    include_str!("../seeds/002_bb0def335cd299fa.txt"),
];

/// Article `i` of a synthetic archive: a seed with its figures shifted and
/// its paragraphs rotated, so no two articles are identical.
fn article(i: usize) -> String {
    let seed = SEEDS[i % SEEDS.len()];
    let shifted: String = seed
        .split_inclusive(char::is_whitespace)
        .map(|w| {
            let t = w.trim_end();
            match t.parse::<u32>() {
                Ok(n) if n < 1000 => format!("{}{}", n + (i as u32 % 7), &w[t.len()..]),
                _ => w.to_string(),
            }
        })
        .collect();
    let mut paras: Vec<&str> = shifted.split("\n\n").collect();
    let k = i % paras.len().max(1);
    paras.rotate_left(k);
    paras.join("\n\n")
}

fn archive(n: usize) -> Vec<Source> {
    (0..n)
        .map(|i| {
            let path = PathBuf::from(format!("article_{i:05}.txt"));
            corpus::load_bytes(i, &path, article(i).as_bytes()).expect("synthetic article loads")
        })
        .collect()
}

fn scale(c: &mut Criterion) {
    let mut g = c.benchmark_group("analyze_archive");
    g.sample_size(10);
    for n in [30, 120, 480] {
        let sources = archive(n);
        let bytes: usize = sources.iter().map(|s| s.text.len()).sum();
        g.throughput(Throughput::Bytes(bytes as u64));
        g.bench_with_input(BenchmarkId::from_parameter(n), &sources, |b, s| {
            b.iter(|| crosscheck::analyze(std::hint::black_box(s.clone())))
        });
    }
    g.finish();
}

criterion_group!(benches, scale);
criterion_main!(benches);
