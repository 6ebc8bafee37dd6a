use super::*;
use crate::engine::calibration::fit::{fit, Model, Options};
use crate::engine::calibration::simulate::{draw_items, Design};
use crate::engine::irt::ItemParams;
use crate::engine::rng::Rng;

/// `per_language` learners in each of en, fr and ar, θ ~ N(0, 1); item i03 (a = 1.3) is
/// 0.8 logit harder in Arabic.
fn planted(per_language: usize, per_learner: Option<usize>, seed: u64) -> Matrix {
    let mut items = draw_items(20, 0.35, &mut Rng::new(seed));
    items[3].1 = ItemParams { a: 1.3, ..items[3].1 };
    let design = Design { items, dif: vec![("i03".into(), "ar".into(), 0.8)], per_learner };
    let mut rng = Rng::new(seed + 1);
    let learners: Vec<(String, f64)> = ["en", "fr", "ar"]
        .iter()
        .flat_map(|l| std::iter::repeat_n(l.to_string(), per_language))
        .map(|l| (l, rng.normal()))
        .collect();
    Matrix::new(&design.run(&learners, &mut rng))
}

fn language(data: &Matrix, code: &str) -> usize {
    data.languages().iter().position(|l| l == code).unwrap()
}

/// Checks the planted item is flagged against Arabic only, and no clean item is class C.
fn check(data: &Matrix, difs: &[Dif], total_score: bool) {
    let (en, fr, ar) = (language(data, "en"), language(data, "fr"), language(data, "ar"));
    let planted = data.items().iter().position(|i| i == "i03").unwrap();
    assert_eq!(difs.len(), 20 * 3);
    let class = |r, f| {
        let d = difs.iter().find(|d| d.item == planted && d.reference == r && d.focal == f).unwrap();
        d.mh.unwrap()
    };
    // Harder in Arabic: against the focal group when Arabic is focal, for it when not.
    for (r, f, against_focal) in [(en, ar, true), (ar, fr, false)] {
        let mh = class(r, f);
        assert!(mh.class >= EtsClass::B && (mh.delta < 0.0) == against_focal, "{mh:?}");
        assert_eq!(mh.by_total_score, total_score);
    }
    assert_eq!(class(en, fr).class, EtsClass::A);
    let clean: Vec<&MantelHaenszel> =
        difs.iter().filter(|d| d.item != planted).map(|d| d.mh.as_ref().unwrap()).collect();
    assert!(clean.iter().all(|m| m.class != EtsClass::C), "a clean item in class C");
    let b = clean.iter().filter(|m| m.class == EtsClass::B).count();
    assert!(b <= 2, "{b} clean item × pair in class B out of {}", clean.len());
}

#[test]
fn a_planted_effect_is_flagged_and_clean_items_are_not() {
    let data = planted(600, None, 31);
    let difs = mantel_haenszel(&data, &[]);
    check(&data, &difs, true);
    let en_ar =
        difs.iter().find(|d| data.items()[d.item] == "i03" && d.focal == language(&data, "ar")).unwrap();
    assert_eq!(en_ar.mh.unwrap().class, EtsClass::C, "Δ ≈ −2.35 × 1.3 × 0.8 on 600 per group");
    assert_eq!((en_ar.n_reference, en_ar.n_focal), (600, 600));
}

/// Learners took different items: strata are ability bands from the calibration.
#[test]
fn with_different_forms_learners_are_matched_on_ability() {
    let data = planted(1_000, Some(12), 33);
    let calibration = fit(&data, &Options::new(Model::TwoPl));
    let difs = mantel_haenszel(&data, &calibration.abilities);
    check(&data, &difs, false);
}

#[test]
fn small_groups_get_no_statistic() {
    let data = planted(MIN_PER_GROUP - 1, None, 35);
    assert!(mantel_haenszel(&data, &[]).iter().all(|d| d.mh.is_none()));
}

/// One stratum, A = 30, B = 10, C = 20, D = 20, worked by hand.
#[test]
fn statistics_match_a_hand_computation() {
    let mh = statistic([[30.0, 10.0, 20.0, 20.0]].iter(), true).unwrap();
    assert!((mh.alpha - 3.0).abs() < 1e-12);
    assert!((mh.delta + 2.35 * 3f64.ln()).abs() < 1e-12);
    // Woolf's variance for one table: 1/30 + 1/10 + 1/20 + 1/20.
    let se = 2.35 * (1.0 / 30.0 + 0.1 + 0.05 + 0.05f64).sqrt();
    assert!((mh.se_delta - se).abs() < 1e-12);
    // E(A) = 40·50/80 = 25, Var(A) = 40·40·50·30/(80²·79).
    let chi = 4.5f64.powi(2) / (40.0 * 40.0 * 50.0 * 30.0 / (6400.0 * 79.0));
    assert!((mh.chi_square - chi).abs() < 1e-12);
    assert_eq!(mh.class, EtsClass::B, "|Δ| 2.58 but SE {:.2} too wide for C", mh.se_delta);
    assert_eq!(mh.label(), "B-");
    // Strata with one group, or one learner, carry nothing; all-right in a group is no ratio.
    assert!(statistic([[5.0, 5.0, 0.0, 0.0], [1.0, 0.0, 0.0, 0.0]].iter(), true).is_none());
    assert!(statistic([[5.0, 0.0, 5.0, 0.0]].iter(), true).is_none());
}

#[test]
fn english_is_the_reference_of_every_pair_it_is_in() {
    let langs: Vec<String> = ["ar", "en", "fr"].iter().map(|s| s.to_string()).collect();
    assert_eq!(language_pairs(&langs), [(1, 0), (1, 2), (0, 2)]);
    assert!(language_pairs(&langs[..1]).is_empty());
}

#[test]
fn records_of_undetermined_language_are_in_no_pair() {
    let langs: Vec<String> = ["ar", "en", "und"].iter().map(|s| s.to_string()).collect();
    assert_eq!(language_pairs(&langs), [(1, 0)]);
    assert!(language_pairs(&langs[1..]).is_empty());
}

#[test]
fn labels_carry_the_direction() {
    let mh = |class, delta| MantelHaenszel {
        alpha: 1.0,
        delta,
        se_delta: 0.1,
        chi_square: 0.0,
        p_value: 1.0,
        class,
        by_total_score: true,
    };
    assert_eq!(mh(EtsClass::A, -0.5).label(), "A");
    assert_eq!(mh(EtsClass::C, 1.8).label(), "C+");
    assert_eq!(mh(EtsClass::C, -1.8).label(), "C-");
}
