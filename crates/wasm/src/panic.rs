//! Keeps the last panic's message so that the page can show it: in wasm a panic aborts
//! with a bare `unreachable` trap that says nothing of its cause.

use std::sync::Mutex;
use wasm_bindgen::prelude::*;

static LAST_PANIC: Mutex<String> = Mutex::new(String::new());

pub fn install_hook() {
    std::panic::set_hook(Box::new(|info| {
        if let Ok(mut last) = LAST_PANIC.lock() {
            *last = info.to_string();
        }
    }));
}

/// The message of the last panic, or an empty string.
#[wasm_bindgen(js_name = lastPanicMessage)]
pub fn last_panic_message() -> String {
    LAST_PANIC.lock().map(|m| m.clone()).unwrap_or_default()
}
