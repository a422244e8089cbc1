//! The GIF writer's files decode with the `gif` crate: the frames asked for, at their size
//! once composed (each frame after the first holds only what changed), each pixel the
//! palette colour nearest its own (checked by brute force), and frames that differ as
//! training moves.

use neuranim_core::{Grid, Rasterizer, Settings};
use neuranim_files::GifWriter;

const SIDE: u16 = 64;

/// A ramp from orange to blue through grey, 32 colours, plus black and white.
fn palette() -> Vec<u8> {
    let mut p = vec![0, 0, 0, 255, 255, 255];
    for i in 0..32u32 {
        let t = i as f64 / 31.0;
        let mix = |a: f64, b: f64| (a + t * (b - a)).round() as u8;
        p.extend([mix(245.0, 8.0), mix(147.0, 119.0), mix(34.0, 189.0)]);
    }
    p
}

/// The course's network's output after `updates` updates, as RGBA on the ramp.
fn frame(updates: usize) -> Vec<u8> {
    let mut session = Settings::default().start().unwrap();
    for _ in 0..updates {
        session.trainer.step().unwrap();
    }
    let grid = Grid {
        bounds: session.data.bounds,
        width: usize::from(SIDE),
        height: usize::from(SIDE),
    };
    let mut values = Vec::new();
    Rasterizer::default().output(session.trainer.network(), grid, &mut values);
    values
        .iter()
        .flat_map(|&v| {
            let t = f64::from(v).clamp(0.0, 1.0);
            [
                (245.0 - t * 237.0) as u8,
                (147.0 - t * 28.0) as u8,
                (34.0 + t * 155.0) as u8,
                255,
            ]
        })
        .collect()
}

fn nearest(palette: &[u8], rgb: &[u8]) -> [u8; 3] {
    let d = |c: &[u8]| {
        (0..3)
            .map(|k| (i32::from(c[k]) - i32::from(rgb[k])).pow(2))
            .sum::<i32>()
    };
    let best = palette.chunks_exact(3).min_by_key(|c| d(c)).unwrap();
    [best[0], best[1], best[2]]
}

#[test]
fn a_written_gif_decodes_to_its_frames() {
    let palette = palette();
    let inputs: Vec<Vec<u8>> = [0, 200, 1000, 3000].iter().map(|&n| frame(n)).collect();
    let mut writer = GifWriter::new(SIDE, SIDE, &palette, 120).unwrap();
    for rgba in &inputs {
        writer.add_frame(rgba).unwrap();
    }
    assert_eq!(writer.frames(), 4);
    let bytes = writer.finish().unwrap();

    let mut options = gif::DecodeOptions::new();
    options.set_color_output(gif::ColorOutput::RGBA);
    let mut decoder = options.read_info(bytes.as_slice()).unwrap();
    assert_eq!((decoder.width(), decoder.height()), (SIDE, SIDE));
    // Frames after the first hold only what changed, the rest transparent over the frame
    // before (kept, not disposed): composed as a browser shows them.
    let side = usize::from(SIDE);
    let mut screen = vec![0u8; side * side * 4];
    let mut decoded = Vec::new();
    let mut transparent = 0;
    while let Some(frame) = decoder.read_next_frame().unwrap() {
        assert!(frame.left + frame.width <= SIDE && frame.top + frame.height <= SIDE);
        assert_eq!(frame.delay, 12);
        let (left, top, width) = (
            usize::from(frame.left),
            usize::from(frame.top),
            usize::from(frame.width),
        );
        for (i, pixel) in frame.buffer.chunks_exact(4).enumerate() {
            if pixel[3] == 0 {
                transparent += 1;
                continue;
            }
            let at = ((top + i / width) * side + left + i % width) * 4;
            screen[at..at + 4].copy_from_slice(pixel);
        }
        decoded.push(screen.clone());
    }
    assert_eq!(decoded.len(), 4);
    assert!(
        transparent > 0,
        "later frames leave what did not change to the frame before"
    );
    for (input, output) in inputs.iter().zip(&decoded) {
        // The cube maps to the palette colour nearest each cell's centre: within one cube
        // step of the truly nearest.
        let off = input
            .chunks_exact(4)
            .zip(output.chunks_exact(4))
            .filter(|(i, o)| {
                let want = nearest(&palette, &i[..3]);
                (0..3).any(|k| (i32::from(want[k]) - i32::from(o[k])).abs() > 12)
            })
            .count();
        assert!(
            off * 100 < input.len() / 4,
            "{off} pixels far from their nearest colour"
        );
    }
    for pair in decoded.windows(2) {
        let changed = pair[0]
            .chunks_exact(4)
            .zip(pair[1].chunks_exact(4))
            .filter(|(a, b)| a != b)
            .count();
        assert!(
            changed > 100,
            "consecutive frames differ as training moves: {changed}"
        );
    }
}
