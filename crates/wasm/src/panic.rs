//! A panic's message for the page and the console: in wasm a panic aborts with a bare
//! `unreachable` trap that says nothing of its cause. `console_error_panic_hook` writes it to
//! the console with its stack; the last one is kept for the page to show.

use std::sync::{Mutex, Once};
use wasm_bindgen::prelude::*;

static LAST_PANIC: Mutex<String> = Mutex::new(String::new());
static INSTALLED: Once = Once::new();

pub fn install_hook() {
    INSTALLED.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            if let Ok(mut last) = LAST_PANIC.lock() {
                *last = info.to_string();
            }
            console_error_panic_hook::hook(info);
        }));
    });
}

/// The message of the last panic, or an empty string.
#[wasm_bindgen(js_name = lastPanicMessage)]
pub fn last_panic_message() -> String {
    LAST_PANIC.lock().map(|m| m.clone()).unwrap_or_default()
}
