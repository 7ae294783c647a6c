//! Report tests on a hand-written mini analysis: golden files of the three
//! formats, determinism, filters, reviews.

use super::*;
use crate::claims::{Bound, Claim, Topic};
use crate::compare::testkit::{claim, num, source, text};
use crate::corpus::Source;

const WIRE: &str = "Gunfire echoed across the southern suburbs of the capital on Friday as forces loyal to the commander pushed toward the old airport, residents said.";

fn mini() -> Analysis {
    let sources: Vec<Source> = vec![
        source(
            0,
            "harbour_gazette",
            &format!(
                "Clashes kill 21 near capital\n\nFighting near the capital has killed 21 people and wounded 27, the health ministry said. Prime Minister Fayez al-Serraj called for a truce.\n\n{WIRE}"
            ),
        ),
        source(
            1,
            "evening_courier_international_edition",
            "At least 25 dead in battle for capital\n\nAt least 25 people have died in the battle for the capital. Fayez al-Sarraj, who heads the government, urged calm. Egypt and the UAE back the *commander* [sic] | officials say. The old airport closed.",
        ),
        source(
            2,
            "wire_copy",
            &format!(
                "{WIRE}\n\nThe commander is backed by France, the UAE and Egypt. The toll stands at 21 dead."
            ),
        ),
    ];
    let mut claims: Vec<Claim> = vec![
        claim(0, &sources[0], "kill 21", Topic::Killed, num(21.0)),
        claim(0, &sources[0], "killed 21", Topic::Killed, num(21.0)),
        claim(0, &sources[0], "wounded 27", Topic::Wounded, num(27.0)),
        claim(
            0,
            &sources[0],
            "Fayez al-Serraj",
            Topic::Name,
            text("Fayez al-Serraj"),
        ),
        claim(1, &sources[1], "At least 25 dead", Topic::Killed, num(25.0)),
        claim(
            1,
            &sources[1],
            "At least 25 people have died",
            Topic::Killed,
            num(25.0),
        ),
        claim(
            1,
            &sources[1],
            "Fayez al-Sarraj",
            Topic::Name,
            text("Fayez al-Sarraj"),
        ),
        claim(1, &sources[1], "Egypt", Topic::Backers, text("Egypt")),
        claim(
            1,
            &sources[1],
            "UAE",
            Topic::Backers,
            text("United Arab Emirates"),
        ),
        claim(2, &sources[2], "France", Topic::Backers, text("France")),
        claim(
            2,
            &sources[2],
            "UAE",
            Topic::Backers,
            text("United Arab Emirates"),
        ),
        claim(2, &sources[2], "Egypt", Topic::Backers, text("Egypt")),
        claim(2, &sources[2], "21 dead", Topic::Killed, num(21.0)),
    ];
    for c in &mut claims {
        if c.topic == Topic::Backers {
            c.subject = Some("the commander".into());
        }
        if c.source == 1 && c.topic == Topic::Killed {
            c.bound = Bound::AtLeast;
        }
    }
    Analysis::compare(sources, claims)
}

fn reviews(a: &Analysis) -> Reviews {
    let mut r = Reviews::new();
    r.insert(
        a.findings[0].key.clone(),
        Review {
            status: Some(ReviewStatus::Confirmed),
            note: Some("ministry figure vs hospital *sources*".into()),
        },
    );
    r
}

#[test]
fn json_matches_contract() {
    let a = mini();
    let out = render(&a, &reviews(&a), &Filter::default(), ExportFormat::Json);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["format"], "crosscheck-report");
    assert_eq!(v["version"], 1);
    assert_eq!(v["sources"].as_array().unwrap().len(), 3);
    let f1 = &v["findings"][0];
    assert_eq!(f1["id"], "F1");
    assert_eq!(f1["verdict"], "conflict");
    assert_eq!(f1["topic"], "killed");
    assert_eq!(f1["compatible"], false);
    assert_eq!(f1["review"]["status"], "confirmed");
    let c0 = &f1["claims"][0];
    assert_eq!(c0["source"], "S1");
    assert_eq!(c0["value"], 21);
    assert_eq!(c0["bound"], "exact");
    assert_eq!(c0["text"], "kill 21");
    // Offsets point at the claim in the file.
    let start = c0["start"].as_u64().unwrap() as usize;
    let end = c0["end"].as_u64().unwrap() as usize;
    assert_eq!(&a.sources[0].origin.file_text[start..end], "kill 21");
    assert_eq!(c0["line"], 1);
    assert_eq!(c0["column"], start + 1);
    assert_eq!(v["shared_copy"][0][0], "S1");
    assert_eq!(v["shared_copy"][0][1], "S3");
    insta::assert_snapshot!("mini_json", out);
}

#[test]
fn csv_golden() {
    let a = mini();
    let out = render(&a, &reviews(&a), &Filter::default(), ExportFormat::Csv);
    let mut rd = csv::Reader::from_reader(out.as_bytes());
    let rows = rd.records().count();
    assert_eq!(
        rows,
        a.findings.iter().map(|f| f.claims.len()).sum::<usize>()
    );
    insta::assert_snapshot!("mini_csv", out);
}

#[test]
fn markdown_golden() {
    let a = mini();
    let out = render(&a, &reviews(&a), &Filter::default(), ExportFormat::Md);
    // Conflicts come before unique and agree sections.
    let d = out.find("## Discrepancies").unwrap();
    let u = out.find("## Only one source").unwrap();
    assert!(d < u);
    assert!(
        out.contains("  > Egypt and the UAE back the \\*commander\\* \\[sic\\] \\| officials say.")
    );
    assert!(out.contains("Shared copy: S1 and S3"));
    insta::assert_snapshot!("mini_md", out);
}

#[test]
fn rendering_is_deterministic() {
    for fmt in [ExportFormat::Json, ExportFormat::Csv, ExportFormat::Md] {
        let a = mini();
        let b = mini();
        let r = reviews(&a);
        assert_eq!(
            render(&a, &r, &Filter::default(), fmt),
            render(&b, &r, &Filter::default(), fmt)
        );
    }
}

#[test]
fn filters_keep_ids() {
    let a = mini();
    let all = build(&a, &Reviews::new(), &Filter::default());
    let only = build(
        &a,
        &Reviews::new(),
        &Filter {
            verdicts: vec![Verdict::Variant],
            topics: vec![],
        },
    );
    assert_eq!(only.findings.len(), 1);
    let same = all
        .findings
        .iter()
        .find(|f| f.verdict == "variant")
        .unwrap();
    assert_eq!(only.findings[0].id, same.id);
    let topic = build(
        &a,
        &Reviews::new(),
        &Filter {
            verdicts: vec![],
            topics: vec![Topic::Backers],
        },
    );
    assert!(topic.findings.iter().all(|f| f.topic == "backers"));
    assert_eq!(topic.findings.len(), 1);
    assert_eq!(topic.findings[0].verdict, "partial");
}

/// Golden files of the three formats on the bundled seeds (full pipeline).
#[test]
fn seeds_golden() {
    let a = crate::analyze(crate::corpus::load_seeds());
    assert_eq!(a.sources.len(), 3);
    let none = Reviews::new();
    let all = Filter::default();
    let json = render(&a, &none, &all, ExportFormat::Json);
    // Every claim's offsets point at its text in the file.
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    for f in v["findings"].as_array().unwrap() {
        for c in f["claims"].as_array().unwrap() {
            let s = c["source"].as_str().unwrap();
            let src = a.sources.iter().find(|x| x.id == s).unwrap();
            let (st, en) = (
                c["start"].as_u64().unwrap() as usize,
                c["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(&src.origin.file_text[st..en], c["text"].as_str().unwrap());
        }
    }
    insta::assert_snapshot!("seeds_json", json);
    insta::assert_snapshot!("seeds_csv", render(&a, &none, &all, ExportFormat::Csv));
    insta::assert_snapshot!("seeds_md", render(&a, &none, &all, ExportFormat::Md));
}

/// Converted figures keep full precision in JSON but read as a reporter
/// would write them in Markdown.
#[test]
fn markdown_rounds_converted_figures() {
    let sources = vec![source(
        0,
        "valley_post",
        "The landslide buried the road 34 miles north of the dam.",
    )];
    let mut c = claim(
        0,
        &sources[0],
        "34 miles",
        Topic::Distance,
        num(34.0 * 1.609344),
    );
    c.unit = Some("km".into());
    c.original = Some("34 miles".into());
    let claims = vec![c];
    let a = Analysis::compare(sources, claims);
    let md = render(&a, &Reviews::new(), &Filter::default(), ExportFormat::Md);
    assert!(md.contains("`54.72 km`"), "{md}");
    let json = render(&a, &Reviews::new(), &Filter::default(), ExportFormat::Json);
    assert!(json.contains("54.71769"), "{json}");
}
