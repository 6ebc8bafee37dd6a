//! X25519 key agreements by the browser's own cryptography (WebCrypto), for opening many
//! result codes at once: natively and off the page's thread, where wasm took about 95 µs
//! each (2,000 codes: 190 ms of the page's time). See `engine::result_code::Agreed`.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use js_sys::{Array, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::CryptoKey;

use crate::engine::result_code::Agreed;

/// The agreements of the secret key `secret` (whose public half is `public`) with each of
/// `others`. Empty where the browser cannot make them (no X25519 in its WebCrypto, as in
/// Chromium before 133, or no WebCrypto at all, as on a page served over plain http from
/// another machine): the codes then open as before, only slower.
pub async fn agree(secret: &[u8; 32], public: &[u8; 32], others: Vec<[u8; 32]>) -> Agreed {
    if others.is_empty() {
        return Agreed::new();
    }
    agreements(secret, public, others).await.unwrap_or_default()
}

async fn agreements(secret: &[u8; 32], public: &[u8; 32], others: Vec<[u8; 32]>) -> Result<Agreed, JsValue> {
    let crypto = web_sys::window().ok_or(JsValue::NULL)?.crypto()?;
    // Outside a secure context `crypto.subtle` is undefined.
    let subtle = Reflect::get(&crypto, &"subtle".into())?;
    if subtle.is_undefined() {
        return Err(JsValue::NULL);
    }
    let subtle: web_sys::SubtleCrypto = subtle.unchecked_into();
    let x25519 = object(&[("name", "X25519".into())])?;
    let jwk = object(&[
        ("kty", "OKP".into()),
        ("crv", "X25519".into()),
        ("d", URL_SAFE_NO_PAD.encode(secret).into()),
        ("x", URL_SAFE_NO_PAD.encode(public).into()),
    ])?;
    let usages = Array::of1(&"deriveBits".into());
    let private: CryptoKey =
        JsFuture::from(subtle.import_key_with_object("jwk", &jwk, &x25519, false, &usages)?)
            .await?
            .unchecked_into();
    let imports = Array::new();
    for other in &others {
        imports.push(
            &subtle
                .import_key_with_object("raw", &Uint8Array::from(&other[..]), &x25519, false, &Array::new())?
                .into(),
        );
    }
    let keys: Array = JsFuture::from(Promise::all(&imports)).await?.unchecked_into();
    let derived = Array::new();
    for key in keys.iter() {
        let params = object(&[("name", "X25519".into()), ("public", key)])?;
        derived.push(&subtle.derive_bits_with_object(&params, &private, 256)?.into());
    }
    // Each on its own: a key the browser refuses (one of low order, in a forged code) leaves
    // only its own code to open in wasm.
    let settled: Array = JsFuture::from(Promise::all_settled(&derived)).await?.unchecked_into();
    Ok(others
        .into_iter()
        .zip(settled.iter())
        .filter_map(|(other, outcome)| {
            let shared =
                Reflect::get(&outcome, &"value".into()).ok()?.dyn_into::<js_sys::ArrayBuffer>().ok()?;
            Some((other, Uint8Array::new(&shared).to_vec().try_into().ok()?))
        })
        .collect())
}

fn object(fields: &[(&str, JsValue)]) -> Result<Object, JsValue> {
    let object = Object::new();
    for (name, value) in fields {
        Reflect::set(&object, &(*name).into(), value)?;
    }
    Ok(object)
}
