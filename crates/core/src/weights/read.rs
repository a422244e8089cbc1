//! The weights file read value by value: every refusal is worded here, naming its field,
//! since serde's own messages quote a file's text whole.

use super::{LayerWeights, WeightsFile, MAX_WEIGHT};
use crate::excerpt::excerpt;
use crate::features::Feature;
use crate::json_error::worded;
use crate::network::{MAX_HIDDEN_LAYERS, MAX_LAYER_SIZE};
use crate::output::MAX_CLASSES;
use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use std::fmt;

/// The most layers, rows of a layer and values of a row a network can have: a file with
/// more is refused as soon as they are seen, so that reading it costs little memory.
const MAX_LAYERS: usize = MAX_HIDDEN_LAYERS + 1;
const MAX_ROWS: usize = if MAX_LAYER_SIZE > MAX_CLASSES {
    MAX_LAYER_SIZE
} else {
    MAX_CLASSES
};
const MAX_ROW_VALUES: usize = if MAX_LAYER_SIZE > Feature::ALL.len() {
    MAX_LAYER_SIZE
} else {
    Feature::ALL.len()
};

pub(super) fn weights_file(text: &str) -> Result<WeightsFile, String> {
    if text.trim().is_empty() {
        return Err("the file is empty".into());
    }
    let mut reader = serde_json::Deserializer::from_str(text);
    let file = Expect(FilePart).deserialize(&mut reader);
    file.and_then(|f| reader.end().map(|()| f))
        .map_err(|e| worded(&e))
}

/// One part of the file, read from whatever JSON value comes: the kinds it does not read
/// are refused with its path, rather than with serde's message, which quotes text whole.
trait Part<'de>: Sized {
    type Value;
    /// What the part is, for "expected …".
    const EXPECTED: &'static str;
    fn path(&self) -> String;

    fn number<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
        Err(self.found("a number"))
    }
    fn list<A: SeqAccess<'de>>(self, _: A) -> Result<Self::Value, A::Error> {
        Err(self.found("a list"))
    }
    fn object<A: MapAccess<'de>>(self, _: A) -> Result<Self::Value, A::Error> {
        Err(self.found("an object"))
    }

    fn found<E: de::Error>(&self, what: &str) -> E {
        self.error(format_args!("expected {}, found {what}", Self::EXPECTED))
    }
    fn error<E: de::Error>(&self, message: impl fmt::Display) -> E {
        E::custom(format_args!("{}: {message}", self.path()))
    }
}

struct Expect<P>(P);

impl<'de, P: Part<'de>> DeserializeSeed<'de> for Expect<P> {
    type Value = P::Value;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<P::Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de, P: Part<'de>> Visitor<'de> for Expect<P> {
    type Value = P::Value;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(P::EXPECTED)
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<P::Value, E> {
        Err(self.0.found(if v { "true" } else { "false" }))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<P::Value, E> {
        self.0.number(v as f64)
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<P::Value, E> {
        self.0.number(v as f64)
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<P::Value, E> {
        self.0.number(v)
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<P::Value, E> {
        Err(self.0.found(&format!("the text '{}'", excerpt(v))))
    }
    fn visit_unit<E: de::Error>(self) -> Result<P::Value, E> {
        Err(self.0.found("null"))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<P::Value, A::Error> {
        self.0.list(seq)
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<P::Value, A::Error> {
        self.0.object(map)
    }
}

/// An object's key, kept only when it is one of ours.
struct Key;

impl<'de> DeserializeSeed<'de> for Key {
    type Value = Result<&'static str, String>;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_str(self)
    }
}

impl Visitor<'_> for Key {
    type Value = Result<&'static str, String>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a key")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(["layers", "weights", "biases"]
            .into_iter()
            .find(|&k| k == v)
            .ok_or_else(|| excerpt(v)))
    }
}

/// Reads an object's fields, each once and each among `names`, with `read(name)`.
fn fields<'de, A: MapAccess<'de>>(
    mut map: A,
    path: &str,
    names: &[&'static str],
    mut read: impl FnMut(&mut A, &'static str) -> Result<(), A::Error>,
) -> Result<(), A::Error> {
    let of = |name: &str| match path {
        "" => name.to_string(),
        _ => format!("{path}.{name}"),
    };
    let unknown = |shown: &str| {
        let at = if path.is_empty() { "" } else { ": " };
        de::Error::custom(format_args!(
            "{path}{at}unknown field '{shown}'; expected {}",
            names.join(" and ")
        ))
    };
    let mut seen = Vec::new();
    while let Some(key) = map.next_key_seed(Key)? {
        let name = match key {
            Ok(name) if names.contains(&name) => name,
            Ok(name) => return Err(unknown(name)),
            Err(shown) => return Err(unknown(&shown)),
        };
        if seen.contains(&name) {
            return Err(de::Error::custom(format_args!("{}: given twice", of(name))));
        }
        seen.push(name);
        read(&mut map, name)?;
    }
    match names.iter().find(|n| !seen.contains(n)) {
        Some(missing) => Err(de::Error::custom(format_args!("{}: missing", of(missing)))),
        None => Ok(()),
    }
}

/// `{"layers": […]}`.
struct FilePart;

impl<'de> Part<'de> for FilePart {
    type Value = WeightsFile;
    const EXPECTED: &'static str = "an object with layers";
    fn path(&self) -> String {
        "the file".into()
    }
    fn object<A: MapAccess<'de>>(self, map: A) -> Result<WeightsFile, A::Error> {
        let mut layers = Vec::new();
        fields(map, "", &["layers"], |map, _| {
            layers = map.next_value_seed(Expect(LayersPart))?;
            Ok(())
        })?;
        Ok(WeightsFile { layers })
    }
}

struct LayersPart;

impl<'de> Part<'de> for LayersPart {
    type Value = Vec<LayerWeights>;
    const EXPECTED: &'static str = "a list of layers";
    fn path(&self) -> String {
        "layers".into()
    }
    fn list<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut layers = Vec::new();
        while let Some(layer) = seq.next_element_seed(Expect(LayerPart(layers.len())))? {
            if layers.len() == MAX_LAYERS {
                return Err(self.error(format_args!(
                    "more than {MAX_LAYERS} layers; a network has at most \
                     {MAX_HIDDEN_LAYERS} hidden layers and its output layer"
                )));
            }
            layers.push(layer);
        }
        Ok(layers)
    }
}

/// `{"weights": [[…], …], "biases": […]}`, layer `.0`.
struct LayerPart(usize);

impl<'de> Part<'de> for LayerPart {
    type Value = LayerWeights;
    const EXPECTED: &'static str = "an object with weights and biases";
    fn path(&self) -> String {
        format!("layers[{}]", self.0)
    }
    fn object<A: MapAccess<'de>>(self, map: A) -> Result<LayerWeights, A::Error> {
        let path = self.path();
        let (mut weights, mut biases) = (Vec::new(), Vec::new());
        fields(map, &path, &["weights", "biases"], |map, name| {
            match name {
                "weights" => weights = map.next_value_seed(Expect(RowsPart(self.0)))?,
                _ => {
                    let part = ValuesPart {
                        path: format!("{path}.biases"),
                        most: MAX_ROWS,
                    };
                    biases = map.next_value_seed(Expect(part))?;
                }
            }
            Ok(())
        })?;
        Ok(LayerWeights { weights, biases })
    }
}

/// W of layer `.0`, one row per neuron.
struct RowsPart(usize);

impl<'de> Part<'de> for RowsPart {
    type Value = Vec<Vec<f64>>;
    const EXPECTED: &'static str = "a list of rows";
    fn path(&self) -> String {
        format!("layers[{}].weights", self.0)
    }
    fn list<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut rows = Vec::new();
        loop {
            let row = ValuesPart {
                path: format!("{}[{}]", self.path(), rows.len()),
                most: MAX_ROW_VALUES,
            };
            let Some(row) = seq.next_element_seed(Expect(row))? else {
                return Ok(rows);
            };
            if rows.len() == MAX_ROWS {
                return Err(self.error(format_args!(
                    "more than {MAX_ROWS} rows; a layer has at most {MAX_ROWS} neurons"
                )));
            }
            rows.push(row);
        }
    }
}

/// A row of W or the biases: at most `most` numbers.
struct ValuesPart {
    path: String,
    most: usize,
}

impl<'de> Part<'de> for ValuesPart {
    type Value = Vec<f64>;
    const EXPECTED: &'static str = "a list of numbers";
    fn path(&self) -> String {
        self.path.clone()
    }
    fn list<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<f64>, A::Error> {
        let mut values = Vec::new();
        while let Some(v) = seq.next_element_seed(Expect(ValuePart(&self, values.len())))? {
            if values.len() == self.most {
                return Err(self.error(format_args!(
                    "more than {} values; a network has no more",
                    self.most
                )));
            }
            values.push(v);
        }
        Ok(values)
    }
}

/// Value `.1` of a row or of the biases.
struct ValuePart<'a>(&'a ValuesPart, usize);

impl<'de> Part<'de> for ValuePart<'_> {
    type Value = f64;
    const EXPECTED: &'static str = "a number";
    fn path(&self) -> String {
        format!("{}[{}]", self.0.path, self.1)
    }
    fn number<E: de::Error>(self, v: f64) -> Result<f64, E> {
        if v.abs() > MAX_WEIGHT {
            return Err(self.error(format_args!(
                "{v:e} is beyond the range of a weight, -{MAX_WEIGHT:e} to {MAX_WEIGHT:e}"
            )));
        }
        Ok(v)
    }
}
