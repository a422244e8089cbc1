//! The `x1,x2,label` CSV that the CLI writes and the page imports. Floats are written in
//! their shortest form that reads back to the same bits.
//!
//! Values are read within limits that the plot and the network can represent: coordinates
//! within ±`MAX_COORDINATE` keep the plotting bounds finite and, with weights within
//! ±[`MAX_WEIGHT`](crate::weights::MAX_WEIGHT), every cost and gradient of the first
//! update; regression labels within ±`MAX_LABEL` keep the squared error finite. A message
//! quotes only an excerpt of the file.

use super::{Bounds, Dataset};
use crate::excerpt::excerpt;
use crate::output::{Task, MAX_CLASSES};
use std::fmt;

/// The largest |x1| or |x2| a file may hold.
pub const MAX_COORDINATE: f64 = 1e6;
/// The largest |label| of a regression file.
pub const MAX_LABEL: f64 = 1e6;

const HEADER: [&str; 3] = ["x1", "x2", "label"];

/// What is wrong with a CSV file, and where: `line` counts from 1, `field` names a column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CsvError {
    pub line: usize,
    pub field: Option<&'static str>,
    pub message: String,
}

impl fmt::Display for CsvError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.field {
            Some(field) => write!(f, "line {}, field {field}: {}", self.line, self.message),
            None => write!(f, "line {}: {}", self.line, self.message),
        }
    }
}

impl std::error::Error for CsvError {}

fn error(line: usize, field: Option<&'static str>, message: String) -> CsvError {
    CsvError {
        line,
        field,
        message,
    }
}

/// Reads points for `task`; a blank last line is allowed, nothing else is skipped.
pub fn parse_csv(text: &str, task: Task) -> Result<Dataset, CsvError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.lines().enumerate().map(|(i, l)| (i + 1, l.trim()));
    let header = match lines.next() {
        Some((_, h)) if !h.is_empty() => h,
        _ => return Err(error(1, None, "the file is empty".into())),
    };
    // A picture or a spreadsheet chosen by mistake (bytes that are not UTF-8, decoded with
    // replacement characters): said as such, not as its bytes.
    if header.contains('\u{fffd}') {
        return Err(error(
            1,
            None,
            "the file is not text; a CSV file of points starts with the line 'x1,x2,label'".into(),
        ));
    }
    // Compared lazily: a file without line feeds is one header line of any length.
    if !header.split(',').map(str::trim).eq(HEADER) {
        return Err(error(
            1,
            None,
            format!(
                "the header must be 'x1,x2,label', found '{}'",
                excerpt(header)
            ),
        ));
    }
    let mut points = Vec::new();
    let mut labels = Vec::new();
    for (line, row) in lines {
        // A blank line, as spreadsheets and hands leave them, holds no point.
        if row.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = row.split(',').map(str::trim).take(4).collect();
        if fields.len() != HEADER.len() {
            return Err(error(
                line,
                None,
                format!(
                    "expected 3 fields (x1,x2,label), found {}",
                    row.split(',').count()
                ),
            ));
        }
        let mut values = [0.0; 3];
        for ((value, text), name) in values.iter_mut().zip(&fields).zip(HEADER) {
            *value = read_value(text, name, task).map_err(|m| error(line, Some(name), m))?;
        }
        points.push([values[0], values[1]]);
        labels.push(values[2]);
    }
    if points.is_empty() {
        return Err(error(2, None, "the file has a header but no points".into()));
    }
    let bounds = Bounds::around(&points, 0.0);
    let margin = 0.1 * (bounds.x1_max - bounds.x1_min).max(bounds.x2_max - bounds.x2_min);
    Ok(Dataset {
        bounds: Bounds::around(&points, margin.max(0.5)),
        points,
        labels,
        task,
    })
}

/// One field's value, within the limit of its column.
fn read_value(text: &str, name: &str, task: Task) -> Result<f64, String> {
    let shown = || excerpt(text);
    let value = match text.parse::<f64>() {
        Ok(v) if v.is_finite() => v,
        Ok(_) => return Err(format!("'{}' is not finite", shown())),
        Err(_) => return Err(format!("'{}' is not a number", shown())),
    };
    let (limit, what) = match (name, task.class_count()) {
        ("label", Some(_)) if task.accepts(value) => return Ok(value),
        ("label", Some(classes)) => {
            return Err(format!(
                "'{}' is not a class of this task (0 to {})",
                shown(),
                classes - 1
            ))
        }
        ("label", None) => (MAX_LABEL, "a regression label"),
        _ => (MAX_COORDINATE, "a coordinate"),
    };
    if value.abs() > limit {
        return Err(format!(
            "'{}' is beyond the range of {what}, -{limit:e} to {limit:e}",
            shown()
        ));
    }
    Ok(value)
}

/// Reads points whose task the labels tell: whole numbers from 0 to k − 1 (k at most
/// `MAX_CLASSES`) are k classes, binary for two or fewer; anything else is regression.
pub fn parse_csv_inferring(text: &str) -> Result<Dataset, CsvError> {
    let mut data = parse_csv(text, Task::Regression)?;
    data.task = infer_task(&data.labels);
    Ok(data)
}

/// The task labels like these belong to (see `parse_csv_inferring`).
pub fn infer_task(labels: &[f64]) -> Task {
    let classes = labels.iter().try_fold(0usize, |most, &y| {
        let whole = y >= 0.0 && y.fract() == 0.0 && y < MAX_CLASSES as f64;
        whole.then(|| most.max(y as usize + 1))
    });
    match classes {
        Some(k) if k <= 2 => Task::Binary,
        Some(k) => Task::classification(k),
        None => Task::Regression,
    }
}

/// Writes the header and one row per point.
pub fn to_csv(data: &Dataset) -> String {
    points_to_csv(&data.points, &data.labels)
}

/// The header and one row per point and its label.
pub fn points_to_csv(points: &[[f64; 2]], labels: &[f64]) -> String {
    let mut out = String::from("x1,x2,label\n");
    for (p, y) in points.iter().zip(labels) {
        out.push_str(&format!("{},{},{}\n", p[0], p[1], y));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::DatasetName;

    #[test]
    fn round_trips_every_bit() {
        for name in [
            DatasetName::Flower,
            DatasetName::Plane,
            DatasetName::Spiral3,
        ] {
            let d = name.generate(2, name.default_noise());
            let back = parse_csv(&to_csv(&d), d.task).unwrap();
            assert_eq!(back.points, d.points);
            assert_eq!(back.labels, d.labels);
        }
    }

    #[test]
    fn names_the_line_and_field_of_each_fault() {
        let cases: [(&str, usize, Option<&str>, &str); 8] = [
            ("", 1, None, "empty"),
            ("a,b,c\n1,2,0\n", 1, None, "header"),
            ("\u{fffd}PNG\r\n\u{1a}\n", 1, None, "not text"),
            ("x1,x2,label\n", 2, None, "no points"),
            (
                "x1,x2,label\n1,2,0\n1,two,1\n",
                3,
                Some("x2"),
                "not a number",
            ),
            ("x1,x2,label\n1,2\n", 2, None, "expected 3 fields"),
            ("x1,x2,label\n1,2,0,4\n", 2, None, "found 4"),
            ("x1,x2,label\n1,inf,0\n", 2, Some("x2"), "not finite"),
        ];
        for (text, line, field, words) in cases {
            let e = parse_csv(text, Task::Binary).unwrap_err();
            assert_eq!((e.line, e.field), (line, field), "{text:?}: {e}");
            assert!(e.to_string().contains(words), "{text:?}: {e}");
        }
        let e = parse_csv("x1,x2,label\n1,2,0\n1,2,2\n", Task::Binary).unwrap_err();
        assert_eq!((e.line, e.field), (3, Some("label")));
        assert!(e.to_string().contains("0 to 1"), "{e}");
        assert!(parse_csv("x1,x2,label\n1,2,2\n", Task::classification(3)).is_ok());
        assert!(parse_csv("x1,x2,label\r\n1,2,0.5\r\n", Task::Regression).is_ok());
        // Blank lines hold no point, wherever they are; a line after them is still counted.
        let blank = parse_csv("x1,x2,label\n1,2,0\n\n  \r\n3,4,1\n\n", Task::Binary).unwrap();
        assert_eq!(blank.points, [[1.0, 2.0], [3.0, 4.0]]);
        let e = parse_csv("x1,x2,label\n1,2,0\n\n3,4,2\n", Task::Binary).unwrap_err();
        assert_eq!((e.line, e.field), (4, Some("label")));
    }

    #[test]
    fn labels_tell_the_task() {
        assert_eq!(infer_task(&[0.0, 1.0, 1.0]), Task::Binary);
        assert_eq!(infer_task(&[1.0, 1.0]), Task::Binary);
        assert_eq!(infer_task(&[0.0, 2.0, 5.0]), Task::classification(6));
        assert_eq!(infer_task(&[0.0, 0.5]), Task::Regression);
        assert_eq!(infer_task(&[0.0, -1.0]), Task::Regression);
        assert_eq!(infer_task(&[0.0, 8.0]), Task::Regression);
        let d = parse_csv_inferring("x1,x2,label\n1,2,0\n3,4,2\n").unwrap();
        assert_eq!(d.task, Task::classification(3));
    }
}
