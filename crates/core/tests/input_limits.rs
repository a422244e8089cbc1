//! What the core's readers do with input beyond what a plot or a network can represent,
//! and how their messages quote it: an excerpt of at most 60 characters, escaped.

use neuranim_core::dataset::{parse_csv, parse_csv_inferring};
use neuranim_core::{Task, WeightsFile};

/// One line of at most `chars` characters without control characters.
fn assert_short_line(message: &str, chars: usize) {
    let shown: String = message.chars().take(200).collect();
    assert!(
        message.chars().count() <= chars,
        "{} chars: {shown}",
        message.chars().count()
    );
    assert!(!message.chars().any(char::is_control), "{shown:?}");
}

#[test]
fn csv_messages_quote_a_short_escaped_excerpt() {
    let cr_only = "x1,x2,label\r1,2,0\r".repeat(40_000_000 / 18);
    let huge = "7".repeat(50_000_000);
    let cases = [
        (cr_only, "found 'x1,x2,label\\r1,2,0\\rx1,x2"),
        (format!("x1,x2,{huge}\n1,2,0\n"), "found 'x1,x2,7777"),
        (
            format!("x1,x2,label\n1,2,0\n1,\u{1b}[2J{huge},0\n"),
            "line 3, field x2: '\\u{1b}[2J7777",
        ),
        (
            format!("x1,x2,label\n1,2,{huge}\u{0}\n"),
            "line 2, field label: '7777",
        ),
        (
            format!("x1,x2,label\n1,2,0{}\n", ",".repeat(50_000_000)),
            "found 50000003",
        ),
    ];
    for (text, words) in cases {
        for task in [Task::Binary, Task::Regression] {
            let message = parse_csv(&text, task).unwrap_err().to_string();
            assert_short_line(&message, 140);
            assert!(message.contains(words), "{message}");
        }
    }
    let e = parse_csv("x1,x2,label\n1,2,\u{7f}\u{9b}\tx\n", Task::Binary).unwrap_err();
    assert!(
        e.to_string()
            .ends_with("'\\u{7f}\\u{9b}\\tx' is not a number"),
        "{e}"
    );
}

#[test]
fn csv_values_beyond_the_limits_are_refused_by_line_and_field() {
    let cases = [
        ("x1,x2,label\n1,2,0\n1e308,2,1\n", Task::Binary, 3, "x1"),
        ("x1,x2,label\n1,-1e308,0\n", Task::Binary, 2, "x2"),
        ("x1,x2,label\n1,1000000.001,0\n", Task::Binary, 2, "x2"),
        (
            "x1,x2,label\n1,2,0.5\n1,2,1e308\n",
            Task::Regression,
            3,
            "label",
        ),
        ("x1,x2,label\n1,2,-1000001\n", Task::Regression, 2, "label"),
    ];
    for (text, task, line, field) in cases {
        let e = parse_csv(text, task).unwrap_err();
        assert_eq!((e.line, e.field), (line, Some(field)), "{text:?}: {e}");
        assert!(e.to_string().contains("-1e6 to 1e6"), "{e}");
        assert!(parse_csv_inferring(text).is_err(), "{text:?}");
    }
    // At the limits, the plot's bounds are finite and hold every point.
    let edge = "x1,x2,label\n1e6,-1e6,-1e6\n-1e6,1e6,1e6\n";
    for data in [parse_csv(edge, Task::Regression), parse_csv_inferring(edge)] {
        let b = data.unwrap().bounds;
        let all = [b.x1_min, b.x1_max, b.x2_min, b.x2_max];
        assert!(all.iter().all(|v| v.is_finite()), "{b:?}");
        assert!(b.x1_min <= -1e6 && b.x1_max >= 1e6 && b.x2_min <= -1e6 && b.x2_max >= 1e6);
    }
}

fn refusal(text: &str) -> String {
    WeightsFile::parse(text).expect_err(text)
}

#[test]
fn refuses_values_beyond_the_limit_by_field() {
    let e = refusal(
        r#"{"layers":[{"weights":[[1,2]],"biases":[0]},{"weights":[[-1e308]],"biases":[1e6]}]}"#,
    );
    assert!(
        e.starts_with(
            "layers[1].weights[0][0]: -1e308 is beyond the range of a weight, -1e6 to 1e6"
        ),
        "{e}"
    );
    let e = refusal(r#"{"layers":[{"weights":[[1,2]],"biases":[1000000.5]}]}"#);
    assert!(
        e.starts_with("layers[0].biases[0]: 1.0000005e6 is beyond"),
        "{e}"
    );
    assert!(WeightsFile::parse(r#"{"layers":[{"weights":[[1e6,-1e6]],"biases":[0]}]}"#).is_ok());
}

#[test]
fn quotes_only_an_excerpt_of_text_and_keys() {
    let long = format!("\\u001b[31m{}\\r", "k".repeat(1 << 20));
    for text in [
        format!(r#"{{"layers":[{{"weights":[["{long}"]],"biases":[0]}}]}}"#),
        format!(r#"{{"{long}":1}}"#),
        format!(r#"{{"layers":[{{"{long}":[]}}]}}"#),
        format!(r#""{long}""#),
    ] {
        let e = refusal(&text);
        assert!(e.len() < 200, "{} bytes: {}", e.len(), &e[..200]);
        assert!(!e.chars().any(char::is_control), "{e}");
        assert!(e.contains("\\u{1b}[31mkkk"), "{e}");
    }
    let e = refusal(&format!(
        r#"{{"layers":[{{"weights":[["{long}"]],"biases":[0]}}]}}"#
    ));
    assert!(
        e.starts_with("layers[0].weights[0][0]: expected a number, found the text '"),
        "{e}"
    );
    let e = refusal(&format!(r#"{{"{long}":1}}"#));
    assert!(e.starts_with("unknown field '"), "{e}");
    assert!(e.contains("expected layers"), "{e}");
}

#[test]
fn names_what_is_missing_twice_or_of_the_wrong_kind() {
    let cases = [
        (r#"{}"#, "layers: missing"),
        (
            r#"{"layers":[{"weights":[[1,2]]}]}"#,
            "layers[0].biases: missing",
        ),
        (r#"{"layers":[],"layers":[]}"#, "layers: given twice"),
        (
            r#"{"layers":[{"weights":[[1,2]],"biases":[0],"weights":[]}]}"#,
            "layers[0].weights: given twice",
        ),
        (
            r#"{"layers":[{"weights":[[1,2]],"biases":[0]}],"weights":1}"#,
            "unknown field 'weights'; expected layers",
        ),
        (
            r#"{"layers":{}}"#,
            "layers: expected a list of layers, found an object",
        ),
        (
            r#"{"layers":[[]]}"#,
            "layers[0]: expected an object with weights and biases, found a list",
        ),
        (
            r#"{"layers":[{"weights":[1],"biases":[0]}]}"#,
            "layers[0].weights[0]: expected a list of numbers, found a number",
        ),
        (
            r#"{"layers":[{"weights":[[true]],"biases":[0]}]}"#,
            "layers[0].weights[0][0]: expected a number, found true",
        ),
        (
            r#"{"layers":[{"weights":[[null]],"biases":[0]}]}"#,
            "found null",
        ),
        (
            r#"[1]"#,
            "the file: expected an object with layers, found a list",
        ),
        (r#"{"layers":[]} x"#, "trailing characters"),
    ];
    for (text, words) in cases {
        let e = refusal(text);
        assert!(e.contains(words), "{text}: {e}");
    }
}

#[test]
fn refuses_more_layers_rows_or_values_than_a_network_has() {
    let layer = r#"{"weights":[[1]],"biases":[0]}"#;
    let many = [layer; 10].join(",");
    let e = refusal(&format!(r#"{{"layers":[{many}]}}"#));
    assert!(e.starts_with("layers: more than 9 layers"), "{e}");
    let rows = vec!["[1]"; 65].join(",");
    let e = refusal(&format!(
        r#"{{"layers":[{{"weights":[{rows}],"biases":[]}}]}}"#
    ));
    assert!(e.starts_with("layers[0].weights: more than 64 rows"), "{e}");
    let row = vec!["0"; 1_000_000].join(",");
    let e = refusal(&format!(
        r#"{{"layers":[{{"weights":[[{row}]],"biases":[]}}]}}"#
    ));
    assert!(
        e.starts_with("layers[0].weights[0]: more than 64 values"),
        "{e}"
    );
    let full = vec!["0"; 64].join(",");
    let rows = vec![format!("[{full}]"); 64].join(",");
    let layers = vec![format!(r#"{{"weights":[{rows}],"biases":[{full}]}}"#); 9].join(",");
    let file = WeightsFile::parse(&format!(r#"{{"layers":[{layers}]}}"#)).unwrap();
    assert_eq!(file.layers.len(), 9);
}
