//! Table-driven tests of extraction on news-style sentences written for these tests.

use super::testutil;
use super::time::Date;
use super::*;

fn ctx() -> Context {
    Context::default()
}

/// (span text, topic, value, bound) of the claims of one topic family.
fn found(
    text: &str,
    c: &Context,
    pred: impl Fn(Topic) -> bool,
) -> Vec<(String, Topic, String, Bound)> {
    extract_sentence(text, c)
        .into_iter()
        .filter(|f| pred(f.topic))
        .map(|f| {
            (
                text[f.span.clone()].to_string(),
                f.topic,
                f.value.to_string(),
                f.bound,
            )
        })
        .collect()
}

fn people(text: &str) -> Vec<(String, Topic, String, Bound)> {
    found(text, &ctx(), Topic::is_people_count)
}

#[test]
fn people_counts_table() {
    use Bound::*;
    use Topic::*;
    type Case<'a> = (&'a str, &'a [(&'a str, Topic, &'a str, Bound)]);
    let cases: &[Case] = &[
        (
            "The blast killed at least five people near the port.",
            &[("killed at least five people", Killed, "5", AtLeast)],
        ),
        (
            "Twelve people were killed when the bridge fell.",
            &[("Twelve people were killed", Killed, "12", Exact)],
        ),
        (
            "Four people, two of them children, were killed.",
            &[(
                "Four people, two of them children, were killed",
                Killed,
                "4",
                Exact,
            )],
        ),
        (
            "The death toll of 31 is expected to rise.",
            &[("death toll of 31", Killed, "31", Exact)],
        ),
        (
            "By evening the toll had risen to 14.",
            &[("toll had risen to 14", Killed, "14", Exact)],
        ),
        (
            "Storm leaves 4 dead in coastal towns",
            &[("leaves 4 dead", Killed, "4", Exact)],
        ),
        (
            "One person died at the scene, officials said.",
            &[("One person died", Killed, "1", Exact)],
        ),
        (
            "Gunman kills 2, wounds 3 at depot",
            &[
                ("kills 2", Killed, "2", Exact),
                ("wounds 3", Wounded, "3", Exact),
            ],
        ),
        (
            "The attack left three shop workers dead.",
            &[("left three shop workers dead", Killed, "3", Exact)],
        ),
        (
            "A man shot to death one guard on Friday.",
            &[("shot to death one guard", Killed, "1", Exact)],
        ),
        (
            "Two hurt as bus overturns",
            &[("Two hurt", Wounded, "2", Exact)],
        ),
        (
            "The shelling injured dozens of civilians.",
            &[("injured dozens of civilians", Wounded, "24", Vague)],
        ),
        (
            "The raid killed 8 and left 19 people wounded.",
            &[
                ("killed 8", Killed, "8", Exact),
                ("left 19 people wounded", Wounded, "19", Exact),
            ],
        ),
        (
            "There was one dead and four injured after the crash.",
            &[
                ("one dead", Killed, "1", Exact),
                ("four injured", Wounded, "4", Exact),
            ],
        ),
        (
            "The fire spread fast, killing one and injuring six.",
            &[
                ("killing one", Killed, "1", Exact),
                ("injuring six", Wounded, "6", Exact),
            ],
        ),
        (
            "Seven miners remain missing after the collapse.",
            &[("Seven miners remain missing", Missing, "7", Exact)],
        ),
        (
            "About 40 people were trapped under rubble.",
            &[("About 40 people were trapped", Missing, "40", About)],
        ),
        (
            "Police arrested 23 protesters overnight.",
            &[("arrested 23 protesters", Arrested, "23", Exact)],
        ),
        (
            "Nearly 5,000 residents were evacuated from the valley.",
            &[(
                "Nearly 5,000 residents were evacuated",
                Evacuated,
                "5,000",
                AtMost,
            )],
        ),
        (
            "The floods displaced 12,500 people.",
            &[("displaced 12,500 people", Displaced, "12,500", Exact)],
        ),
        (
            "Tens of thousands were left homeless.",
            &[(
                "Tens of thousands were left homeless",
                Displaced,
                "20,000",
                Vague,
            )],
        ),
        (
            "The storm affected 2 million people.",
            &[("affected 2 million people", Affected, "2,000,000", Exact)],
        ),
        (
            "Officials reported 17 deaths by noon.",
            &[("17 deaths", Killed, "17", Exact)],
        ),
        (
            "Between 10 and 12 people died in the fire.",
            &[("Between 10 and 12 people died", Killed, "10-12", Exact)],
        ),
    ];
    for (text, want) in cases {
        let got = people(text);
        let want: Vec<(String, Topic, String, Bound)> = want
            .iter()
            .map(|(s, t, v, b)| (s.to_string(), *t, v.to_string(), *b))
            .collect();
        assert_eq!(got, want, "{text}");
    }
}

#[test]
fn people_counts_negatives() {
    for text in [
        "In 1998 the plant was killed off by the new rules.",
        "She was one of the first killed in the war.",
        "A third of the houses were damaged.",
        "20,000 people marched through the capital.",
        "The 2004 election was held in May.",
        "He called 555-2368 at 3:15 a.m. to report the fire.",
    ] {
        assert!(people(text).is_empty(), "{text}: {:?}", people(text));
    }
}

#[test]
fn crowd_and_generic_counts() {
    let got = found(
        "Some 20,000 people marched, and 55,000 pages were released.",
        &ctx(),
        |t| t == Topic::Count,
    );
    assert_eq!(
        got,
        vec![
            (
                "Some 20,000 people".to_string(),
                Topic::Count,
                "20,000".to_string(),
                Bound::About
            ),
            (
                "55,000 pages".to_string(),
                Topic::Count,
                "55,000".to_string(),
                Bound::Exact
            )
        ]
    );
    let units: Vec<Option<String>> =
        extract_sentence("More than 300 houses in 14 countries were hit.", &ctx())
            .into_iter()
            .filter(|f| f.topic == Topic::Count)
            .map(|f| f.unit)
            .collect();
    assert_eq!(units, vec![Some("houses".into()), Some("countries".into())]);
    let subjects: Vec<Option<String>> = [
        "The storm damaged more than 300 houses.",
        "About 40 houses were destroyed.",
        "There were 12 trucks on the road.",
    ]
    .iter()
    .flat_map(|t| extract_sentence(t, &ctx()))
    .filter(|f| f.topic == Topic::Count)
    .map(|f| f.subject)
    .collect();
    assert_eq!(
        subjects,
        vec![Some("damaged".into()), Some("destroyed".into()), None]
    );
}

#[test]
fn ages_table() {
    let mut c = ctx();
    c.people = vec!["Maria Olsen".into(), "Piet de Vries".into()];
    let cases: &[(&str, &str, f64, Option<&str>)] = &[
        (
            "The 64-year-old General Olsen stepped down.",
            "64-year-old",
            64.0,
            Some("Maria Olsen"),
        ),
        (
            "Piet de Vries, 41, was charged on Monday.",
            "41",
            41.0,
            Some("Piet de Vries"),
        ),
        ("The driver, aged 29, was unhurt.", "aged 29", 29.0, None),
        (
            "A 22 year-old resident saw the car.",
            "22 year-old",
            22.0,
            Some("resident"),
        ),
        (
            "The suspect, 38-year-old Ivo Brandt, was held.",
            "38-year-old",
            38.0,
            Some("Ivo Brandt"),
        ),
    ];
    for (text, span, v, subject) in cases {
        let got: Vec<Found> = extract_sentence(text, &c)
            .into_iter()
            .filter(|f| f.topic == Topic::Age)
            .collect();
        assert_eq!(got.len(), 1, "{text}: {got:?}");
        assert_eq!(&text[got[0].span.clone()], *span, "{text}");
        assert_eq!(got[0].value.as_f64(), Some(*v));
        assert_eq!(got[0].subject.as_deref(), *subject, "{text}");
    }
    let two: Vec<(String, f64, Option<String>)> =
        extract_sentence("Two guards, ages 51 and 60, were hurt.", &c)
            .into_iter()
            .filter(|f| f.topic == Topic::Age)
            .map(|f| {
                (
                    "Two guards, ages 51 and 60, were hurt."[f.span.clone()].to_string(),
                    f.value.as_f64().unwrap(),
                    f.subject,
                )
            })
            .collect();
    assert_eq!(
        two,
        vec![
            ("ages 51".to_string(), 51.0, Some("guard".to_string())),
            ("60".to_string(), 60.0, Some("guard".to_string()))
        ]
    );
    // Not ages: a place then a figure, a count.
    for text in [
        "Ships left Lisbon, 12, 13 and 14 days ago.",
        "He has 38 years of service.",
    ] {
        assert!(
            extract_sentence(text, &c)
                .iter()
                .all(|f| f.topic != Topic::Age),
            "{text}"
        );
    }
}

#[test]
fn other_quantities_table() {
    use Topic::*;
    let cases: &[(&str, Topic, &str, f64, Option<&str>)] = &[
        (
            "The road runs more than 800 kilometers through the hills.",
            Distance,
            "more than 800 kilometers",
            800.0,
            Some("km"),
        ),
        (
            "Officers ended a 25-mile pursuit near the river.",
            Distance,
            "25-mile",
            25.0 * 1.609344,
            Some("km"),
        ),
        (
            "The quake struck at a depth of 10 km offshore.",
            Depth,
            "10 km",
            10.0,
            Some("km"),
        ),
        (
            "It originated five miles beneath the surface.",
            Depth,
            "five miles beneath the surface",
            5.0 * 1.609344,
            Some("km"),
        ),
        (
            "A magnitude-5.8 quake shook the island.",
            Magnitude,
            "magnitude-5.8",
            5.8,
            None,
        ),
        (
            "A 7.2-magnitude tremor hit the coast.",
            Magnitude,
            "7.2-magnitude",
            7.2,
            None,
        ),
        (
            "The magnitude 6.4 quake was shallow.",
            Magnitude,
            "magnitude 6.4",
            6.4,
            None,
        ),
        ("A 5.9 quake shook the valley.", Magnitude, "5.9", 5.9, None),
        ("He ran the 400m race.", Distance, "400m", 0.4, Some("km")),
        (
            "The quake, which measured 6.8, hit at noon.",
            Magnitude,
            "measured 6.8",
            6.8,
            None,
        ),
        (
            "The bailout is worth $1.5 billion.",
            Money,
            "$1.5 billion",
            1.5e9,
            Some("usd"),
        ),
        (
            "Debt reached euro40 billion last month.",
            Money,
            "euro40 billion",
            40e9,
            Some("eur"),
        ),
        (
            "A fund of 75bn euros was set up.",
            Money,
            "75bn euros",
            75e9,
            Some("eur"),
        ),
        (
            "They stole more than £200,000 from the vault.",
            Money,
            "more than £200,000",
            200_000.0,
            Some("gbp"),
        ),
        (
            "Growth slowed to 2.7 percent in the quarter.",
            Percent,
            "2.7 percent",
            2.7,
            Some("%"),
        ),
        (
            "Turnout was 61.5 per cent.",
            Percent,
            "61.5 per cent",
            61.5,
            Some("%"),
        ),
        (
            "A 40bn-euro rescue fund was agreed.",
            Money,
            "40bn-euro",
            40e9,
            Some("eur"),
        ),
        (
            "It is a $12- billion loan.",
            Money,
            "$12- billion",
            12e9,
            Some("usd"),
        ),
        (
            "Prices rose 13.6% in a year.",
            Percent,
            "13.6%",
            13.6,
            Some("%"),
        ),
        (
            "He fled at 95 mph down the road.",
            Speed,
            "95 mph",
            95.0,
            Some("mph"),
        ),
        (
            "He reached speeds up to 110 miles per hour.",
            Speed,
            "up to 110 miles per hour",
            110.0,
            Some("mph"),
        ),
    ];
    for (text, topic, span, v, unit) in cases {
        let got: Vec<Found> = extract_sentence(text, &ctx())
            .into_iter()
            .filter(|f| f.topic == *topic)
            .collect();
        assert_eq!(got.len(), 1, "{text}: {got:?}");
        assert_eq!(&text[got[0].span.clone()], *span, "{text}");
        assert_eq!(got[0].value.as_f64(), Some(*v), "{text}");
        assert_eq!(got[0].unit.as_deref(), *unit, "{text}");
    }
}

#[test]
fn time_table() {
    let mut c = ctx();
    c.published = Some(Date::full(2015, 6, 12)); // a Friday
    c.event_year = Some(2015);
    let cases: &[(&str, Topic, &str, &str)] = &[
        (
            "He first took office in 1987.",
            Topic::Year,
            "1987",
            "1,987",
        ),
        (
            "Since the 2009 uprising, little has changed.",
            Topic::Year,
            "2009",
            "2,009",
        ),
        (
            "The talks opened on March 3.",
            Topic::Date,
            "March 3",
            "2015-03-03",
        ),
        (
            "The deal was signed on June 2, 2011, in Oslo.",
            Topic::Date,
            "June 2, 2011",
            "2011-06-02",
        ),
        (
            "Elections were held in May 2012.",
            Topic::Date,
            "May 2012",
            "2012-05",
        ),
        (
            "The plant closed on 9 July 2013.",
            Topic::Date,
            "9 July 2013",
            "2013-07-09",
        ),
        (
            "The storm hit on Wednesday.",
            Topic::Date,
            "Wednesday",
            "2015-06-10",
        ),
        (
            "Rescuers arrived yesterday.",
            Topic::Date,
            "yesterday",
            "2015-06-11",
        ),
        (
            "The dam was built last year.",
            Topic::Year,
            "last year",
            "2,014",
        ),
        (
            "It flooded in April last year.",
            Topic::Date,
            "April last year",
            "2014-04",
        ),
    ];
    for (text, topic, span, value) in cases {
        let got: Vec<Found> = extract_sentence(text, &c)
            .into_iter()
            .filter(|f| f.topic == *topic)
            .collect();
        assert_eq!(got.len(), 1, "{text}: {got:?}");
        assert_eq!(&text[got[0].span.clone()], *span, "{text}");
        assert_eq!(got[0].value.to_string(), *value, "{text}");
    }
    // Without a publication date a weekday stays as written.
    let got: Vec<Found> = extract_sentence("The storm hit on Wednesday.", &ctx())
        .into_iter()
        .filter(|f| f.topic == Topic::Date)
        .collect();
    assert_eq!(got[0].value, Value::Text("Wednesday".into()));
    // "May" the verb is not a date; a year in a full date is not a separate year claim.
    let got = extract_sentence("Rain may fall on June 2, 2011 and he May go.", &c);
    assert_eq!(
        got.iter()
            .filter(|f| matches!(f.topic, Topic::Date | Topic::Year))
            .count(),
        1
    );
}

#[test]
fn scope_table() {
    let mut c = ctx();
    c.event_year = Some(2016);
    let cases: &[(&str, Option<&str>)] = &[
        (
            "The 2004 tsunami killed 170,000 people in the region.",
            Some("tsunami 2004"),
        ),
        (
            "In West Lombok district, 9 people were killed.",
            Some("West Lombok district"),
        ),
        ("Last year's quake killed 40 people.", Some("quake 2015")),
        ("A similar storm in 2009 killed 30 people.", Some("2009")),
        ("The quake killed 12 people on Tuesday.", None),
        (
            "Riots spread to Corinth, where 5 people were killed.",
            Some("Corinth"),
        ),
        ("On January 9, a storm killed 7 people.", Some("2016-01-09")),
        (
            "The 2004 tsunami killed 90,000 people in the province.",
            Some("province of tsunami"),
        ),
    ];
    c.published = Some(Date::full(2016, 3, 1));
    // Background carries over to a following sentence without its own time anchor.
    let (src, claims) = {
        let s = testutil::source(
            "t",
            "In 2009 a flood hit the north. It killed 30 people.\nOn Monday the river rose again, killing 4 people.",
            Some("2016-03-01"),
        );
        let c = extract(0, &s);
        (s, c)
    };
    let killed: Vec<(&str, Option<&str>)> = claims
        .iter()
        .filter(|c| c.topic == Topic::Killed)
        .map(|c| (&src.text[c.span.clone()], c.scope.as_deref()))
        .collect();
    assert_eq!(
        killed,
        vec![
            ("killed 30 people", Some("2009")),
            ("killing 4 people", None)
        ]
    );
    let aftershock: Vec<Found> = extract_sentence("Two aftershocks of magnitude 5.2 followed.", &c)
        .into_iter()
        .filter(|f| f.topic == Topic::Magnitude)
        .collect();
    assert_eq!(aftershock[0].scope.as_deref(), Some("aftershock"));
    for (text, scope) in cases {
        let got: Vec<Found> = extract_sentence(text, &c)
            .into_iter()
            .filter(|f| f.topic == Topic::Killed)
            .collect();
        assert_eq!(got.len(), 1, "{text}: {got:?}");
        assert_eq!(got[0].scope.as_deref(), *scope, "{text}");
    }
}

/// A long chain of auxiliaries between the figure and its verb.
#[test]
fn reported_to_have_been_killed() {
    let c = Context::default();
    let got: Vec<(Topic, f64)> = extract_sentence(
        "Two villagers are also reported to have been killed near the border.",
        &c,
    )
    .into_iter()
    .filter_map(|f| match f.value {
        Value::Num { value, .. } => Some((f.topic, value)),
        _ => None,
    })
    .collect();
    assert_eq!(got, vec![(Topic::Killed, 2.0)]);
}

/// "the deaths of these four people", "rescued another six": the figure's
/// verb or toll noun stands before a determiner.
#[test]
fn counts_after_determiners_of_death_and_addition() {
    let c = Context::default();
    let got = |t: &str| -> Vec<(Topic, f64)> {
        extract_sentence(t, &c)
            .into_iter()
            .filter_map(|f| match f.value {
                Value::Num { value, .. } => Some((f.topic, value)),
                _ => None,
            })
            .collect()
    };
    assert_eq!(
        got("The mayor said the deaths of these four people were a tragedy for the town."),
        vec![(Topic::Killed, 4.0)]
    );
    assert_eq!(
        got("Lifeboat crews rescued another six sailors from the hull."),
        vec![(Topic::Evacuated, 6.0)]
    );
    assert_eq!(
        got("Gunmen wounded a further 12 villagers overnight."),
        vec![(Topic::Wounded, 12.0)]
    );
}

/// People moved into shelters are displaced.
#[test]
fn people_taken_to_shelters_are_displaced() {
    let c = Context::default();
    let got: Vec<(Topic, f64)> = extract_sentence(
        "Volunteers said 350 residents were taken to shelters in the school gym.",
        &c,
    )
    .into_iter()
    .filter_map(|f| match f.value {
        Value::Num { value, .. } => Some((f.topic, value)),
        _ => None,
    })
    .collect();
    assert_eq!(got, vec![(Topic::Displaced, 350.0)]);
}

/// "Trapped" is missing in a state of its own: the count carries it as
/// subject; plain missing counts carry none.
#[test]
fn trapped_is_a_state_of_missing() {
    let c = Context::default();
    let got: Vec<(Topic, Option<String>)> = extract_sentence(
        "Rescuers said nine miners remained trapped below ground and three others were missing.",
        &c,
    )
    .into_iter()
    .filter(|f| f.topic.is_people_count())
    .map(|f| (f.topic, f.subject))
    .collect();
    assert_eq!(
        got,
        vec![
            (Topic::Missing, Some("trapped".to_string())),
            (Topic::Missing, None)
        ]
    );
}

/// A carried background names the sentence that stated it, so that two
/// passages with the same label can be told apart later.
#[test]
fn carried_scope_points_to_its_passage() {
    let s = testutil::source(
        "t",
        "Last year a storm flooded the valley and killed 12 people. It also destroyed 80 homes.\nIn 2015 a second storm killed 3 people near the dam.",
        Some("2016-05-02"),
    );
    let claims = extract(0, &s);
    let got: Vec<(&str, Option<&str>, Option<usize>)> = claims
        .iter()
        .filter(|c| c.scope.is_some())
        .map(|c| {
            (
                &s.text[c.span.clone()],
                c.scope.as_deref(),
                c.scope_sentence,
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            ("killed 12 people", Some("2015"), Some(0)),
            ("80 homes", Some("2015"), Some(0)),
            ("killed 3 people", Some("2015"), Some(2)),
        ]
    );
    assert!(
        claims
            .iter()
            .all(|c| c.scope.is_some() == c.scope_sentence.is_some())
    );
}

fn source_claims(raw: &str) -> (Source, Vec<Claim>) {
    let src = testutil::source("t", raw, None);
    let claims = extract(0, &src);
    (src, claims)
}

fn texts(src: &Source, claims: &[Claim], topic: Topic) -> Vec<(String, String, Option<String>)> {
    claims
        .iter()
        .filter(|c| c.topic == topic)
        .map(|c| {
            (
                src.text[c.span.clone()].to_string(),
                c.value.to_string(),
                c.subject.clone(),
            )
        })
        .collect()
}

#[test]
fn speakers_table() {
    let raw = "Colonel Yusuf al-Amin leads the northern brigade.\n\
        \"We will hold the line,\" Amin said on Monday.\n\
        The ministry's spokesman, Lena Hart, told reporters the talks would go on.\n\
        According to Sheriff Tom Reyes, the car was found empty.\n\
        \"It is over,\" he said.\n\
        Police said the road was closed.\n\
        Rain is expected, said Hart.";
    let (src, claims) = source_claims(raw);
    let got: Vec<String> = texts(&src, &claims, Topic::Speaker)
        .into_iter()
        .map(|(s, v, _)| format!("{s} => {v}"))
        .collect();
    assert_eq!(
        got,
        vec![
            "Amin said => Yusuf al-Amin",
            "Lena Hart => Lena Hart",
            "According to Sheriff Tom Reyes => Tom Reyes",
            "he said => Tom Reyes",
            "said Hart => Lena Hart",
        ]
    );
}

#[test]
fn backers_table() {
    let raw = "Commander Idris Kabbah has the support of Qatar and Turkey, which see him as an ally.\n\
        His foreign backers, mainly Russia and the United Arab Emirates, sent advisers.\n\
        Yet Ankara has courted Kabbah for years.\n\
        Paris is not backing the commander, an aide said.\n\
        The UN-backed council met in the capital.";
    let (src, claims) = source_claims(raw);
    let got: Vec<(String, String, Option<String>)> = texts(&src, &claims, Topic::Backers);
    let want = vec![
        ("Qatar", "Qatar", Some("Idris Kabbah")),
        ("Turkey", "Turkey", Some("Idris Kabbah")),
        ("Russia", "Russia", Some("Idris Kabbah")),
        (
            "United Arab Emirates",
            "United Arab Emirates",
            Some("Idris Kabbah"),
        ),
        ("Ankara", "Turkey", Some("Idris Kabbah")),
        ("UN", "United Nations", Some("council")),
    ];
    let want: Vec<(String, String, Option<String>)> = want
        .into_iter()
        .map(|(a, b, c)| (a.to_string(), b.to_string(), c.map(str::to_string)))
        .collect();
    assert_eq!(got, want);
}

#[test]
fn names_keep_surface_forms() {
    let (src, claims) = source_claims("Prime Minister Omar al-Sadiq met Gen. Sadik in Rome.");
    let got: Vec<(String, Option<String>)> = claims
        .iter()
        .filter(|c| c.topic == Topic::Name)
        .map(|c| (c.value.to_string(), c.unit.clone()))
        .collect();
    assert_eq!(
        got,
        vec![
            ("Omar al-Sadiq".to_string(), Some("person".to_string())),
            ("Sadik".to_string(), Some("person".to_string())),
            ("Rome".to_string(), Some("place".to_string())),
        ]
    );
    let titles: Vec<Option<String>> = claims
        .iter()
        .filter(|c| c.topic == Topic::Name)
        .map(|c| c.original.clone())
        .collect();
    assert_eq!(
        titles,
        vec![
            Some("Prime Minister".into()),
            Some("Gen.".into()),
            Some("Italy".into())
        ]
    );
    let _ = src;
}

#[test]
fn dateline_resolves_weekdays() {
    let raw = "Flood Hits Valley\nPOSTED: 0930 GMT (1730 HKT), June 12, 2015\nThe river burst its banks on Wednesday, killing four people.";
    let (src, claims) = source_claims(raw);
    let dates = texts(&src, &claims, Topic::Date);
    assert_eq!(
        dates,
        vec![("Wednesday".to_string(), "2015-06-10".to_string(), None)]
    );
    let killed = texts(&src, &claims, Topic::Killed);
    assert_eq!(killed[0].0, "killing four people");
}

/// The seeds through the real loader.
fn seed(name: &str) -> (Source, Vec<Claim>) {
    let src = crate::corpus::load_seeds()
        .into_iter()
        .find(|s| s.name.starts_with(name))
        .expect("seed present");
    let claims = extract(0, &src);
    (src, claims)
}

fn has(
    src: &Source,
    claims: &[Claim],
    topic: Topic,
    span: &str,
    value: &str,
    subject: Option<&str>,
) -> bool {
    claims.iter().any(|c| {
        c.topic == topic
            && &src.text[c.span.clone()] == span
            && (c.value.to_string() == value
                || c.value.as_f64().is_some_and(|v| v.to_string() == value))
            && (subject.is_none() || c.subject.as_deref() == subject)
    })
}

#[test]
fn seed_claims_a_reader_sees() {
    use Topic::*;
    let haftar = Some("Khalifa Haftar");
    let want: &[(&str, Topic, &str, &str, Option<&str>)] = &[
        ("000", Killed, "killed 21", "21", None),
        ("000", Wounded, "left 27 people wounded", "27", None),
        ("000", Age, "75-year-old", "75", haftar),
        ("000", Backers, "Egypt", "Egypt", haftar),
        (
            "000",
            Backers,
            "United Arab Emirates",
            "United Arab Emirates",
            haftar,
        ),
        ("000", Backers, "UN", "United Nations", Some("government")),
        ("000", Year, "1969", "1969", None),
        ("000", Year, "2011", "2011", None),
        (
            "000",
            Speaker,
            "Ghassan Salame insisted",
            "Ghassan Salame",
            None,
        ),
        ("001", Backers, "France", "France", haftar),
        (
            "001",
            Backers,
            "United Arab Emirates",
            "United Arab Emirates",
            haftar,
        ),
        ("001", Backers, "Egypt", "Egypt", haftar),
        ("001", Distance, "more than 1,000 kilometers", "1,000", None),
        ("001", Year, "2011", "2011", None),
        (
            "002",
            Speaker,
            "Ahmed al-Mesmari said",
            "Ahmed al-Mesmari",
            None,
        ),
        ("002", Speaker, "he told", "Ahmed al-Mesmari", None),
        ("002", Speaker, "Mesmari said", "Ahmed al-Mesmari", None),
        ("002", Speaker, "Dmitri Peskov", "Dmitri Peskov", None),
        ("002", Backers, "Egypt", "Egypt", haftar),
        ("002", Backers, "Moscow", "Russia", haftar),
        ("002", Backers, "US", "United States", Some("government")),
        ("002", Year, "1969", "1969", None),
        ("002", Year, "2011", "2011", None),
    ];
    for (name, topic, span, value, subject) in want {
        let (src, claims) = seed(name);
        assert!(
            has(&src, &claims, *topic, span, value, *subject),
            "{name}: missing {topic} {span:?} = {value} ({subject:?}); got {:?}",
            claims
                .iter()
                .filter(|c| c.topic == *topic)
                .map(|c| (
                    &src.text[c.span.clone()],
                    c.value.to_string(),
                    c.subject.clone()
                ))
                .collect::<Vec<_>>()
        );
    }
    // Denials are not backing; "the Kremlin" is not a backer through Peskov's words.
    let (src, claims) = seed("002");
    let backers: Vec<&str> = claims
        .iter()
        .filter(|c| c.topic == Backers)
        .map(|c| &src.text[c.span.clone()])
        .collect();
    assert!(!backers.contains(&"Kremlin"), "{backers:?}");
    let killed = claims.iter().filter(|c| c.topic.is_people_count()).count();
    assert_eq!(killed, 0, "002 reports no casualty figures");
}

#[test]
fn listing_shows_location_value_and_span() {
    let sources = crate::corpus::load_seeds();
    let claims = extract_all(&sources);
    let table = render_table(&sources, &claims);
    let line = table
        .lines()
        .find(|l| l.contains("\"killed 21\""))
        .expect("killed 21 listed");
    assert!(line.trim_start().starts_with("1:"), "{line}");
    assert!(line.contains("killed") && line.contains(" 21 "), "{line}");
    assert!(table.contains(">=1,000 km"), "bounded distance shown");
    let json: serde_json::Value = serde_json::from_str(&render_json(&sources, &claims)).unwrap();
    let rows = json.as_array().unwrap();
    assert_eq!(rows.len(), claims.len());
    let k = rows.iter().find(|r| r["text"] == "killed 21").unwrap();
    assert_eq!(k["topic"], "killed");
    assert_eq!(k["value"], 21.0);
    assert_eq!(k["source"], "S1");
    assert_eq!(k["line"], 1);
}

#[test]
fn speakers_asides_initials_and_non_persons() {
    let raw = "Omar Diaz, a police spokesman, said the road was shut.\n\
        Sheriff Dana K. Ruiz said two deputies were hurt.\n\
        Mayor Ilse Brandt condemned the attack, saying the city would not bow.\n\
        Later, Ruiz said the suspect had fled.\n\
        The ministry said it would investigate.";
    let (src, claims) = source_claims(raw);
    let got: Vec<(String, String)> = texts(&src, &claims, Topic::Speaker)
        .into_iter()
        .map(|(s, v, _)| (s, v))
        .collect();
    assert_eq!(
        got,
        vec![
            ("Omar Diaz".to_string(), "Omar Diaz".to_string()),
            ("Dana K. Ruiz said".to_string(), "Dana Ruiz".to_string()),
            ("Ilse Brandt".to_string(), "Ilse Brandt".to_string()),
            ("Ruiz said".to_string(), "Dana Ruiz".to_string()),
        ]
    );
}

#[test]
fn sentence_openers_are_not_names() {
    let raw = "Firefighters reached the mill at dawn.\nWitnesses said the roof fell.\nOfficials in Porto said the mill was old.\nPorto is a port city.";
    let (_, claims) = source_claims(raw);
    let names: Vec<String> = claims
        .iter()
        .filter(|c| c.topic == Topic::Name)
        .map(|c| c.value.to_string())
        .collect();
    assert_eq!(names, vec!["Porto", "Porto"]);
}

/// An opener the source never capitalises inside a sentence is an ordinary
/// word, also at the start of a quote; one quoted as a speaker is a name.
#[test]
fn openers_never_capitalised_inside_are_not_names() {
    let raw = "Nobody expected the dam to give way.\nResidents shouted \"Shame!\" at the minister as he left Halden.\nBrekke said the town would rebuild.\nFloodwater reached Halden by noon.";
    let (_, claims) = source_claims(raw);
    let names: Vec<String> = claims
        .iter()
        .filter(|c| c.topic == Topic::Name)
        .map(|c| c.value.to_string())
        .collect();
    assert_eq!(names, vec!["Halden", "Brekke", "Halden"]);
}

/// Compound modifiers, contractions and shouted headings are not names.
#[test]
fn modifiers_and_headings_are_not_names() {
    let raw = "The EU-funded clinic and the UN-backed council met in Vardo.\n\"I'm staying,\" said Tove Lind, reading a banner that said BIG STRIKE TODAY in Vardo.";
    let (_, claims) = source_claims(raw);
    let names: Vec<String> = claims
        .iter()
        .filter(|c| c.topic == Topic::Name)
        .map(|c| c.value.to_string())
        .collect();
    assert_eq!(names, vec!["Vardo", "Tove Lind", "Vardo"]);
}

#[test]
fn pronoun_speaker_continues_the_previous_speaker_not_the_last_name() {
    let src = testutil::source(
        "t",
        "Carla Mendez said Tomas Ruiz had run the shop for years. She said Ruiz planned to retire in May.\n",
        None,
    );
    let claims = extract(0, &src);
    let who: Vec<(String, String)> = texts(&src, &claims, Topic::Speaker)
        .into_iter()
        .map(|(t, v, _)| (t, v))
        .collect();
    assert_eq!(
        who,
        [
            ("Carla Mendez said".to_string(), "Carla Mendez".to_string()),
            ("She said".to_string(), "Carla Mendez".to_string()),
        ],
        "she is Mendez, not Ruiz"
    );
}

#[test]
fn saying_nothing_is_not_a_quotation() {
    let src = testutil::source(
        "t",
        "The driver, Omar Haddad, said nothing as officers led him away. Inspector Lena Brook said the road was closed.\n",
        None,
    );
    let claims = extract(0, &src);
    let who: Vec<String> = texts(&src, &claims, Topic::Speaker)
        .into_iter()
        .map(|(_, v, _)| v)
        .collect();
    assert_eq!(who, ["Lena Brook"]);
}
