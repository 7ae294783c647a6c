//! Atomic file writes: a temporary file in the target's directory, renamed
//! over the target. Input files are never overwritten, and a failed write
//! leaves neither a partial target nor a stray temporary file.

use std::io::Write;
use std::path::{Path, PathBuf};

/// Why a file could not be written. Every variant names the path.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("{path}: refusing to overwrite an input file")]
    WouldOverwriteInput { path: PathBuf },
    #[error("{path}: is a directory")]
    IsDirectory { path: PathBuf },
    #[error("{path}: cannot write: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// Same file: equal canonical paths, or (Unix) the same device and inode
/// (hard links).
fn same_file(a: &Path, b: &Path) -> bool {
    if let (Ok(ca), Ok(cb)) = (a.canonicalize(), b.canonicalize())
        && ca == cb
    {
        return true;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(ma), Ok(mb)) = (std::fs::metadata(a), std::fs::metadata(b)) {
            return ma.dev() == mb.dev() && ma.ino() == mb.ino();
        }
    }
    false
}

/// Write `bytes` to `path` atomically, unless `path` is one of the `inputs`
/// (pass the input files themselves, not their directories).
pub fn write_atomic(path: &Path, bytes: &[u8], inputs: &[PathBuf]) -> Result<(), WriteError> {
    let io = |source| WriteError::Io {
        path: path.to_path_buf(),
        source,
    };
    if path.is_dir() {
        return Err(WriteError::IsDirectory {
            path: path.to_path_buf(),
        });
    }
    if path.exists() && inputs.iter().any(|i| same_file(path, i)) {
        return Err(WriteError::WouldOverwriteInput {
            path: path.to_path_buf(),
        });
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    // The temp file is deleted on drop: every early return cleans up.
    let mut tmp = tempfile::Builder::new()
        .prefix(".crosscheck-")
        .suffix(".tmp")
        .tempfile_in(&dir)
        .map_err(io)?;
    tmp.write_all(bytes).map_err(io)?;
    tmp.as_file().sync_all().map_err(io)?;
    tmp.persist(path).map_err(|e| io(e.error))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn writes_and_replaces_atomically() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("report.json");
        write_atomic(&out, b"first", &[]).unwrap();
        write_atomic(&out, b"second", &[]).unwrap();
        assert_eq!(std::fs::read(&out).unwrap(), b"second");
        assert_eq!(entries(dir.path()), ["report.json"]);
    }

    #[test]
    fn never_overwrites_an_input() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("article.txt");
        std::fs::write(&input, "original").unwrap();
        // Same file through another spelling of the path.
        let sneaky = dir.path().join(".").join("article.txt");
        let err = write_atomic(&sneaky, b"oops", std::slice::from_ref(&input)).unwrap_err();
        assert!(matches!(err, WriteError::WouldOverwriteInput { .. }));
        assert!(err.to_string().contains("article.txt"));
        assert_eq!(std::fs::read_to_string(&input).unwrap(), "original");
        assert_eq!(entries(dir.path()), ["article.txt"]);
    }

    #[cfg(unix)]
    #[test]
    fn never_overwrites_a_hard_link_to_an_input() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("article.txt");
        std::fs::write(&input, "original").unwrap();
        let link = dir.path().join("link.txt");
        std::fs::hard_link(&input, &link).unwrap();
        assert!(write_atomic(&link, b"oops", std::slice::from_ref(&input)).is_err());
        assert_eq!(std::fs::read_to_string(&input).unwrap(), "original");
    }

    #[test]
    fn failure_leaves_nothing_behind() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("no-such-dir").join("report.json");
        let err = write_atomic(&missing, b"data", &[]).unwrap_err();
        assert!(err.to_string().contains("no-such-dir"), "{err}");
        assert!(!missing.exists());
        assert!(entries(dir.path()).is_empty());
        // A directory as target.
        let err = write_atomic(dir.path(), b"data", &[]).unwrap_err();
        assert!(matches!(err, WriteError::IsDirectory { .. }));
    }

    #[cfg(unix)]
    #[test]
    fn read_only_directory_leaves_no_partial_file() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let ro = dir.path().join("ro");
        std::fs::create_dir(&ro).unwrap();
        std::fs::write(ro.join("old.json"), "old").unwrap();
        std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o555)).unwrap();
        let target = ro.join("old.json");
        let res = write_atomic(&target, b"new", &[]);
        std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o755)).unwrap();
        // Root can write anywhere; the property that matters holds either way.
        if res.is_err() {
            assert_eq!(std::fs::read_to_string(&target).unwrap(), "old");
        }
        assert_eq!(entries(&ro), ["old.json"]);
    }
}
