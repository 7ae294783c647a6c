//! The README is part of the interface: its set-up commands and its key
//! table must stay true to the project.

const README: &str = include_str!("../README.md");
const KEYMAP: &str = include_str!("../assets/keymap.toml");

#[test]
fn readme_has_exactly_the_two_set_up_commands() {
    assert!(README.contains("cargo run --release"));
    assert!(README.contains("cargo test"));
    let setup = README
        .split("## Set up")
        .nth(1)
        .and_then(|s| s.split("\n## ").next())
        .expect("a Set up section");
    let commands: Vec<&str> = setup
        .lines()
        .filter(|l| l.starts_with("cargo "))
        .map(|l| l.split('#').next().unwrap().trim())
        .collect();
    assert_eq!(commands, ["cargo run --release", "cargo test"]);
}

#[test]
fn readme_key_table_names_every_action_of_the_default_key_map() {
    let table: toml::Table = KEYMAP.parse().expect("assets/keymap.toml parses");
    assert!(table.len() > 20, "the key map lists its actions");
    for action in table.keys() {
        // focus_1..focus_9 are listed as a range.
        if action.starts_with("focus_") && action != "focus_next" && action != "focus_prev" {
            continue;
        }
        assert!(
            README.contains(&format!("`{action}`")),
            "README's key table does not mention `{action}`"
        );
    }
}
