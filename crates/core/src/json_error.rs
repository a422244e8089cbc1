//! A JSON reader's refusal in the words a person reads: the place said once, in parentheses,
//! and text that is not JSON at all called so.

use serde_json::error::Category;

/// `error` from reading a file: "the file is not JSON (line 1, column 1): expected value", or,
/// for a value of the wrong kind, its own words with the place after them.
pub fn worded(error: &serde_json::Error) -> String {
    let said = error.to_string();
    let words = said
        .rsplit_once(" at line ")
        .map_or(said.as_str(), |(words, _)| words);
    let (line, column) = (error.line(), error.column());
    match error.classify() {
        Category::Syntax | Category::Eof => {
            format!("the file is not JSON (line {line}, column {column}): {words}")
        }
        Category::Data | Category::Io => format!("{words} (line {line}, column {column})"),
    }
}
