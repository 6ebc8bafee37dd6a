//! A session's result codes, opened once per tab and kept: by an import as it checks them,
//! and when a session's page opens with codes stored before. The costly step of opening a
//! code, its X25519 key agreement, is made by the browser where it can (`ui::key_agreement`),
//! for stored codes too: reopening a class of 2,000 codes no longer makes 2,000 agreements in
//! wasm on the page's thread while the page is drawn.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::engine::result_code::{ephemeral_key, Agreed, CodeError, OpenedCodes, Submission};
use crate::engine::session::{key_bytes, ClassSession};
use crate::ui::key_agreement;

thread_local! {
    /// Codes opened in this tab, by session and text (see `OpenedCodes`).
    static OPENED: RefCell<OpenedCodes> = RefCell::default();
}

/// Opens a code of `class`, or gives it from the codes already opened for that class.
pub fn open_cached(code: &str, class: &ClassSession, agreed: &Agreed) -> Result<Rc<Submission>, CodeError> {
    let secret = class.secret_key_bytes().ok_or(CodeError::WrongKey)?;
    OPENED.with(|o| o.borrow_mut().open(code, &class.session, &secret, agreed))
}

/// The key agreements that open the codes of `codes` not opened yet, made by the browser.
pub async fn agreements<'a>(class: &ClassSession, codes: impl Iterator<Item = &'a str>) -> Agreed {
    let (Some(secret), Some(public)) = (class.secret_key_bytes(), key_bytes(&class.session.public_key))
    else {
        return Agreed::new();
    };
    let others = OPENED.with(|o| {
        let o = o.borrow();
        codes.filter(|code| !o.has(code, &class.session)).filter_map(ephemeral_key).collect()
    });
    key_agreement::agree(&secret, &public, others).await
}

/// Whether every stored code of `class` was opened in this tab already.
fn all_opened(class: &ClassSession) -> bool {
    OPENED.with(|o| {
        let o = o.borrow();
        class.codes.iter().all(|code| o.has(code, &class.session))
    })
}

/// The stored codes of `class` that open, in order: at once when this tab has opened them
/// all (an import opens its codes itself), otherwise `None` until the browser has made the
/// agreements for the others and they are opened. A code that does not open is left out.
#[hook]
pub fn use_opened_codes(class: Option<Rc<ClassSession>>) -> Option<Rc<Vec<Rc<Submission>>>> {
    // The session (with its codes) whose agreements this page has made.
    let agreed_for = use_state(|| None::<Rc<ClassSession>>);
    {
        let agreed_for = agreed_for.clone();
        use_effect_with(class.clone(), move |class| {
            if let Some(class) = class.clone().filter(|class| !all_opened(class)) {
                wasm_bindgen_futures::spawn_local(async move {
                    let agreed = agreements(&class, class.codes.iter().map(String::as_str)).await;
                    for code in &class.codes {
                        // One that does not open is refused again, at once, when read.
                        let _ = open_cached(code, &class, &agreed);
                    }
                    agreed_for.set(Some(class));
                });
            }
        });
    }
    let ready = class.as_ref().is_none_or(|class| agreed_for.as_ref() == Some(class) || all_opened(class));
    let opened = use_memo((class, ready), |(class, ready)| {
        ready.then(|| {
            let Some(class) = class else { return Rc::new(Vec::new()) };
            Rc::new(class.codes.iter().filter_map(|c| open_cached(c, class, &Agreed::new()).ok()).collect())
        })
    });
    (*opened).clone()
}
