use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Array, Function, Object, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    CanvasRenderingContext2d, HtmlCanvasElement, HtmlVideoElement, MediaStream, MediaStreamConstraints,
};
use yew::prelude::*;

use crate::engine::result_code::scan::read_rgba;
use crate::engine::sorted::SortedSet;
use crate::i18n::ClassroomMessages;
use crate::ui::hooks::use_messages;

#[derive(Properties, PartialEq)]
pub struct QrScannerProps {
    /// Each new QR code read, as text.
    pub onscan: Callback<String>,
}

/// Whether this browser gives access to a camera: without one, codes are pasted or picked as
/// files.
fn available() -> bool {
    let Some(window) = web_sys::window() else { return false };
    Reflect::get(&window.navigator(), &"mediaDevices".into()).is_ok_and(|d| !d.is_undefined())
}

/// Frames are read at most this wide (scaled down, keeping their shape): a result code's QR
/// code fills much of the frame, and a smaller frame reads faster.
const FRAME_WIDTH: u32 = 640;

/// How QR codes are read from the video: the browser's `BarcodeDetector` where it has one,
/// otherwise Kafaa's own reader (`result_code::scan`) on frames drawn to a canvas.
enum Reader {
    Native { detector: JsValue, detect: Function },
    Own { canvas: HtmlCanvasElement, context: CanvasRenderingContext2d },
}

impl Reader {
    fn new(window: &web_sys::Window) -> Result<Reader, JsValue> {
        if let Ok(class) = Reflect::get(window, &"BarcodeDetector".into())?.dyn_into::<Function>() {
            let options = Object::new();
            Reflect::set(&options, &"formats".into(), &Array::of1(&"qr_code".into()))?;
            let detector = Reflect::construct(&class, &Array::of1(&options))?;
            let detect: Function = Reflect::get(&detector, &"detect".into())?.dyn_into()?;
            return Ok(Reader::Native { detector, detect });
        }
        let document = window.document().ok_or(JsValue::NULL)?;
        let canvas: HtmlCanvasElement = document.create_element("canvas")?.dyn_into()?;
        let options = Object::new();
        // Frames are read back every time: the browser keeps them where reading is fast.
        Reflect::set(&options, &"willReadFrequently".into(), &true.into())?;
        let context = canvas
            .get_context_with_context_options("2d", &options)?
            .ok_or(JsValue::NULL)?
            .dyn_into::<CanvasRenderingContext2d>()?;
        Ok(Reader::Own { canvas, context })
    }

    /// Reads the video's current frame; each QR code's text goes to `found`.
    fn read(&self, video: &HtmlVideoElement, found: impl Fn(String) + 'static) {
        match self {
            Reader::Native { detector, detect } => {
                let Ok(promise) = detect.call1(detector, video).and_then(|p| p.dyn_into::<Promise>()) else {
                    return;
                };
                wasm_bindgen_futures::spawn_local(async move {
                    let Ok(codes) = JsFuture::from(promise).await else { return };
                    for code in Array::from(&codes).iter() {
                        if let Some(text) =
                            Reflect::get(&code, &"rawValue".into()).ok().and_then(|v| v.as_string())
                        {
                            found(text);
                        }
                    }
                });
            }
            Reader::Own { canvas, context } => {
                let (w, h) = (video.video_width(), video.video_height());
                // Until the camera gives its first frame, there is nothing to read.
                if w == 0 || h == 0 {
                    return;
                }
                let width = w.min(FRAME_WIDTH);
                let height = (u64::from(h) * u64::from(width) / u64::from(w)).max(1) as u32;
                canvas.set_width(width);
                canvas.set_height(height);
                let (fw, fh) = (f64::from(width), f64::from(height));
                if context.draw_image_with_html_video_element_and_dw_and_dh(video, 0.0, 0.0, fw, fh).is_err()
                {
                    return;
                }
                let Ok(image) = context.get_image_data(0.0, 0.0, fw, fh) else { return };
                for text in read_rgba(width as usize, height as usize, &image.data()) {
                    found(text);
                }
            }
        }
    }
}

/// A running scan: the camera stream and the timer that looks at its frames. Dropping it
/// turns the camera off and stops the timer, however it is dropped.
struct Scan {
    stream: MediaStream,
    timer: i32,
    _tick: Closure<dyn FnMut()>,
}

/// Where the scanner is: a second click while the camera is starting does nothing, and a
/// camera that comes up after the page has gone, or after "stop", is turned off at once.
enum State {
    Idle,
    Starting,
    /// Held for as long as it runs; dropped, it turns the camera off.
    Running {
        _scan: Scan,
    },
    /// The component has gone.
    Gone,
}

impl Drop for Scan {
    fn drop(&mut self) {
        for track in self.stream.get_tracks().iter() {
            if let Ok(track) = track.dyn_into::<web_sys::MediaStreamTrack>() {
                track.stop();
            }
        }
        if let Some(w) = web_sys::window() {
            w.clear_interval_with_handle(self.timer);
        }
    }
}

/// Starts the camera in `video` and reads QR codes from it twice a second; each new one goes
/// to the callback `onscan` holds at that moment (the page's latest), so a teacher scans a
/// class's phones one after another without stopping.
async fn start(video: HtmlVideoElement, onscan: Rc<RefCell<Callback<String>>>) -> Result<Scan, JsValue> {
    let window = web_sys::window().ok_or(JsValue::NULL)?;
    let constraints = MediaStreamConstraints::new();
    let facing = Object::new();
    Reflect::set(&facing, &"facingMode".into(), &"environment".into())?;
    constraints.set_video(&facing);
    let devices = window.navigator().media_devices()?;
    let stream: MediaStream =
        JsFuture::from(devices.get_user_media_with_constraints(&constraints)?).await?.dyn_into()?;
    video.set_src_object(Some(&stream));
    let _ = video.play();
    let reader = Reader::new(&window)?;
    let seen = Rc::new(RefCell::new(SortedSet::<String>::new()));
    let tick = Closure::<dyn FnMut()>::new(move || {
        let (seen, onscan) = (seen.clone(), onscan.clone());
        reader.read(&video, move |text| {
            if seen.borrow_mut().insert(text.clone()) {
                let latest = onscan.borrow().clone();
                latest.emit(text);
            }
        });
    });
    let timer =
        window.set_interval_with_callback_and_timeout_and_arguments_0(tick.as_ref().unchecked_ref(), 500)?;
    Ok(Scan { stream, timer, _tick: tick })
}

/// Reads result codes shown as QR codes to the device's camera, one student after another;
/// says so where the browser gives no camera.
#[function_component]
pub fn QrScanner(props: &QrScannerProps) -> Html {
    let c = use_messages::<ClassroomMessages>();
    let video = use_node_ref();
    let state = use_mut_ref(|| State::Idle);
    // Read at each scan, so that a code is checked against the codes imported by then.
    let onscan = use_mut_ref(|| props.onscan.clone());
    *onscan.borrow_mut() = props.onscan.clone();
    let scanning = use_state(|| false);
    {
        // The camera is released when the page goes, and one still starting is refused.
        let state = state.clone();
        use_effect_with((), move |_| move || *state.borrow_mut() = State::Gone);
    }
    if !available() {
        return html! { <p class="muted">{ c.import_scan_unavailable() }</p> };
    }
    let ontoggle = {
        let (video, state, scanning, onscan) =
            (video.clone(), state.clone(), scanning.clone(), onscan.clone());
        Callback::from(move |_: MouseEvent| {
            let mut current = state.borrow_mut();
            match &*current {
                State::Starting | State::Gone => return,
                State::Running { .. } => {
                    *current = State::Idle;
                    scanning.set(false);
                    return;
                }
                State::Idle => {}
            }
            let Some(element) = video.cast::<HtmlVideoElement>() else { return };
            *current = State::Starting;
            scanning.set(true);
            let (state, scanning, onscan) = (state.clone(), scanning.clone(), onscan.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let started = start(element, onscan).await;
                let mut current = state.borrow_mut();
                match (started, &*current) {
                    (Ok(scan), State::Starting) => *current = State::Running { _scan: scan },
                    // Gone, or stopped meanwhile: the new scan is dropped here, camera off.
                    (Ok(_), _) => {}
                    (Err(_), State::Starting) => {
                        *current = State::Idle;
                        scanning.set(false);
                    }
                    (Err(_), _) => {}
                }
            });
        })
    };
    html! {
        <div class="qr-scanner">
            <button type="button" onclick={ontoggle}>{ if *scanning { c.import_scan_stop() } else { c.import_scan() } }</button>
            <video ref={video} class={classes!("scan", (!*scanning).then_some("visually-hidden"))} muted=true playsinline=true aria-hidden="true"></video>
        </div>
    }
}
