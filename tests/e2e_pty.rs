//! End to end: the real binary in a pseudo-terminal (160x45), driven with
//! keys, its screen read back through a vt100 parser.

use std::io::{Read, Write};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};

const ROWS: u16 = 45;
const COLS: u16 = 160;
const WAIT: Duration = Duration::from_secs(20);

struct Session {
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    output: Receiver<Vec<u8>>,
    parser: vt100::Parser,
    raw: Vec<u8>,
    _home: Option<tempfile::TempDir>,
}

impl Session {
    fn start() -> Session {
        let config = tempfile::tempdir().unwrap();
        let mut session = Session::start_in(config.path());
        session._home = Some(config);
        session
    }

    /// Start with `home` as HOME, config and data directory.
    fn start_in(home: &std::path::Path) -> Session {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_crosscheck"));
        cmd.cwd(env!("CARGO_MANIFEST_DIR"));
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        // No user key map may change the keys under test; review marks go
        // to a scratch directory.
        cmd.env("XDG_CONFIG_HOME", home);
        cmd.env("HOME", home);
        cmd.env("CROSSCHECK_DATA_DIR", home);
        let child = pty.slave.spawn_command(cmd).expect("spawn crosscheck");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().unwrap();
        let writer = pty.master.take_writer().unwrap();
        let (tx, output) = channel();
        std::thread::spawn(move || {
            // Keep the master alive as long as we read from it.
            let _master = pty.master;
            let mut buf = [0u8; 8192];
            loop {
                match reader.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => {
                        if tx.send(buf[..n].to_vec()).is_err() {
                            break;
                        }
                    }
                }
            }
        });
        Session {
            child,
            writer,
            output,
            parser: vt100::Parser::new(ROWS, COLS, 0),
            raw: Vec::new(),
            _home: None,
        }
    }

    fn screen(&self) -> String {
        self.parser.screen().contents()
    }

    /// Feed output to the parser until the screen text satisfies `done`.
    fn wait_for(&mut self, what: &str, done: impl Fn(&str) -> bool) {
        self.wait_until(what, |screen| done(&screen.contents()));
    }

    /// Feed output to the parser until `done` holds or the time is up.
    fn wait_until(&mut self, what: &str, done: impl Fn(&vt100::Screen) -> bool) {
        let deadline = Instant::now() + WAIT;
        while !done(self.parser.screen()) {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.output.recv_timeout(left.max(Duration::from_millis(1))) {
                Ok(bytes) => {
                    self.parser.process(&bytes);
                    self.raw.extend_from_slice(&bytes);
                }
                Err(RecvTimeoutError::Timeout) if Instant::now() < deadline => {}
                Err(e) => {
                    let _ = self.child.kill();
                    panic!("waiting for {what}: {e:?}; screen:\n{}", self.screen());
                }
            }
        }
    }

    fn press(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Wait for the child to exit, draining output; kill it on timeout.
    fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let deadline = Instant::now() + WAIT;
        loop {
            while let Ok(bytes) = self.output.recv_timeout(Duration::from_millis(20)) {
                self.parser.process(&bytes);
                self.raw.extend_from_slice(&bytes);
            }
            if let Some(status) = self.child.try_wait().unwrap() {
                // Collect what is still in flight.
                while let Ok(bytes) = self.output.recv_timeout(Duration::from_millis(200)) {
                    self.parser.process(&bytes);
                    self.raw.extend_from_slice(&bytes);
                }
                return status;
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!("crosscheck did not exit; screen:\n{}", self.screen());
            }
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
        }
    }
}

/// The text of the k-th of three columns (160 / 3 = 53 cells each).
fn column_text(screen: &vt100::Screen, k: u16) -> String {
    screen.rows(k * 53, 53).collect::<Vec<_>>().join("\n")
}

/// The first two words of each seed's first paragraph: on screen at start.
fn seed_openings() -> Vec<String> {
    let seeds = crosscheck::corpus::load_seeds();
    assert_eq!(seeds.len(), 3, "three bundled seeds");
    seeds
        .iter()
        .map(|s| {
            let p = s.paragraphs[0].clone();
            s.text[p]
                .split_whitespace()
                .take(2)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

#[test]
fn reader_starts_navigates_shows_help_and_quits_cleanly() {
    let openings = seed_openings();
    let mut s = Session::start();
    s.wait_for("the three seeds", |screen| {
        openings.iter().all(|o| screen.contains(o.as_str())) && screen.contains("mouse: off")
    });
    assert!(
        s.parser.screen().alternate_screen(),
        "reader uses the alternate screen"
    );
    assert!(
        s.screen().contains("▶1 S1"),
        "first column focused:\n{}",
        s.screen()
    );

    s.press("\t");
    s.wait_for("focus on column 2", |screen| screen.contains("▶2 S2"));

    let before = s.screen();
    s.press("j");
    s.wait_for("a scroll", |screen| screen != before);
    assert!(s.screen().contains("▶2 S2"));

    // M turns mouse capture on; a wheel event (SGR encoding) over the
    // third column scrolls it.
    s.press("M");
    s.wait_for("mouse on", |screen| screen.contains("mouse: on"));
    let raw = String::from_utf8_lossy(&s.raw).into_owned();
    assert!(raw.contains("\x1b[?1000h"), "mouse capture enabled");
    s.press("s"); // sync off, so only the column under the pointer moves
    s.wait_for("sync off", |screen| screen.contains("sync: off"));
    let columns_before: Vec<String> = (0..3).map(|k| column_text(s.parser.screen(), k)).collect();
    s.press("\x1b[<65;130;20M");
    s.wait_until("a wheel scroll", |screen| {
        column_text(screen, 2) != columns_before[2]
    });
    assert_eq!(
        column_text(s.parser.screen(), 0),
        columns_before[0],
        "only column 3 moved"
    );
    assert_eq!(
        column_text(s.parser.screen(), 1),
        columns_before[1],
        "only column 3 moved"
    );

    s.press("?");
    // The help lists the key map (waiting for its last line: frames may
    // arrive in pieces).
    s.wait_for("the help", |screen| {
        screen.contains("Help: keys") && screen.contains("mouse wheel capture on/off")
    });
    assert!(s.screen().contains("scroll down half a page"));

    // q closes the help first, then quits.
    s.press("q");
    s.wait_for("the help to close", |screen| !screen.contains("Help: keys"));
    s.press("q");
    let status = s.wait_exit();
    assert!(status.success(), "exit status {status:?}");
    assert!(
        !s.parser.screen().alternate_screen(),
        "alternate screen left"
    );
    let raw = String::from_utf8_lossy(&s.raw);
    assert!(
        raw.contains("\x1b[?1049l"),
        "leave-alternate-screen sequence sent"
    );
}

#[test]
fn findings_are_navigated_and_review_marks_persist() {
    let home = tempfile::tempdir().unwrap();
    let openings = seed_openings();
    let mut s = Session::start_in(home.path());
    s.wait_for("the three seeds", |screen| {
        openings.iter().all(|o| screen.contains(o.as_str())) && screen.contains("]/[ findings")
    });
    s.press("]");
    s.wait_for("the first finding", |screen| screen.contains("finding 1/"));
    s.press("+");
    s.wait_for("the mark", |screen| screen.contains("✓ confirmed"));
    // A note: letters are text while it is open (q does not quit), and the
    // cursor moves: "quickly" is typed first, then the start before it.
    s.press("i");
    s.wait_for("the note window", |screen| {
        screen.contains("Note on finding 1")
    });
    s.press("quickly");
    s.press("\x1b[H"); // Home
    s.press("Ask the ministry, ");
    s.wait_for("the typed note", |screen| {
        screen.contains("Ask the ministry, quickly")
    });
    s.press("\r");
    s.wait_for("the saved note", |screen| {
        !screen.contains("Note on finding 1") && screen.contains("✎ note")
    });
    s.press("q");
    assert!(s.wait_exit().success());
    let reviews: Vec<_> = std::fs::read_dir(home.path().join("reviews"))
        .expect("reviews directory written")
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(reviews.len(), 1, "{reviews:?}");
    let saved = std::fs::read_to_string(&reviews[0]).unwrap();
    assert!(saved.contains("\"confirmed\""), "{saved}");
    assert!(saved.contains("Ask the ministry, quickly"), "{saved}");

    // A second run shows the mark again.
    let mut s = Session::start_in(home.path());
    s.wait_for("the reader", |screen| screen.contains("]/[ findings"));
    s.press("]");
    s.wait_for("the saved mark and note", |screen| {
        screen.contains("finding 1/") && screen.contains("✓ confirmed ✎ note")
    });
    s.press("\x03"); // Ctrl-C quits at once
    assert!(s.wait_exit().success());
}

/// The status bar (last row).
fn status_bar(screen: &vt100::Screen) -> String {
    screen.rows(0, COLS).last().unwrap_or_default()
}

#[test]
fn stepping_to_the_backers_shows_each_sources_evidence() {
    let mut s = Session::start();
    s.wait_for("the reader", |screen| screen.contains("]/[ findings"));
    let mut found = false;
    for step in 1..=40 {
        s.press("]");
        let want = format!("finding {step}/");
        s.wait_until("the next finding", |screen| {
            status_bar(screen).contains(&want)
        });
        let bar = status_bar(s.parser.screen());
        if bar.contains("Backers") && bar.contains("Egypt") {
            found = true;
            break;
        }
    }
    assert!(found, "no backers finding; screen:\n{}", s.screen());
    let screen = s.parser.screen();
    let bar = status_bar(screen);
    assert!(bar.contains("finding ") && bar.contains('/'), "{bar}");
    // Every column scrolled to its own evidence: each shows "Egypt".
    for k in 0..3 {
        let column = column_text(screen, k);
        assert!(column.contains("Egypt"), "column {}:\n{column}", k + 1);
    }
    // The detail window lists each source's value and a word diff.
    s.press("\r");
    s.wait_for("the detail window", |screen| {
        screen.contains("Word diff S1 → S2")
    });
    s.press("\x1b");
    s.wait_for("the detail to close", |screen| {
        !screen.contains("Word diff")
    });
    s.press("q");
    assert!(s.wait_exit().success());
}

#[test]
fn export_dialog_writes_the_report_with_the_reviews() {
    let home = tempfile::tempdir().unwrap();
    let out = home.path().join("out.csv");
    let mut s = Session::start_in(home.path());
    s.wait_for("the reader", |screen| screen.contains("]/[ findings"));
    s.press("}");
    s.wait_for("a conflict", |screen| screen.contains("conflict 1/"));
    s.press("-");
    s.wait_for("the mark", |screen| screen.contains("✗ dismissed"));
    s.press("e");
    s.wait_for("the export dialog", |screen| {
        screen.contains("Export report") && screen.contains("crosscheck-report.json")
    });
    s.press("\t");
    s.wait_for("csv chosen", |screen| {
        screen.contains("crosscheck-report.csv")
    });
    // Replace the path: letters go to the field (e, q are text here).
    s.press(&"\x7f".repeat("crosscheck-report.csv".len()));
    s.press(&out.display().to_string());
    s.wait_for("the typed path", |screen| screen.contains("out.csv"));
    s.press("\r");
    s.wait_for("the confirmation", |screen| {
        screen.contains("Exported csv to")
    });
    let written = std::fs::read_to_string(&out).expect("report written");
    assert!(written.contains("dismissed"), "{written}");
    s.press("q");
    assert!(s.wait_exit().success());
}
