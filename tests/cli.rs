//! The command line as a user meets it: exit codes, messages naming the
//! file, piped output, exports written atomically.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn bin() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_crosscheck"));
    // Keep saved reviews of the developer's machine out of the tests.
    let data = std::env::temp_dir().join(format!("crosscheck-cli-test-{}", std::process::id()));
    cmd.env("CROSSCHECK_DATA_DIR", data);
    cmd.env_remove("NO_COLOR");
    cmd
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("run crosscheck")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

const ARTICLE_A: &str = "Storm hits coast\n\nA storm killed 12 people on Monday, officials said.\n";
const ARTICLE_B: &str =
    "Coastal storm\n\nThe storm killed at least 15 people, police said on Tuesday.\n";

#[test]
fn help_documents_exit_codes_and_version_prints() {
    let o = run(&["--help"]);
    assert!(o.status.success());
    let out = stdout(&o);
    assert!(out.contains("Exit status"), "{out}");
    assert!(out.contains("2  bad usage or unreadable input"), "{out}");
    let o = run(&["--version"]);
    assert!(o.status.success());
    assert!(stdout(&o).starts_with("crosscheck "));
}

#[test]
fn piped_without_arguments_prints_the_markdown_report_of_the_seeds() {
    let o = run(&[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.starts_with("# "), "{out}");
    for seed in [
        "000_0b2b0a246d65c953",
        "001_e92089c36fa5833b",
        "002_bb0def335cd299fa",
    ] {
        assert!(
            out.contains(&seed.replace('_', "\\_")) || out.contains(seed),
            "{seed} missing"
        );
    }
}

#[test]
fn missing_path_is_exit_2_naming_the_file() {
    let o = run(&["export", "/definitely/not/here.txt"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("/definitely/not/here.txt"), "{err}");
    assert!(err.contains("no such file"), "{err}");
    assert!(o.stdout.is_empty());
}

#[test]
fn empty_binary_and_articleless_inputs_are_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let empty = write(dir.path(), "empty.txt", b"  \n\n");
    let binary = write(dir.path(), "blob.txt", b"ab\0cd\0\x01\x02");
    let nothing = dir.path().join("nothing");
    std::fs::create_dir(&nothing).unwrap();
    write(&nothing, "notes.csv", b"a,b\n");
    for (path, word) in [
        (&empty, "empty"),
        (&binary, "binary"),
        (&nothing, "no articles"),
    ] {
        let o = run(&["export", path.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(2), "{}", path.display());
        let err = stderr(&o);
        assert!(err.contains(&path.display().to_string()), "{err}");
        assert!(err.contains(word), "{err}");
    }
}

#[test]
fn bad_usage_is_exit_2() {
    assert_eq!(run(&["export", "--format", "pdf"]).status.code(), Some(2));
    let o = run(&["export", "--verdict", "maybe"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("unknown verdict 'maybe'"),
        "{}",
        stderr(&o)
    );
    assert_eq!(run(&["--no-such-flag"]).status.code(), Some(2));
}

#[test]
fn invalid_utf8_is_replaced_with_a_warning_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(
        dir.path(),
        "a.txt",
        b"Headline\n\nA storm killed 12 people \xff\xfe on Monday.\n",
    );
    let o = run(&["export", a.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("warning") && err.contains("a.txt"), "{err}");
    assert!(err.to_lowercase().contains("utf-8"), "{err}");
}

#[test]
fn export_json_follows_the_report_contract() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.txt", ARTICLE_A.as_bytes());
    let b = write(dir.path(), "b.txt", ARTICLE_B.as_bytes());
    let o = run(&[
        "export",
        "--format",
        "json",
        a.to_str().unwrap(),
        b.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("stdout is JSON");
    assert_eq!(v["format"], "crosscheck-report");
    assert_eq!(v["version"], 1);
    let sources = v["sources"].as_array().unwrap();
    assert_eq!(sources.len(), 2);
    assert_eq!(sources[0]["id"], "S1");
    assert_eq!(sources[0]["title"], "Storm hits coast");
    let killed: Vec<_> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["topic"] == "killed")
        .collect();
    assert_eq!(killed.len(), 1, "{killed:?}");
    assert_eq!(killed[0]["verdict"], "conflict");
    assert_eq!(
        killed[0]["compatible"], false,
        "12 vs at least 15 do not overlap"
    );
    let values: Vec<_> = killed[0]["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["value"].as_f64().unwrap())
        .collect();
    assert_eq!(values, vec![12.0, 15.0]);
}

#[test]
fn export_filters_by_verdict_and_topic() {
    let o = run(&["export", "--verdict", "partial"]);
    assert!(o.status.success());
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let findings = v["findings"].as_array().unwrap();
    assert!(!findings.is_empty(), "the seeds disagree on backers");
    assert!(findings.iter().all(|f| f["verdict"] == "partial"));
    let o = run(&["export", "--topic", "age,year"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let findings = v["findings"].as_array().unwrap();
    assert!(!findings.is_empty());
    assert!(
        findings
            .iter()
            .all(|f| f["topic"] == "age" || f["topic"] == "year")
    );
}

#[test]
fn export_to_file_is_atomic_and_never_overwrites_an_input() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.txt", ARTICLE_A.as_bytes());
    let b = write(dir.path(), "b.txt", ARTICLE_B.as_bytes());
    let out = dir.path().join("report.csv");
    let o = run(&[
        "export",
        "-f",
        "csv",
        "-o",
        out.to_str().unwrap(),
        a.to_str().unwrap(),
        b.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(o.stdout.is_empty());
    let csv = std::fs::read_to_string(&out).unwrap();
    assert!(
        csv.lines().count() >= 3,
        "header and one row per claim: {csv}"
    );

    let o = run(&[
        "export",
        "-o",
        a.to_str().unwrap(),
        a.to_str().unwrap(),
        b.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("refusing to overwrite an input"),
        "{}",
        stderr(&o)
    );
    assert_eq!(
        std::fs::read_to_string(&a).unwrap(),
        ARTICLE_A,
        "input untouched"
    );

    let o = run(&[
        "export",
        "-o",
        dir.path().join("no/such/dir/r.json").to_str().unwrap(),
        a.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    let mut names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["a.txt", "b.txt", "report.csv"],
        "no stray temporary files"
    );
}

#[test]
fn directory_input_loads_articles_sorted_by_name() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "b.txt", ARTICLE_B.as_bytes());
    write(
        dir.path(),
        "a.md",
        b"# Storm hits coast\n\nA storm *killed* 12 people on Monday.\n",
    );
    write(dir.path(), "ignored.json", b"{}");
    let o = run(&["export", dir.path().to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let names: Vec<_> = v["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            s["path"]
                .as_str()
                .unwrap()
                .rsplit('/')
                .next()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(names, ["a.md", "b.txt"]);
}

#[test]
fn claims_lists_what_was_understood() {
    let o = run(&["claims"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("killed 21"), "{out}");
    let o = run(&["claims", "--format", "json"]);
    assert!(o.status.success());
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("claims JSON");
    assert!(v.is_array() || v.is_object());
}
