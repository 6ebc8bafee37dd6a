use yew::prelude::*;

use crate::engine::assessment::Level;

/// The θ range drawn, wide enough for every estimate the bank can support.
const SCALE_MIN: f64 = -3.0;
const SCALE_MAX: f64 = 3.0;

#[derive(Properties, PartialEq)]
pub struct LevelScaleProps {
    pub levels: Vec<Level>,
    pub theta: f64,
    /// Ends of the confidence band.
    pub low: f64,
    pub high: f64,
}

/// The levels as coloured segments with the estimate and its band drawn over them. Purely
/// visual: the page states the level and the range in text.
#[function_component]
pub fn LevelScale(props: &LevelScaleProps) -> Html {
    // Whole percents: integer formatting keeps float formatting code out of the wasm.
    let at = |theta: f64| {
        ((theta.clamp(SCALE_MIN, SCALE_MAX) - SCALE_MIN) / (SCALE_MAX - SCALE_MIN) * 100.0).round() as i32
    };
    let starts: Vec<i32> = props.levels.iter().map(|l| l.from.map_or(0, at)).collect();
    html! {
        <div class="level-scale" aria-hidden="true">
            { for starts.iter().enumerate().map(|(i, start)| {
                let end = starts.get(i + 1).copied().unwrap_or(100);
                html! {
                    <span class="segment" data-shade={(i % 4).to_string()}
                        style={format!("inset-inline-start: {start}%; inline-size: {}%", end - start)}></span>
                }
            }) }
            <span class="band" style={format!("inset-inline-start: {}%; inline-size: {}%", at(props.low), at(props.high) - at(props.low))}></span>
            <span class="marker" style={format!("inset-inline-start: {}%", at(props.theta))}></span>
        </div>
    }
}
