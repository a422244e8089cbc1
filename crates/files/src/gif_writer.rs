//! Animated GIFs of exported frames, with a fixed palette the page chooses: each RGBA frame
//! is mapped to the palette through a 32 × 32 × 32 colour cube computed once, which keeps a
//! 400 × 400 frame near 15 ms where a per-frame quantiser costs ten times that.

use wasm_bindgen::prelude::*;

const CUBE_BITS: u32 = 5;
const CUBE_SIDE: usize = 1 << CUBE_BITS;

#[wasm_bindgen]
pub struct GifWriter {
    encoder: gif::Encoder<Vec<u8>>,
    width: u16,
    height: u16,
    delay: u16,
    /// The nearest palette index of each cube cell.
    cube: Vec<u8>,
    indices: Vec<u8>,
    /// The last frame's indices: a frame stores only the rectangle that changed since, with
    /// the pixels that did not as the transparent index, which LZW packs into almost nothing.
    previous: Option<Vec<u8>>,
    /// An index the palette does not use, when it has fewer than 256 colours.
    transparent: Option<u8>,
    frames: u32,
}

#[wasm_bindgen]
impl GifWriter {
    /// A GIF of width × height frames, each shown `delay_ms` milliseconds, looping, in the
    /// colours of `palette` (RGB triples, at most 256).
    #[wasm_bindgen(constructor)]
    pub fn new(
        width: u16,
        height: u16,
        palette: &[u8],
        delay_ms: u32,
    ) -> Result<GifWriter, JsError> {
        let colours = palette.len() / 3;
        if width == 0 || height == 0 || !(2..=256).contains(&colours) || palette.len() % 3 != 0 {
            return Err(JsError::new(
                "a GIF needs a size and a palette of 2 to 256 RGB colours",
            ));
        }
        let mut encoder = gif::Encoder::new(Vec::new(), width, height, palette)
            .map_err(|e| JsError::new(&e.to_string()))?;
        encoder
            .set_repeat(gif::Repeat::Infinite)
            .map_err(|e| JsError::new(&e.to_string()))?;
        Ok(Self {
            encoder,
            width,
            height,
            // GIF delays are in hundredths of a second.
            delay: (delay_ms / 10).clamp(2, 65_535) as u16,
            cube: nearest_cube(palette),
            indices: vec![0; usize::from(width) * usize::from(height)],
            previous: None,
            transparent: u8::try_from(colours).ok(),
            frames: 0,
        })
    }

    /// Adds one frame of RGBA pixels (width × height × 4 bytes).
    #[wasm_bindgen(js_name = addFrame)]
    pub fn add_frame(&mut self, rgba: &[u8]) -> Result<(), JsError> {
        if rgba.len() != self.indices.len() * 4 {
            return Err(JsError::new("a frame must be width × height RGBA pixels"));
        }
        for (index, pixel) in self.indices.iter_mut().zip(rgba.chunks_exact(4)) {
            *index = self.cube[cell(pixel[0], pixel[1], pixel[2])];
        }
        let mut frame = match (self.transparent, &self.previous) {
            (Some(clear), Some(previous)) => self.changes(previous, clear),
            _ => {
                gif::Frame::from_indexed_pixels(self.width, self.height, self.indices.clone(), None)
            }
        };
        frame.delay = self.delay;
        frame.dispose = gif::DisposalMethod::Keep;
        self.previous = Some(self.indices.clone());
        self.encoder
            .write_frame(&frame)
            .map_err(|e| JsError::new(&e.to_string()))?;
        self.frames += 1;
        Ok(())
    }

    /// Frames added so far.
    /// The rectangle of pixels that changed since `previous`, unchanged ones as `clear`; a
    /// single clear pixel when nothing changed, so that the frame still takes its time.
    fn changes(&self, previous: &[u8], clear: u8) -> gif::Frame<'static> {
        let width = usize::from(self.width);
        let (mut left, mut top, mut right, mut bottom) = (width, usize::MAX, 0, 0);
        for (i, (now, before)) in self.indices.iter().zip(previous).enumerate() {
            if now != before {
                let (x, y) = (i % width, i / width);
                left = left.min(x);
                right = right.max(x);
                top = top.min(y);
                bottom = y;
            }
        }
        if top == usize::MAX {
            return gif::Frame::from_indexed_pixels(1, 1, vec![clear], Some(clear));
        }
        let mut pixels = Vec::with_capacity((right - left + 1) * (bottom - top + 1));
        for y in top..=bottom {
            for x in left..=right {
                let i = y * width + x;
                pixels.push(if self.indices[i] == previous[i] {
                    clear
                } else {
                    self.indices[i]
                });
            }
        }
        let as_u16 = |v: usize| u16::try_from(v).unwrap_or(u16::MAX);
        let mut frame = gif::Frame::from_indexed_pixels(
            as_u16(right - left + 1),
            as_u16(bottom - top + 1),
            pixels,
            Some(clear),
        );
        frame.left = as_u16(left);
        frame.top = as_u16(top);
        frame
    }

    pub fn frames(&self) -> u32 {
        self.frames
    }

    /// The finished file.
    pub fn finish(self) -> Result<Vec<u8>, JsError> {
        self.encoder
            .into_inner()
            .map_err(|e| JsError::new(&e.to_string()))
    }
}

impl std::fmt::Debug for GifWriter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GifWriter")
            .field("width", &self.width)
            .field("height", &self.height)
            .field("frames", &self.frames)
            .finish_non_exhaustive()
    }
}

fn cell(r: u8, g: u8, b: u8) -> usize {
    let s = 8 - CUBE_BITS;
    (usize::from(r >> s) << (2 * CUBE_BITS))
        | (usize::from(g >> s) << CUBE_BITS)
        | usize::from(b >> s)
}

/// For every cell of the colour cube, the palette colour nearest its centre.
fn nearest_cube(palette: &[u8]) -> Vec<u8> {
    let colours: Vec<[i32; 3]> = palette
        .chunks_exact(3)
        .map(|c| [i32::from(c[0]), i32::from(c[1]), i32::from(c[2])])
        .collect();
    let centre = |i: usize| ((i << (8 - CUBE_BITS)) + (1 << (7 - CUBE_BITS))) as i32;
    let mut cube = vec![0u8; CUBE_SIDE * CUBE_SIDE * CUBE_SIDE];
    for r in 0..CUBE_SIDE {
        for g in 0..CUBE_SIDE {
            for b in 0..CUBE_SIDE {
                let at = [centre(r), centre(g), centre(b)];
                let nearest = colours
                    .iter()
                    .enumerate()
                    .min_by_key(|(_, c)| (0..3).map(|k| (c[k] - at[k]).pow(2)).sum::<i32>())
                    .map_or(0, |(i, _)| i);
                cube[(r << (2 * CUBE_BITS)) | (g << CUBE_BITS) | b] = nearest as u8;
            }
        }
    }
    cube
}
