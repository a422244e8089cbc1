//! The walkthrough's numbers against the course's formulas computed here by hand, for a
//! trained 2-4-1 tanh/sigmoid network: Z1 = W1·X + b1, A1 = tanh Z1, Z2 = W2·A1 + b2,
//! A2 = σ(Z2), dZ2 = A2 − Y, dW2 = dZ2·A1ᵀ, db2 = dZ2, dZ1 = W2ᵀ·dZ2 ∗ (1 − A1²),
//! dW1 = dZ1·Xᵀ, db1 = dZ1.

use neuranim_core::maths::example_maths;
use neuranim_core::Settings;

/// Training's tanh and exp are within a few ulp of the standard library's.
fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-12 * a.abs().max(b.abs()).max(1e-6)
}

#[test]
fn the_walkthrough_follows_the_course_formulas() {
    let mut session = Settings::default().start().unwrap();
    for _ in 0..300 {
        session.trainer.step().unwrap();
    }
    let net = session.trainer.network();
    let (w1, b1) = (net.layer(0).weights, net.layer(0).biases);
    let (w2, b2) = (net.layer(1).weights, net.layer(1).biases);
    for (point, y) in [([0.5, -1.25], 1.0), ([-3.0, 2.0], 0.0), ([0.0, 0.0], 1.0)] {
        let m = example_maths(net, point, y);
        let z1: Vec<f64> = (0..4)
            .map(|i| w1[2 * i] * point[0] + w1[2 * i + 1] * point[1] + b1[i])
            .collect();
        let a1: Vec<f64> = z1.iter().map(|z| z.tanh()).collect();
        let z2 = (0..4).map(|i| w2[i] * a1[i]).sum::<f64>() + b2[0];
        let a2 = 1.0 / (1.0 + (-z2).exp());
        let loss = -(y * a2.ln() + (1.0 - y) * (1.0 - a2).ln());
        let l1 = &m.layers[0];
        let l2 = &m.layers[1];
        // The backward pass from the forward numbers shown, as a student checks it by hand
        // (1 − A1² from the standard library's tanh would magnify its last-bit differences
        // wherever a neuron saturates).
        let dz2 = l2.a[0] - y;
        let dz1: Vec<f64> = (0..4)
            .map(|i| w2[i] * dz2 * (1.0 - l1.a[i] * l1.a[i]))
            .collect();
        assert_eq!(m.x, point);
        for i in 0..4 {
            assert!(close(l1.z[i], z1[i]) && close(l1.a[i], a1[i]), "Z1/A1 {i}");
            assert!(
                close(l1.dz[i], dz1[i]) && close(l1.db[i], dz1[i]),
                "dZ1/db1 {i}"
            );
            for (k, x) in point.iter().enumerate() {
                assert!(close(l1.dw[2 * i + k], dz1[i] * x), "dW1 {i} {k}");
            }
            assert!(close(l2.dw[i], dz2 * l1.a[i]), "dW2 {i}");
        }
        assert!(close(l2.z[0], z2) && close(l2.a[0], a2));
        assert!(close(l2.dz[0], dz2) && close(l2.db[0], dz2));
        assert!((m.loss - loss).abs() < 1e-12, "{} vs {loss}", m.loss);
    }
}
