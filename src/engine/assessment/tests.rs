use super::*;

const SHIPPED: &str = include_str!("../../../static/content/assessment.json");

fn shipped() -> Settings {
    Settings::parse("content/assessment.json", SHIPPED).expect("shipped settings are valid")
}

#[test]
fn shipped_settings_have_the_three_modes_and_ordered_levels() {
    let s = shipped();
    let ids: Vec<&str> = s.modes.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(ids, ["quick", "full", "fixed"]);
    // Lengths are per measured domain, and every mode gives each domain at least 6 items.
    for mode in &s.modes {
        let fewest = match &mode.rule {
            Rule::Adaptive(r) => r.min_items,
            Rule::Fixed(r) => r.items_per_domain,
        };
        assert!(fewest >= 6, "{}: {fewest}", mode.id);
    }
    assert!(matches!(&s.mode("full").unwrap().rule, Rule::Adaptive(r) if r.sittings));
    assert_eq!(s.levels.len(), 4);
    assert_eq!(
        s.certainty.iter().map(|c| (c.right, c.wrong)).collect::<Vec<_>>(),
        [(1, 0), (2, -2), (3, -6)]
    );
}

#[test]
fn the_probability_of_a_level_sums_to_one_across_the_band() {
    let s = shipped();
    // Deep inside the lowest level, with a small standard error: all but certain.
    assert!(s.level_probability(Estimate { theta: -3.0, se: 0.3 }) > 0.999);
    // In the middle of a level one logit wide, with SE 0.5: P(|Z| < 1) = 0.683.
    let middle = (s.levels[1].from.unwrap() + s.levels[2].from.unwrap()) / 2.0;
    let p = s.level_probability(Estimate { theta: middle, se: 0.5 });
    assert!((p - 0.6827).abs() < 1e-3, "{p}");
    // At the top level, open above: P(Z > −1) with the cut one SE below.
    let top = s.levels[3].from.unwrap();
    let p = s.level_probability(Estimate { theta: top + 0.5, se: 0.5 });
    assert!((p - 0.8413).abs() < 1e-3, "{p}");
}

#[test]
fn levels_and_bands() {
    let s = shipped();
    assert_eq!(s.level_at(-3.0), 0);
    assert_eq!(s.level_at(s.levels[2].from.unwrap()), 2);
    assert_eq!(s.level_at(9.0), s.levels.len() - 1);
    let middle = s.levels[1].from.unwrap() + 0.01;
    let narrow = s.place(Estimate { theta: middle + 0.4, se: 0.01 });
    assert!(!narrow.straddles());
    let wide = s.place(Estimate { theta: middle, se: 0.5 });
    assert_eq!((wide.low, wide.level), (0, 1));
    assert!(wide.straddles());
}

#[test]
fn bad_settings_are_reported_precisely() {
    let mut v: serde_json::Value = serde_json::from_str(SHIPPED).unwrap();
    v["modes"][0]["rule"]["adaptive"]["min_items"] = serde_json::json!(50);
    v["levels"][2]["from"] = serde_json::json!(-5.0);
    v["modes"][1]["id"] = serde_json::json!("quick");
    let err = Settings::parse("content/assessment.json", &v.to_string()).unwrap_err();
    let found: Vec<String> = err.iter().map(|p| format!("{}: {}", p.path, p.kind)).collect();
    assert_eq!(
        found,
        [
            "modes[0].rule.adaptive.max_items: is out of order",
            "modes[1].id: id \"quick\" is used more than once",
            "levels[2].from: is out of order",
        ]
    );
    // The shape is read first: the first field missing, of the wrong kind or unknown, by path.
    let first = |v: &serde_json::Value| {
        let err = Settings::parse("content/assessment.json", &v.to_string()).unwrap_err();
        assert_eq!(err.len(), 1, "{err:?}");
        assert_eq!(err[0].file, "content/assessment.json");
        format!("{}: {}", err[0].path, err[0].kind)
    };
    v["band"] = serde_json::json!({"z": 1.0});
    assert_eq!(first(&v), "band.percent: is missing");
    v["band"] = serde_json::json!({"z": 1.0, "percent": 80, "zz": 1});
    assert_eq!(first(&v), "band.zz: is not a known key");
    v["band"] = serde_json::json!({"z": 1.0, "percent": 80});
    v["modes"][1]["rule"] = serde_json::json!({"adaptive": {"min_items": "4"}});
    assert_eq!(first(&v), "modes[1].rule.adaptive.min_items: should be a whole number");
    v["modes"][1]["rule"] = serde_json::json!({"random": {}});
    assert_eq!(first(&v), "modes[1].rule.random: is not a known key");
    v["modes"][1]["rule"] = serde_json::json!({});
    assert_eq!(first(&v), "modes[1].rule: is empty");
    v["modes"][1]["title"] = serde_json::json!({"en": 3});
    assert_eq!(first(&v), "modes[1].title.en: should be a text");
    let err = Settings::parse("x.json", "{").unwrap_err();
    assert!(matches!(err[0].kind, ProblemKind::Syntax { .. }));
}

#[test]
fn the_length_stated_counts_pilots_per_domain() {
    let mut s = shipped();
    let quick = s.mode("quick").unwrap().clone();
    let Rule::Adaptive(rule) = &quick.rule else { panic!("adaptive") };
    let domains = ["ai".to_string(), "web".to_string()];
    let plain = s.length(&quick, &domains);
    assert_eq!(plain.per_domain, (rule.min_items, rule.max_items));
    assert_eq!(plain.total, (2 * rule.min_items, 2 * rule.max_items));
    assert_eq!(plain.pilots, 0);
    s.pilots.per_domain = 1;
    for id in ["ai-31", "ai-32"] {
        s.pilots.items.push(Pilot { domain: "ai".into(), id: id.into() });
    }
    let with = s.length(&quick, &domains);
    assert_eq!(with.per_domain, (rule.min_items, rule.max_items + 1));
    assert_eq!(with.total, (2 * rule.min_items + 1, 2 * rule.max_items + 1));
    assert_eq!(with.pilots, 1);
}

#[test]
fn pilots_are_checked() {
    let mut v: serde_json::Value = serde_json::from_str(SHIPPED).unwrap();
    v["pilots"] = serde_json::json!({"per_domain": 0, "items": [
        {"domain": "ai", "id": "ai-31"}, {"domain": "web", "id": "ai-31"}
    ]});
    let err = Settings::parse("content/assessment.json", &v.to_string()).unwrap_err();
    let found: Vec<String> = err.iter().map(|p| format!("{}: {}", p.path, p.kind)).collect();
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found[0].starts_with("pilots.items[1].id: id \"ai-31\""), "{found:?}");
    assert!(found[1].starts_with("pilots.per_domain:"), "{found:?}");
}
