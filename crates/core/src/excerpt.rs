//! Input quoted in a message: a reader's file or argument may be megabytes long or hold
//! control characters, and a message must stay one short line that is safe to print on a
//! terminal.

/// The most characters an excerpt shows before its "…".
pub const EXCERPT_CHARS: usize = 60;

/// `text` as a message may quote it: at most `EXCERPT_CHARS` characters followed by "…"
/// when cut, control characters (C0, DEL, C1) and invisible format characters (line and
/// paragraph separators, bidi overrides, zero-width marks) escaped as `\r` or `\u{1b}`, and
/// a backslash doubled so that an escape shown is never the input's own text.
pub fn excerpt(text: &str) -> String {
    let mut out = String::new();
    let mut shown = 0;
    for c in text.chars() {
        let piece = escaped(c);
        let width = piece.as_ref().map_or(1, |p| p.chars().count());
        if shown + width > EXCERPT_CHARS {
            out.push('…');
            return out;
        }
        match piece {
            Some(p) => out.push_str(&p),
            None => out.push(c),
        }
        shown += width;
    }
    out
}

/// The escape `c` is shown as, if it needs one.
fn escaped(c: char) -> Option<String> {
    let invisible = matches!(
        c,
        '\u{200b}'..='\u{200f}'
            | '\u{2028}'..='\u{202e}'
            | '\u{2060}'..='\u{2069}'
            | '\u{feff}'
            | '\u{fff9}'..='\u{fffb}'
    );
    match c {
        '\\' => Some("\\\\".into()),
        '\0' => Some("\\0".into()),
        '\t' => Some("\\t".into()),
        '\n' => Some("\\n".into()),
        '\r' => Some("\\r".into()),
        _ if c.is_control() || invisible => Some(format!("\\u{{{:x}}}", u32::from(c))),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_text_is_shown_whole() {
        assert_eq!(excerpt("x1,x2,label"), "x1,x2,label");
        assert_eq!(excerpt(""), "");
        assert_eq!(excerpt(&"é".repeat(60)), "é".repeat(60));
    }

    #[test]
    fn long_text_is_cut_at_sixty_characters() {
        let long = "1".repeat(50_000_000);
        assert_eq!(excerpt(&long), format!("{}…", "1".repeat(60)));
        assert_eq!(excerpt(&"é".repeat(61)), format!("{}…", "é".repeat(60)));
    }

    #[test]
    fn control_characters_are_escaped() {
        assert_eq!(excerpt("a\rb\tc\0d\n"), "a\\rb\\tc\\0d\\n");
        assert_eq!(excerpt("\u{1b}[31m"), "\\u{1b}[31m");
        assert_eq!(excerpt("\u{7f}\u{85}\u{9b}"), "\\u{7f}\\u{85}\\u{9b}");
        assert_eq!(excerpt("a\u{202e}b\u{2028}"), "a\\u{202e}b\\u{2028}");
        assert_eq!(excerpt("C:\\r"), "C:\\\\r");
    }

    #[test]
    fn an_escape_is_never_cut_in_half() {
        let text = format!("{}\r", "a".repeat(59));
        assert_eq!(excerpt(&text), format!("{}…", "a".repeat(59)));
        let cr_only = "x1,x2,label\r1,2,0\r".repeat(2_000_000);
        let shown = excerpt(&cr_only);
        assert!(shown.chars().count() <= EXCERPT_CHARS + 1, "{shown}");
        assert!(!shown.chars().any(char::is_control), "{shown}");
        assert!(shown.starts_with("x1,x2,label\\r1,2,0\\r"), "{shown}");
    }
}
