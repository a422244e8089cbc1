//! Backward propagation against central finite differences of the cost, for every hidden
//! activation with every output, with and without regularisation.

use neuranim_core::network::Cache;
use neuranim_core::rng::RandomState;
use neuranim_core::{Activation, Network, Regularization, Task};

fn cost(net: &Network, reg: Regularization, x: &[f64], y: &[f64], m: usize) -> f64 {
    let mut cache = Cache::default();
    net.forward(x, m, &mut cache);
    net.mean_loss(y, &cache) + reg.penalty(net, m)
}

/// ‖analytic − numeric‖ / (‖analytic‖ + ‖numeric‖), the course's `gradient_check_n` measure.
fn relative_error(task: Task, activation: Activation, reg: Regularization) -> f64 {
    let mut rng = RandomState::new(42);
    let m = 7;
    let x: Vec<f64> = (0..2 * m).map(|_| rng.randn()).collect();
    let y: Vec<f64> = (0..m)
        .map(|_| match task {
            Task::Regression => rng.randn(),
            _ => rng.below(task.class_count().unwrap()) as f64,
        })
        .collect();
    let mut net = Network::new(2, &[5, 3], activation, task).unwrap();
    net.params_mut()
        .iter_mut()
        .for_each(|p| *p = rng.randn() * 0.8);

    let mut cache = Cache::default();
    let mut analytic = vec![0.0; net.params().len()];
    net.forward(&x, m, &mut cache);
    net.backward(&x, &y, &mut cache, &mut analytic);
    reg.add_gradient(&net, m, &mut analytic);

    let h = 1e-6;
    let numeric: Vec<f64> = (0..net.params().len())
        .map(|i| {
            let mut probe = net.clone();
            probe.params_mut()[i] += h;
            let plus = cost(&probe, reg, &x, &y, m);
            probe.params_mut()[i] -= 2.0 * h;
            let minus = cost(&probe, reg, &x, &y, m);
            (plus - minus) / (2.0 * h)
        })
        .collect();
    let norm = |v: &[f64]| v.iter().map(|a| a * a).sum::<f64>().sqrt();
    let diff: Vec<f64> = analytic.iter().zip(&numeric).map(|(a, n)| a - n).collect();
    norm(&diff) / (norm(&analytic) + norm(&numeric))
}

#[test]
fn every_activation_and_output_passes_the_gradient_check() {
    let tasks = [Task::Binary, Task::Classes { classes: 4 }, Task::Regression];
    let regs = [
        Regularization::None,
        Regularization::L2(0.7),
        Regularization::L1(0.3),
    ];
    for task in tasks {
        for activation in Activation::ALL {
            for reg in regs {
                let e = relative_error(task, activation, reg);
                assert!(e < 1e-6, "{task:?} {activation:?} {reg:?}: {e:e}");
            }
        }
    }
}
