"""Independent oracle for crates/core/src/rounded_math.rs and rng.rs.

Writes correctly rounded sin, cos and log (60-digit decimal arithmetic, rounded once) and
numpy's first 2000 randn draws after np.random.seed(1).
Run: python3 scripts/oracle/rounded_math_reference.py crates/core/tests/fixtures
"""
import random
import sys
from decimal import Decimal, getcontext

import numpy as np

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from course_reference import rounded_cos, rounded_sin  # noqa: E402


def rounded_log(x):
    getcontext().prec = 60
    return float(Decimal(x).ln())


def main(out_dir):
    rng = random.Random(12345)
    with open(f"{out_dir}/rounded_math.csv", "w") as f:
        f.write("function,x,value\n")
        for i in range(1500):
            x = rng.uniform(-30, 30) if i % 2 else rng.uniform(-1, 8)
            f.write(f"sin,{x!r},{rounded_sin(x)!r}\n")
            f.write(f"cos,{x!r},{rounded_cos(x)!r}\n")
        for i in range(1500):
            x = rng.random() if i % 3 else rng.uniform(0, 1e6) * 10.0 ** rng.randint(-300, 300)
            f.write(f"log,{x!r},{rounded_log(x)!r}\n")
    np.random.seed(1)
    with open(f"{out_dir}/randn_seed1.txt", "w") as f:
        f.write("\n".join(repr(float(v)) for v in np.random.randn(2000)) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
