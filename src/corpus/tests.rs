//! Loader tests: errors, decoding, sanitising, front matter, formats,
//! directories, seeds.

use std::fs;
use std::path::{Path, PathBuf};

use super::*;

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    fs::write(&p, bytes).unwrap();
    p
}

fn load_one(dir: &Path, name: &str, bytes: &[u8]) -> Source {
    let p = write(dir, name, bytes);
    let mut v = load_paths(&[p]).expect("loads");
    assert_eq!(v.len(), 1);
    v.remove(0)
}

/// Every sentence lies on char boundaries, inside its paragraph, trimmed,
/// and sentences are non-overlapping and increasing.
fn check_invariants(s: &Source) {
    let mut prev_end = 0;
    for (i, p) in s.paragraphs.iter().enumerate() {
        assert!(
            p.start < p.end && p.end <= s.text.len(),
            "{}: para {i}",
            s.id
        );
        assert!(s.text.is_char_boundary(p.start) && s.text.is_char_boundary(p.end));
        assert!(p.start >= prev_end, "{}: paragraphs overlap", s.id);
        prev_end = p.end;
    }
    let mut prev_end = 0;
    for (i, sent) in s.sentences.iter().enumerate() {
        let sp = &sent.span;
        assert!(sp.start < sp.end, "{}: empty sentence {i}", s.id);
        assert!(s.text.is_char_boundary(sp.start) && s.text.is_char_boundary(sp.end));
        assert!(sp.start >= prev_end, "{}: sentence {i} overlaps", s.id);
        let para = &s.paragraphs[sent.paragraph];
        assert!(
            para.start <= sp.start && sp.end <= para.end,
            "{}: sentence {i} outside paragraph",
            s.id
        );
        let t = &s.text[sp.clone()];
        assert_eq!(t, t.trim(), "{}: sentence {i} untrimmed", s.id);
        prev_end = sp.end;
    }
}

#[test]
fn seeds_load_with_titles_and_sentences() {
    let seeds = load_seeds();
    assert_eq!(seeds.len(), 3);
    for (i, s) in seeds.iter().enumerate() {
        assert_eq!(s.id, format!("S{}", i + 1));
        assert!(s.path.starts_with("seeds"), "{:?}", s.path);
        assert_eq!(s.format, Format::Text);
        assert!(
            !s.title.is_empty() && s.title.chars().count() <= 121,
            "{}",
            s.title
        );
        assert!(
            s.sentences.len() >= 10,
            "{}: {} sentences",
            s.id,
            s.sentences.len()
        );
        assert!(s.words > 300, "{}: {} words", s.id, s.words);
        assert!(s.warnings.is_empty());
        check_invariants(s);
    }
    let mut names: Vec<&str> = seeds.iter().map(|s| s.name.as_str()).collect();
    let sorted = {
        let mut n = names.clone();
        n.sort();
        n
    };
    assert_eq!(names, sorted);
    names.dedup();
    assert_eq!(names.len(), 3);
    assert_eq!(
        seeds[2].title,
        "A US citizen wants to overthrow a US-backed government in Libya. Here's why",
        "the headline, not the page furniture above it, is the title"
    );
    // The second seed is one paragraph per line with no blank lines.
    assert!(seeds[1].paragraphs.len() >= 2);
}

#[test]
fn one_plain_text_source() {
    let dir = tempfile::tempdir().unwrap();
    let s = load_one(
        dir.path(),
        "wire.txt",
        b"Dam bursts upstream\n\nWater reached the town at dawn. Two people died.\n",
    );
    assert_eq!(s.id, "S1");
    assert_eq!(s.name, "wire");
    assert_eq!(s.title, "Dam bursts upstream");
    assert_eq!(s.paragraphs.len(), 2);
    assert_eq!(s.sentences.len(), 3);
    assert_eq!(s.sentence_text(2), "Two people died.");
    assert_eq!(s.words, 12);
    let loc = s.locate(s.sentences[2].span.start);
    assert_eq!((loc.line, loc.column), (3, 33));
}

#[test]
fn missing_path() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("nope.txt");
    let err = load_paths(std::slice::from_ref(&p)).unwrap_err();
    assert!(
        matches!(&err, LoadError::Missing { path } if *path == p),
        "{err:?}"
    );
    assert!(err.to_string().contains("nope.txt"));
}

#[test]
fn directory_without_articles() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "notes.csv", b"a,b\n");
    write(dir.path(), "image.png", b"\x89PNG");
    let err = load_paths(&[dir.path().to_path_buf()]).unwrap_err();
    assert!(matches!(err, LoadError::EmptyDir { .. }), "{err:?}");
    assert!(err.to_string().contains(&*dir.path().to_string_lossy()));
}

#[test]
fn empty_and_whitespace_only_files() {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in [("empty.txt", &b""[..]), ("blank.txt", b"  \n\t\r\n \n")] {
        let p = write(dir.path(), name, bytes);
        let err = load_paths(&[p]).unwrap_err();
        assert!(matches!(err, LoadError::Empty { .. }), "{name}: {err:?}");
        assert!(err.to_string().contains(name));
    }
}

#[test]
fn binary_file() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "blob.txt", b"GIF89a\0\0\x01\x02text");
    let err = load_paths(&[p]).unwrap_err();
    assert!(matches!(err, LoadError::Binary { .. }), "{err:?}");
    assert!(err.to_string().contains("blob.txt"));
}

#[cfg(unix)]
#[test]
fn unreadable_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "secret.txt", b"Some text.");
    fs::set_permissions(&p, fs::Permissions::from_mode(0o000)).unwrap();
    if fs::read(&p).is_ok() {
        // Running as root: permissions are not enforced; nothing to test.
        return;
    }
    let err = load_paths(&[p]).unwrap_err();
    assert!(matches!(err, LoadError::Unreadable { .. }), "{err:?}");
    assert!(err.to_string().contains("secret.txt"));
}

#[test]
fn path_through_a_file_is_unreadable() {
    // "article.txt/part.txt": a file where a directory is expected.
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "article.txt", b"Text.");
    let p = file.join("part.txt");
    let err = load_paths(&[p]).unwrap_err();
    assert!(matches!(err, LoadError::Unreadable { .. }), "{err:?}");
    assert!(err.to_string().contains("part.txt"), "{err}");
}

#[cfg(unix)]
#[test]
fn symlink_loop_is_unreadable() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("loop.txt");
    std::os::unix::fs::symlink(&p, &p).unwrap();
    let err = load_paths(&[p]).unwrap_err();
    assert!(matches!(err, LoadError::Unreadable { .. }), "{err:?}");
    assert!(err.to_string().contains("loop.txt"));
}

#[cfg(unix)]
#[test]
fn hostile_file_names_are_neutralised() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "\u{1b}[2Jevil\nname.txt", b"Text here.");
    let s = load_paths(std::slice::from_ref(&p)).unwrap().remove(0);
    assert_eq!(s.name, "␛[2Jevil␤name");
    let missing = dir.path().join("gone\u{7}.txt");
    let err = load_paths(&[missing]).unwrap_err().to_string();
    assert!(err.contains("gone␇.txt"), "{err}");
    assert!(!err.chars().any(char::is_control), "{err:?}");
}

#[test]
fn front_matter_only_is_empty() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(
        dir.path(),
        "meta.md",
        b"---\ntitle: Nothing here\n---\n\n<!-- draft -->\n",
    );
    let err = load_paths(&[p]).unwrap_err();
    assert!(matches!(err, LoadError::Empty { .. }), "{err:?}");
}

#[test]
fn error_stops_at_first_bad_path() {
    let dir = tempfile::tempdir().unwrap();
    let good = write(dir.path(), "good.txt", b"Fine text.");
    let bad = write(dir.path(), "bad.txt", b"");
    let err = load_paths(&[good, bad]).unwrap_err();
    assert!(err.to_string().contains("bad.txt"), "{err}");
}

#[test]
fn dateline_fills_published() {
    let dir = tempfile::tempdir().unwrap();
    let s = load_one(
        dir.path(),
        "wire.txt",
        b"---\noutlet: wire\n---\nTrain derails near border\nUpdated 11/2/2021 8:15 PM\nA freight train derailed on Tuesday, officials said.\n",
    );
    assert_eq!(s.published.as_deref(), Some("11/2/2021 8:15 PM"));
    assert_eq!(s.dateline(), Some(1));
    let s = load_one(
        dir.path(),
        "fm.txt",
        b"---\npublished: 2021-11-03\n---\nTrain derails\nUpdated 11/2/2021 8:15 PM\nText.\n",
    );
    assert_eq!(
        s.published.as_deref(),
        Some("2021-11-03"),
        "front matter wins"
    );
    assert_eq!(s.dateline(), None);
}

#[test]
fn directory_where_file_expected_in_listing_is_skipped() {
    // A sub-directory named like an article is not an article.
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("folder.txt")).unwrap();
    write(dir.path(), "real.txt", b"Real text.");
    let v = load_paths(&[dir.path().to_path_buf()]).unwrap();
    assert_eq!(v.len(), 1);
    assert_eq!(v[0].name, "real");
}

#[test]
fn bom_stripped_and_columns_unaffected() {
    let dir = tempfile::tempdir().unwrap();
    let s = load_one(
        dir.path(),
        "bom.txt",
        "\u{feff}Hello there. Bye.".as_bytes(),
    );
    assert_eq!(s.text, "Hello there. Bye.");
    assert_eq!(s.title, "Hello there. Bye.");
    let loc = s.locate(13);
    assert_eq!((loc.offset, loc.line, loc.column), (16, 1, 14));
}

#[test]
fn crlf_normalised_and_located() {
    let dir = tempfile::tempdir().unwrap();
    let s = load_one(
        dir.path(),
        "crlf.txt",
        b"Line one.\r\nLine two.\r\n\r\nLine four.\r\n",
    );
    assert_eq!(s.text, "Line one.\nLine two.\n\nLine four.\n");
    let four = s.text.find("four").unwrap();
    let loc = s.locate(four);
    assert_eq!((loc.line, loc.column), (4, 6));
    assert_eq!(&s.origin.file_text[loc.offset..loc.offset + 4], "four");
}

#[test]
fn invalid_utf8_replaced_with_warning() {
    let dir = tempfile::tempdir().unwrap();
    let s = load_one(
        dir.path(),
        "latin1.txt",
        b"The caf\xe9 was closed. Nobody came.",
    );
    assert_eq!(s.text, "The caf\u{fffd} was closed. Nobody came.");
    assert_eq!(s.warnings.len(), 1);
    assert!(s.warnings[0].contains("UTF-8"), "{}", s.warnings[0]);
    // The replaced byte counts as one column.
    let loc = s.locate(s.text.find("Nobody").unwrap());
    assert_eq!((loc.line, loc.column), (1, 22));
}

#[test]
fn controls_and_escapes_neutralised() {
    let dir = tempfile::tempdir().unwrap();
    let s = load_one(
        dir.path(),
        "evil.txt",
        b"Title\x1b]0;owned\x07\n\nRed \x1b[31malert\x1b[0m now.\tTabbed\x08. \xe2\x80\xaeesrever\n",
    );
    assert!(
        !s.text.chars().any(|c| c.is_control() && c != '\n'),
        "{:?}",
        s.text
    );
    assert!(!s.text.contains('\u{202e}'));
    assert!(s.text.contains("␛[31malert␛[0m"), "{:?}", s.text);
    assert_eq!(s.title, "Title␛]0;owned␇");
    assert!(!s.title.chars().any(char::is_control));
    // Offsets after a substituted character still map to the right place.
    let at = s.text.find("now").unwrap();
    assert_eq!(&s.origin.file_text[s.locate(at).offset..][..3], "now");
}

#[test]
fn front_matter_fields_and_locations() {
    let dir = tempfile::tempdir().unwrap();
    let s = load_one(
        dir.path(),
        "fm.txt",
        b"---\ntitle: 'Bridge closed after crash'\noutlet: Daily Wire\npublished: 2021-06-01\nurl: https://example.test/x\nauthor: nobody\n---\nA truck hit the bridge.\nIt was closed for hours.\n",
    );
    assert_eq!(s.title, "Bridge closed after crash");
    assert_eq!(s.outlet.as_deref(), Some("Daily Wire"));
    assert_eq!(s.published.as_deref(), Some("2021-06-01"));
    assert_eq!(s.url.as_deref(), Some("https://example.test/x"));
    assert!(s.text.starts_with("A truck hit"), "{:?}", s.text);
    assert!(!s.text.contains("outlet"));
    let closed = s.text.find("closed").unwrap();
    let loc = s.locate(closed);
    assert_eq!((loc.line, loc.column), (9, 8));
    assert_eq!(s.sentences.len(), 2);
}

#[test]
fn front_matter_without_title_uses_first_line() {
    let dir = tempfile::tempdir().unwrap();
    let s = load_one(
        dir.path(),
        "fm.txt",
        b"---\r\noutlet: wire\r\n---\r\nMine collapse traps 12\r\nJune 3, 2022\r\nTwelve miners were trapped.\r\n",
    );
    assert_eq!(s.title, "Mine collapse traps 12");
    assert_eq!(s.outlet.as_deref(), Some("wire"));
    assert_eq!(s.paragraphs.len(), 3);
    let loc = s.locate(s.text.find("Twelve").unwrap());
    assert_eq!((loc.line, loc.column), (6, 1));
}

#[test]
fn page_furniture_line_is_not_the_title() {
    let dir = tempfile::tempdir().unwrap();
    let s = load_one(
        dir.path(),
        "web.txt",
        b"Subscribe to our newsletter\n\nFerry sinks off the coast\n\nA ferry sank on Friday.\n",
    );
    assert_eq!(s.title, "Ferry sinks off the coast");
    // A file made only of furniture still gets a title rather than nothing.
    let s = load_one(dir.path(), "only.txt", b"Sign up for alerts\n");
    assert_eq!(s.title, "Sign up for alerts");
}

#[test]
fn long_first_line_title_is_cut() {
    let dir = tempfile::tempdir().unwrap();
    let line = "word ".repeat(60);
    let s = load_one(dir.path(), "long.txt", line.as_bytes());
    assert!(s.title.chars().count() <= 121, "{}", s.title);
    assert!(s.title.ends_with('…'));
}

#[test]
fn directory_sorted_and_filtered_ids_across_paths() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "b.txt", b"Second file.");
    write(dir.path(), "a.md", b"First file.");
    write(
        dir.path(),
        "c.htm",
        b"<html><body><p>Third file.</p></body></html>",
    );
    write(dir.path(), "skip.json", b"{}");
    write(dir.path(), ".hidden.txt", b"Hidden.");
    let extra = tempfile::tempdir().unwrap();
    let single = write(
        extra.path(),
        "notes.log",
        b"Unknown extension, read as text.",
    );
    let v = load_paths(&[dir.path().to_path_buf(), single]).unwrap();
    let got: Vec<(&str, &str, Format)> = v
        .iter()
        .map(|s| (s.id.as_str(), s.name.as_str(), s.format))
        .collect();
    assert_eq!(
        got,
        [
            ("S1", "a", Format::Markdown),
            ("S2", "b", Format::Text),
            ("S3", "c", Format::Html),
            ("S4", "notes", Format::Text),
        ]
    );
}

#[test]
fn markdown_file_stripped_and_located() {
    let dir = tempfile::tempdir().unwrap();
    let s = load_one(
        dir.path(),
        "story.md",
        b"---\ntitle: Port strike ends\noutlet: Harbour News\n---\n# Port strike *ends*\n\n<!-- editor: check figures -->\nDock workers voted to end a **nine-day** strike, [the union](https://u.test) said.\n\n> \"We got a fair deal,\" said `Ana Ruiz`.\n\n- Ships resume loading on Monday.\n",
    );
    assert_eq!(s.format, Format::Markdown);
    assert_eq!(s.title, "Port strike ends");
    assert_eq!(s.outlet.as_deref(), Some("Harbour News"));
    for junk in ["#", "**", "](", "<!--", "editor", "`", "> "] {
        assert!(!s.text.contains(junk), "{junk:?} left in {:?}", s.text);
    }
    assert!(
        s.text
            .contains("Dock workers voted to end a nine-day strike, the union said.")
    );
    assert!(s.text.contains("\"We got a fair deal,\" said Ana Ruiz."));
    assert!(s.text.contains("• Ships resume"));
    let para_texts: Vec<&str> = s.paragraphs.iter().map(|p| &s.text[p.clone()]).collect();
    assert_eq!(para_texts[0], "Port strike ends");
    // "nine-day" is on line 8 of the file, after "Dock workers voted to end a **".
    let loc = s.locate(s.text.find("nine-day").unwrap());
    assert_eq!((loc.line, loc.column), (8, 31));
    let loc = s.locate(s.text.find("Ana Ruiz").unwrap());
    assert_eq!((loc.line, loc.column), (10, 31));
    check_invariants(&s);
}

#[test]
fn html_file_title_and_text() {
    let dir = tempfile::tempdir().unwrap();
    let html = r#"<html><head><title>Wildfire forces 3,000 to flee</title></head><body>
<div class="menu"><a href="/">Home</a></div>
<article><h1>Wildfire forces 3,000 to flee</h1>
<p>A wildfire driven by strong winds forced about 3,000 people to leave their homes on Tuesday, fire officials said, as crews struggled to contain the blaze in the hills.</p>
<p>&quot;We have never seen it move this fast,&quot; said fire chief Tom Hale. The fire had burned 4,500 hectares by evening, according to Gov. Rita Mays.</p>
<p>No deaths were reported. Two firefighters were treated for smoke inhalation &amp; released, officials said late on Tuesday night.</p>
</article></body></html>"#;
    let s = load_one(dir.path(), "fire.html", html.as_bytes());
    assert_eq!(s.format, Format::Html);
    assert_eq!(s.title, "Wildfire forces 3,000 to flee");
    assert!(!s.text.contains('<') && !s.text.contains("&quot;") && !s.text.contains("&amp;"));
    assert!(
        s.text
            .contains("\"We have never seen it move this fast,\" said fire chief Tom Hale.")
    );
    assert!(s.paragraphs.len() >= 3, "{:?}", s.paragraphs);
    let sents: Vec<&str> = (0..s.sentences.len()).map(|i| s.sentence_text(i)).collect();
    assert!(sents.contains(&"No deaths were reported."), "{sents:#?}");
    assert!(
        sents
            .iter()
            .any(|t| t.ends_with("according to Gov. Rita Mays.")),
        "{sents:#?}"
    );
    // Offsets for HTML point into the extracted text.
    let at = s.text.find("No deaths").unwrap();
    let loc = s.locate(at);
    assert_eq!(&s.origin.file_text[loc.offset..][..9], "No deaths");
    check_invariants(&s);
}

#[test]
fn html_entities_cannot_smuggle_escapes() {
    let dir = tempfile::tempdir().unwrap();
    let s = load_one(
        dir.path(),
        "trap.htm",
        b"<html><head><title>Bad&#7; title&#27;]0;x</title></head><body><p>Clear &#27;[2J screen and &#x202E;reverse&#x202C; text.</p></body></html>",
    );
    assert!(!s.title.chars().any(char::is_control), "{:?}", s.title);
    assert!(
        !s.text.chars().any(|c| c.is_control() && c != '\n'),
        "{:?}",
        s.text
    );
    assert!(s.text.contains("␛[2J"), "{:?}", s.text);
    assert!(!s.text.contains('\u{202e}'));
}

#[test]
fn hard_wrapped_file_joins_lines_into_paragraphs() {
    let dir = tempfile::tempdir().unwrap();
    let s = load_one(
        dir.path(),
        "wrapped.txt",
        b"Bridge reopens\n\nThe old bridge over the river reopened to traffic on Friday after\na two-year repair that cost the city about $40 million, the mayor\nsaid at a ribbon-cutting ceremony attended by several hundred\nresidents. Buses will use it from next week.\n\nThe bridge was closed in 2019 after engineers found cracks in two\nof its main supports during a routine inspection of the structure.\n",
    );
    assert_eq!(s.paragraphs.len(), 3);
    let sents: Vec<&str> = (0..s.sentences.len()).map(|i| s.sentence_text(i)).collect();
    assert_eq!(sents.len(), 4, "{sents:#?}");
    assert!(
        sents[1].starts_with("The old bridge") && sents[1].ends_with("several hundred\nresidents.")
    );
    assert_eq!(s.sentences[2].paragraph, 1);
    check_invariants(&s);
}

mod properties {
    use proptest::prelude::*;

    use super::check_invariants;
    use crate::corpus::{Format, load};

    /// Text made of news-ish pieces: words, abbreviations, punctuation,
    /// quotes, controls, line breaks, multi-byte characters.
    fn newsish() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("Mr.".to_string()),
            Just("U.S.".to_string()),
            Just("U. S.".to_string()),
            Just("a. m.".to_string()),
            Just("J.".to_string()),
            Just("6.1".to_string()),
            Just("...".to_string()),
            Just("…".to_string()),
            Just("\"".to_string()),
            Just("“".to_string()),
            Just("”".to_string()),
            Just("’".to_string()),
            Just("?".to_string()),
            Just("!".to_string()),
            Just(".".to_string()),
            Just(" ".to_string()),
            Just("\n".to_string()),
            Just("\n\n".to_string()),
            Just("\r\n".to_string()),
            Just("\t".to_string()),
            Just("\u{1b}[1m".to_string()),
            Just("\u{202e}".to_string()),
            Just("**".to_string()),
            Just("[x](y)".to_string()),
            Just("# ".to_string()),
            Just("> ".to_string()),
            Just("<!--".to_string()),
            Just("-->".to_string()),
            Just("<p>".to_string()),
            Just("---\n".to_string()),
            "[A-Za-z]{1,9}",
            "[0-9]{1,4}",
            "\\PC{1,3}",
        ];
        prop::collection::vec(piece, 1..60).prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn any_text_loads_with_valid_spans(text in newsish(), fmt in 0..3u8) {
            let format = [Format::Text, Format::Markdown, Format::Html][fmt as usize];
            if let Ok(s) = load::build("S1".into(), "x".into(), format, text.as_bytes()) {
                check_invariants(&s);
                prop_assert!(!s.text.chars().any(|c| c.is_control() && c != '\n'));
                for i in 0..=s.text.len() {
                    if s.text.is_char_boundary(i) {
                        let loc = s.locate(i);
                        prop_assert!(loc.offset <= s.origin.file_text.len());
                        prop_assert!(loc.line >= 1 && loc.column >= 1);
                    }
                }
                // Letters and digits are always copied verbatim, so each maps
                // back to the same character in the file (HTML: extracted text).
                for (i, c) in s.text.char_indices().filter(|(_, c)| c.is_ascii_alphanumeric()) {
                    let loc = s.locate(i);
                    prop_assert_eq!(s.origin.file_text[loc.offset..].chars().next(), Some(c));
                    let line = s.origin.file_text.split('\n').nth(loc.line - 1).unwrap();
                    let line = line.trim_start_matches('\u{feff}');
                    prop_assert_eq!(line.chars().nth(loc.column - 1), Some(c));
                }
            }
        }

        #[test]
        fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
            if let Ok(s) = load::build("S1".into(), "x".into(), Format::Text, &bytes) {
                check_invariants(&s);
            }
        }
    }
}

#[test]
fn hostile_inputs_load_in_linear_time() {
    // Each pattern would take minutes with a quadratic scan.
    let n = 60_000;
    let inputs = [
        (Format::Text, "a. ".repeat(n)),
        (Format::Text, "U.S. ".repeat(n)),
        (Format::Text, "x.\" ".repeat(n)),
        (Format::Text, "a. ".to_string() + &"\" ".repeat(n)),
        (Format::Markdown, "[".repeat(3 * n)),
        (Format::Markdown, "[a](".repeat(n)),
        (Format::Markdown, "<a".repeat(n)),
        (Format::Markdown, "*_`a".repeat(n)),
        (Format::Text, "word ".repeat(n) + &"\n".repeat(n)),
    ];
    let started = std::time::Instant::now();
    for (format, text) in inputs {
        let s = load::build("S1".into(), "x".into(), format, text.as_bytes()).unwrap();
        check_invariants(&s);
    }
    let took = started.elapsed();
    assert!(took.as_secs() < 20, "took {took:?}");
}
