"""Independent oracle: the course's planar-data notebook in numpy.

Writes the fixtures that the Rust tests compare against: the flower data set for
seed 1, initialize_parameters for n_h = 4 (seed 2) and the cost trace of nn_model.
Run: python3 scripts/oracle/course_reference.py crates/core/tests/fixtures
"""
import json
import sys
from decimal import Decimal, getcontext

import numpy as np


def load_planar_dataset():
    np.random.seed(1)
    m = 400
    n = int(m / 2)
    X = np.zeros((m, 2))
    Y = np.zeros((m, 1), dtype="uint8")
    a = 4
    for j in range(2):
        ix = range(n * j, n * (j + 1))
        t = np.linspace(j * 3.12, (j + 1) * 3.12, n) + np.random.randn(n) * 0.2
        r = a * np.sin(4 * t) + np.random.randn(n) * 0.2
        X[ix] = np.c_[r * np.sin(t), r * np.cos(t)]
        Y[ix] = j
    return X.T, Y.T


def rounded_sin(x):
    """sin(x) to 60 digits by Taylor series, rounded once to a double."""
    getcontext().prec = 60
    x = Decimal(x)
    total, term, n = Decimal(0), x, 1
    while abs(term) > Decimal(10) ** -58:
        total += term
        term = -term * x * x / ((n + 1) * (n + 2))
        n += 2
    return float(total)


def rounded_cos(x):
    getcontext().prec = 60
    x = Decimal(x)
    total, term, n = Decimal(0), Decimal(1), 0
    while abs(term) > Decimal(10) ** -58:
        total += term
        term = -term * x * x / ((n + 1) * (n + 2))
        n += 2
    return float(total)


def load_planar_dataset_correctly_rounded():
    """load_planar_dataset with numpy's draws but every sin and cos correctly rounded.

    The C library's sin, which numpy calls, is within an ulp but not always correctly rounded."""
    np.random.seed(1)
    points, labels = [], []
    for j in range(2):
        t = np.linspace(j * 3.12, (j + 1) * 3.12, 200) + np.random.randn(200) * 0.2
        noise = np.random.randn(200) * 0.2
        for tk, nk in zip(t, noise):
            r = 4 * rounded_sin(4 * float(tk)) + float(nk)
            points.append((r * rounded_sin(float(tk)), r * rounded_cos(float(tk))))
            labels.append(j)
    return points, labels


def initialize_parameters(n_x, n_h, n_y):
    np.random.seed(2)
    W1 = np.random.randn(n_h, n_x) * 0.01
    b1 = np.zeros((n_h, 1))
    W2 = np.random.randn(n_y, n_h) * 0.01
    b2 = np.zeros((n_y, 1))
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def nn_model(X, Y, n_h, num_iterations, learning_rate=1.2):
    p = initialize_parameters(X.shape[0], n_h, 1)
    m = X.shape[1]
    costs = []
    for _ in range(num_iterations + 1):
        Z1 = p["W1"] @ X + p["b1"]
        A1 = np.tanh(Z1)
        Z2 = p["W2"] @ A1 + p["b2"]
        A2 = sigmoid(Z2)
        costs.append(float(-np.sum(Y * np.log(A2) + (1 - Y) * np.log(1 - A2)) / m))
        dZ2 = A2 - Y
        dW2 = dZ2 @ A1.T / m
        db2 = np.sum(dZ2, axis=1, keepdims=True) / m
        dZ1 = (p["W2"].T @ dZ2) * (1 - A1**2)
        dW1 = dZ1 @ X.T / m
        db1 = np.sum(dZ1, axis=1, keepdims=True) / m
        for k, g in (("W1", dW1), ("b1", db1), ("W2", dW2), ("b2", db2)):
            p[k] = p[k] - learning_rate * g
    accuracy = float(np.mean((A2 > 0.5) == Y))
    return costs, accuracy


def main(out_dir):
    X, Y = load_planar_dataset()
    with open(f"{out_dir}/flower_seed1.csv", "w") as f:
        f.write("x1,x2,label\n")
        for i in range(X.shape[1]):
            f.write(f"{float(X[0, i])!r},{float(X[1, i])!r},{int(Y[0, i])}\n")
    points, labels = load_planar_dataset_correctly_rounded()
    with open(f"{out_dir}/flower_seed1_correctly_rounded.csv", "w") as f:
        f.write("x1,x2,label\n")
        for (x1, x2), y in zip(points, labels):
            f.write(f"{x1!r},{x2!r},{y}\n")
    p = initialize_parameters(2, 4, 1)
    costs, accuracy = nn_model(X, Y, 4, 10000)
    reference = {
        "W1": p["W1"].tolist(),
        "W2": p["W2"].tolist(),
        "cost_every_1000": costs[::1000],
        "final_accuracy": accuracy,
    }
    with open(f"{out_dir}/course_reference.json", "w") as f:
        json.dump(reference, f, indent=1)


if __name__ == "__main__":
    main(sys.argv[1])
