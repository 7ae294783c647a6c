//! Review marks (confirmed / dismissed, notes) kept between runs.
//!
//! One JSON file per corpus in the platform data directory:
//! `<data dir>/crosscheck/reviews/<sha256 of the sources' contents>.json`
//! (`CROSSCHECK_DATA_DIR` replaces `<data dir>/crosscheck`, for tests).
//! Reviews are keyed by `Finding::key`, stable across runs. Every change is
//! saved atomically. A corrupt file is renamed aside, never discarded.

use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::corpus::Source;
use crate::report::{Review, ReviewStatus, Reviews, WriteError, write_atomic};

/// Environment variable overriding the data directory.
pub const DATA_DIR_ENV: &str = "CROSSCHECK_DATA_DIR";

#[derive(Debug, thiserror::Error)]
pub enum ReviewError {
    #[error("no data directory on this platform (set {DATA_DIR_ENV})")]
    NoDataDir,
    #[error("{path}: cannot read reviews: {source}")]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: cannot create directory: {source}")]
    CreateDir {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(transparent)]
    Write(#[from] WriteError),
}

#[derive(Serialize, Deserialize)]
struct File {
    version: u32,
    reviews: Reviews,
}

/// Reviews of one corpus, backed by a file.
#[derive(Debug, Clone)]
pub struct ReviewStore {
    path: PathBuf,
    reviews: Reviews,
}

/// `$CROSSCHECK_DATA_DIR/reviews` or `<platform data dir>/crosscheck/reviews`.
pub fn reviews_dir() -> Result<PathBuf, ReviewError> {
    let base = match std::env::var_os(DATA_DIR_ENV) {
        Some(d) if !d.is_empty() => PathBuf::from(d),
        _ => dirs::data_dir()
            .ok_or(ReviewError::NoDataDir)?
            .join("crosscheck"),
    };
    Ok(base.join("reviews"))
}

/// Identity of a corpus: sha256 over the sorted sha256s of its texts (load
/// order and file names do not matter; an edited article is a new corpus).
pub fn corpus_id(sources: &[Source]) -> String {
    let mut digests: Vec<String> = sources
        .iter()
        .map(|s| hex(&Sha256::digest(s.text.as_bytes())))
        .collect();
    digests.sort();
    let mut h = Sha256::new();
    for d in &digests {
        h.update(d.as_bytes());
        h.update(b"\n");
    }
    hex(&h.finalize())
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

impl ReviewStore {
    /// The store of `sources` in the default directory. The second value is
    /// a warning when a corrupt file had to be set aside.
    pub fn open(sources: &[Source]) -> Result<(ReviewStore, Option<String>), ReviewError> {
        let path = reviews_dir()?.join(format!("{}.json", corpus_id(sources)));
        ReviewStore::open_at(path)
    }

    /// The store backed by `path` (missing file: no reviews yet).
    pub fn open_at(path: PathBuf) -> Result<(ReviewStore, Option<String>), ReviewError> {
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Ok((
                    ReviewStore {
                        path,
                        reviews: Reviews::new(),
                    },
                    None,
                ));
            }
            Err(source) => return Err(ReviewError::Read { path, source }),
        };
        match serde_json::from_str::<File>(&text) {
            Ok(f) => Ok((
                ReviewStore {
                    path,
                    reviews: f.reviews,
                },
                None,
            )),
            Err(e) => {
                let aside = set_aside(&path).map_err(|source| ReviewError::Read {
                    path: path.clone(),
                    source,
                })?;
                let warning = format!(
                    "{}: reviews file is corrupt ({e}); moved to {} and starting empty",
                    path.display(),
                    aside.display()
                );
                Ok((
                    ReviewStore {
                        path,
                        reviews: Reviews::new(),
                    },
                    Some(warning),
                ))
            }
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn reviews(&self) -> &Reviews {
        &self.reviews
    }

    pub fn get(&self, key: &str) -> Option<&Review> {
        self.reviews.get(key)
    }

    /// Set (or, when empty, remove) the review of `key`, then save.
    pub fn set(&mut self, key: &str, review: Review) -> Result<(), ReviewError> {
        if review.status.is_none() && review.note.as_deref().is_none_or(str::is_empty) {
            self.reviews.remove(key);
        } else {
            self.reviews.insert(key.to_string(), review);
        }
        self.save()
    }

    /// Change only the status of `key` (None clears it), then save.
    pub fn set_status(
        &mut self,
        key: &str,
        status: Option<ReviewStatus>,
    ) -> Result<(), ReviewError> {
        let mut r = self.reviews.get(key).cloned().unwrap_or_default();
        r.status = status;
        self.set(key, r)
    }

    /// Change only the note of `key` (None or "" clears it), then save.
    pub fn set_note(&mut self, key: &str, note: Option<String>) -> Result<(), ReviewError> {
        let mut r = self.reviews.get(key).cloned().unwrap_or_default();
        r.note = note.filter(|n| !n.is_empty());
        self.set(key, r)
    }

    fn save(&self) -> Result<(), ReviewError> {
        if let Some(dir) = self.path.parent() {
            std::fs::create_dir_all(dir).map_err(|source| ReviewError::CreateDir {
                path: dir.to_path_buf(),
                source,
            })?;
        }
        let file = File {
            version: 1,
            reviews: self.reviews.clone(),
        };
        let mut json = serde_json::to_string_pretty(&file).expect("reviews serialise");
        json.push('\n');
        write_atomic(&self.path, json.as_bytes(), &[])?;
        Ok(())
    }
}

/// Rename a corrupt file to `<stem>.corrupt-<unix seconds>[-n].json`.
fn set_aside(path: &Path) -> std::io::Result<PathBuf> {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let stem = path
        .file_stem()
        .map_or("reviews".into(), |s| s.to_string_lossy().into_owned());
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut n = 0;
    loop {
        let suffix = if n == 0 {
            String::new()
        } else {
            format!("-{n}")
        };
        let aside = dir.join(format!("{stem}.corrupt-{secs}{suffix}.json"));
        if !aside.exists() {
            std::fs::rename(path, &aside)?;
            return Ok(aside);
        }
        n += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::testkit::source;

    #[test]
    fn round_trip() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("reviews").join("abc.json");
        let (mut store, warn) = ReviewStore::open_at(path.clone()).unwrap();
        assert!(warn.is_none());
        assert!(store.reviews().is_empty());
        store
            .set_status("killed-1", Some(ReviewStatus::Confirmed))
            .unwrap();
        store
            .set_note("killed-1", Some("checked with the ministry".into()))
            .unwrap();
        store
            .set_status("name-2", Some(ReviewStatus::Dismissed))
            .unwrap();
        let (again, warn) = ReviewStore::open_at(path.clone()).unwrap();
        assert!(warn.is_none());
        assert_eq!(again.reviews(), store.reviews());
        assert_eq!(
            again.get("killed-1"),
            Some(&Review {
                status: Some(ReviewStatus::Confirmed),
                note: Some("checked with the ministry".into()),
            })
        );
        // Clearing everything removes the entry.
        store.set_status("name-2", None).unwrap();
        let (again, _) = ReviewStore::open_at(path).unwrap();
        assert!(again.get("name-2").is_none());
    }

    #[test]
    fn corrupt_file_is_set_aside_with_a_warning() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("abc.json");
        std::fs::write(&path, "{ not json").unwrap();
        let (store, warn) = ReviewStore::open_at(path.clone()).unwrap();
        let warn = warn.expect("a warning");
        assert!(
            warn.contains("abc.json") && warn.contains("corrupt"),
            "{warn}"
        );
        assert!(store.reviews().is_empty());
        let names: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names.len(), 1);
        assert!(names[0].starts_with("abc.corrupt-") && names[0].ends_with(".json"));
        // The bad content is kept.
        let kept = std::fs::read_to_string(dir.path().join(&names[0])).unwrap();
        assert_eq!(kept, "{ not json");
    }

    #[test]
    fn corpus_id_ignores_order_and_names() {
        let a = source(0, "a", "First article.");
        let b = source(1, "b", "Second article.");
        let b2 = source(0, "renamed", "Second article.");
        let a2 = source(1, "other", "First article.");
        assert_eq!(corpus_id(&[a.clone(), b.clone()]), corpus_id(&[b2, a2]));
        let c = source(1, "b", "Second article, edited.");
        assert_ne!(corpus_id(&[a.clone(), b]), corpus_id(&[a, c]));
    }

    #[test]
    fn open_uses_the_data_dir_override() {
        let dir = tempfile::tempdir().unwrap();
        // SAFETY: no other test in this crate reads or writes this variable.
        unsafe { std::env::set_var(DATA_DIR_ENV, dir.path()) };
        let srcs = [source(0, "a", "Some article.")];
        let (mut store, _) = ReviewStore::open(&srcs).unwrap();
        store.set_note("k", Some("n".into())).unwrap();
        let expected = dir
            .path()
            .join("reviews")
            .join(format!("{}.json", corpus_id(&srcs)));
        assert_eq!(store.path(), expected);
        assert!(expected.exists());
        unsafe { std::env::remove_var(DATA_DIR_ENV) };
    }
}
