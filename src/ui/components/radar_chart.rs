use yew::prelude::*;

use crate::ui::state::use_interface;

/// The chart's radius and centre, in SVG units.
const R: f64 = 120.0;
const C: f64 = 170.0;

#[derive(Properties, PartialEq)]
pub struct RadarChartProps {
    /// Axis labels, one per domain.
    pub labels: Vec<String>,
    /// The learner's position and the target on each axis, from 0 (centre) to `rings`.
    pub you: Vec<f64>,
    pub target: Vec<f64>,
    /// One ring per level.
    pub rings: usize,
    pub title: String,
    pub you_label: String,
    pub target_label: String,
}

/// A spider chart of levels per domain with a target overlaid. The page gives the same
/// figures as a table, so the chart itself is hidden from screen readers. It is drawn left
/// to right in every language (the labels' own text still reads right to left in Arabic).
#[function_component]
pub fn RadarChart(props: &RadarChartProps) -> Html {
    let rtl = use_interface().catalog.language.dir == "rtl";
    let n = props.labels.len().max(3);
    let rings = props.rings.max(1) as f64;
    // Whole SVG units: integer formatting keeps float formatting code out of the wasm.
    let point = |i: usize, value: f64| {
        let angle = std::f64::consts::TAU * i as f64 / n as f64 - std::f64::consts::FRAC_PI_2;
        let r = R * (value / rings).clamp(0.0, 1.0);
        ((C + r * angle.cos()).round() as i32, (C + r * angle.sin()).round() as i32)
    };
    let polygon = |values: &[f64]| {
        (0..n)
            .map(|i| point(i, values.get(i).copied().unwrap_or(0.0)))
            .map(|(x, y)| format!("{x},{y}"))
            .collect::<Vec<_>>()
            .join(" ")
    };
    html! {
        <figure class="radar">
            <svg viewBox="-150 10 640 320" aria-hidden="true" focusable="false">
                { for (1..=props.rings).map(|k| html! {
                    <polygon class="ring" points={polygon(&vec![k as f64; n])} />
                }) }
                { for (0..n).map(|i| {
                    let (x, y) = point(i, rings);
                    let (lx, ly) = point(i, rings * 1.12);
                    // Labels left of the centre end at their axis, those right of it start
                    // there, so long domain names run outwards instead of over the chart.
                    // Right-to-left labels keep their own direction, which swaps start and end.
                    let anchor = match (lx - C as i32, rtl) {
                        (dx, false) | (dx, true) if dx.abs() <= 8 => "middle",
                        (dx, false) if dx < 0 => "end",
                        (dx, true) if dx > 0 => "end",
                        _ => "start",
                    };
                    html! {
                        <>
                            <line class="axis" x1="170" y1="170" x2={x.to_string()} y2={y.to_string()} />
                            <text x={lx.to_string()} y={ly.to_string()} text-anchor={anchor} direction={if rtl { "rtl" } else { "ltr" }} dominant-baseline="middle">
                                { props.labels.get(i).cloned().unwrap_or_default() }
                            </text>
                        </>
                    }
                }) }
                <polygon class="target" points={polygon(&props.target)} />
                <polygon class="you" points={polygon(&props.you)} />
            </svg>
            <figcaption>
                { &props.title }{ " — " }
                <span class="key you">{ &props.you_label }</span>{ " · " }
                <span class="key target">{ &props.target_label }</span>
            </figcaption>
        </figure>
    }
}
