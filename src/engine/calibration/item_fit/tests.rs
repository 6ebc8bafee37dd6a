use super::*;
use crate::engine::calibration::fit::{fit, Model, Options};
use crate::engine::calibration::responses::{Record, ResponseFile};
use crate::engine::calibration::simulate::draw_items;
use crate::engine::rng::Rng;

/// `n` learners answering 2PL `items`, and one more item, `odd`, that is right mostly in the
/// middle of the ability range: no logistic curve fits it.
fn data(n: usize, items: &[(String, ItemParams)], seed: u64) -> Matrix {
    let mut rng = Rng::new(seed);
    let records = (0..n).map(|_| {
        let theta = rng.normal();
        let mut answers: Vec<(String, bool)> =
            items.iter().map(|(id, p)| (id.clone(), rng.uniform() < p.p(theta))).collect();
        let middle = if theta.abs() < 0.7 { 0.85 } else { 0.2 };
        answers.push(("odd".to_string(), rng.uniform() < middle));
        Record::new("en", "quick", answers)
    });
    Matrix::new(&ResponseFile { records: records.collect() })
}

#[test]
fn clean_items_fit_and_a_non_monotone_item_does_not() {
    let items = draw_items(20, 0.35, &mut Rng::new(21));
    let data = data(1_500, &items, 22);
    let calibration = fit(&data, &Options::new(Model::TwoPl));
    let fits = item_fit(&data, &calibration);
    assert_eq!(fits.len(), 21);
    let odd = data.items().iter().position(|id| id == "odd").unwrap();
    let odd_fit = fits[odd].as_ref().unwrap();
    assert!(odd_fit.misfit && odd_fit.p_value < 1e-6, "{odd_fit:?}");
    assert_eq!(odd_fit.groups.len(), GROUPS);
    assert_eq!(odd_fit.df, GROUPS - 2);
    assert_eq!(odd_fit.groups.iter().map(|g| g.0).sum::<usize>(), 1_500);
    let flagged: Vec<&ItemFit> = fits
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != odd)
        .filter_map(|(_, f)| f.as_ref())
        .filter(|f| f.misfit)
        .collect();
    assert!(flagged.len() <= 1, "clean items flagged: {flagged:?}");
    // Under the model the statistic has about its degrees of freedom as mean.
    let clean: Vec<f64> = fits
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != odd)
        .map(|(_, f)| f.as_ref().unwrap().chi_square)
        .collect();
    let mean = clean.iter().sum::<f64>() / clean.len() as f64;
    assert!((4.0..13.0).contains(&mean), "mean χ² {mean:.1} on 8 df");
}

#[test]
fn items_few_learners_answered_get_no_statistic() {
    let items = draw_items(5, 0.35, &mut Rng::new(23));
    let data = data(50, &items, 24);
    let calibration = fit(&data, &Options::new(Model::TwoPl));
    // 50 learners make 2 groups of 20, not more than the 2PL's 2 parameters.
    assert!(item_fit(&data, &calibration).iter().all(Option::is_none));
    let rasch = fit(&data, &Options::new(Model::Rasch));
    assert!(item_fit(&data, &rasch).iter().all(|f| f.as_ref().is_some_and(|f| f.df == 1)));
}
