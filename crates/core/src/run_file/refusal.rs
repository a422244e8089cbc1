//! A reader's refusal of a run file as one short line: the field's path and serde's message,
//! with every text either quotes (an unknown variant or key, a string where a number
//! belongs) cut to an excerpt, so that a file's megabytes never reach a message.

use crate::excerpt::excerpt;

/// The message for a value serde could not read at its path.
pub fn refusal(error: &serde_path_to_error::Error<serde_json::Error>) -> String {
    // The root's path is "."; a field missing there is missing from the file.
    let path = match error.path().to_string() {
        root if root == "." => "the file".to_string(),
        path => excerpt(&path),
    };
    let message = quoting_excerpts(&without_choices(&error.inner().to_string()));
    capped(format!("{path}: {message}"))
}

/// A reader's message with each text it quotes (between backticks or double quotes: an
/// unknown variant or key, a string where a number belongs) cut to an excerpt, so that a
/// file's megabytes never reach a message.
fn quoting_excerpts(message: &str) -> String {
    let mut out = String::new();
    let mut rest = message;
    while let Some(open) = rest.find(['`', '"']) {
        let mark = &rest[open..open + 1];
        let Some(length) = rest[open + 1..].find(mark) else {
            break;
        };
        out.push_str(&excerpt(&rest[..open]));
        out.push_str(mark);
        out.push_str(&excerpt(&rest[open + 1..open + 1 + length]));
        out.push_str(mark);
        rest = &rest[open + 2 + length..];
    }
    out.push_str(&excerpt(rest));
    out
}

/// The most characters of a refusal: quotes within quotes can still add up, and the whole
/// stays a short line.
const MESSAGE_CHARS: usize = 180;

fn capped(message: String) -> String {
    match message.char_indices().nth(MESSAGE_CHARS) {
        Some((at, _)) => format!("{}…", &message[..at]),
        None => message,
    }
}

/// Without serde's ", expected one of …" list after an unknown field, which for the settings
/// names every field: the path already says where, and the list would make a message several
/// lines long. An unknown value (a data set, an activation) keeps its short list of choices.
fn without_choices(message: &str) -> String {
    if !message.starts_with("unknown field") {
        return message.to_string();
    }
    match message.find(", expected one of ") {
        Some(from) => {
            let to = message[from..]
                .find(" at line ")
                .map_or(message.len(), |at| from + at);
            format!("{}{}", &message[..from], &message[to..])
        }
        None => message.to_string(),
    }
}
