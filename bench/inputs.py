"""Fixed-seed benchmark inputs for Factor Fleet, one number per line.

Usage: python3 bench/inputs.py OUTDIR SCALE NAME=KIND:COUNT ...
  KIND is random63, semiprime31, semiprime50, random9digit or small; COUNT is divided by SCALE
  (at least 2 are written). Each NAME becomes OUTDIR/NAME.txt. The same arguments always give
  the same files. Numbers are generated and written block by block, so memory stays small
  whatever COUNT is.
"""
import random
import sys

SMALL_PRIMES = (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37)


def is_prime(n):
    """Deterministic Miller-Rabin, exact far beyond the sizes used here."""
    if n < 2:
        return False
    for p in SMALL_PRIMES:
        if n % p == 0:
            return n == p
    d, s = n - 1, 0
    while d % 2 == 0:
        d //= 2
        s += 1
    for a in SMALL_PRIMES:
        x = pow(a, d, n)
        if x in (1, n - 1):
            continue
        for _ in range(s - 1):
            x = x * x % n
            if x == n - 1:
                break
        else:
            return False
    return True


def prime(rnd, bits):
    while True:
        p = rnd.getrandbits(bits) | (1 << (bits - 1)) | 1
        if is_prime(p):
            return p


KINDS = {
    "random63": lambda rnd: rnd.getrandbits(63),
    "semiprime31": lambda rnd: prime(rnd, 31) * prime(rnd, 31),
    "semiprime50": lambda rnd: prime(rnd, 50) * prime(rnd, 50),
    "random9digit": lambda rnd: rnd.randrange(10**8, 10**9),
    "small": lambda rnd: rnd.randrange(2, 10**4),
}


# Numbers are written in blocks of this many, so that memory stays flat for inputs of any length.
BLOCK = 100_000


def main(outdir, scale, specs):
    rnd = random.Random(20240601)
    for spec in specs:
        name, kind_count = spec.split("=", 1)
        kind, count = kind_count.split(":", 1)
        make = KINDS[kind]
        left = max(2, int(count) // scale)
        with open(f"{outdir}/{name}.txt", "w") as f:
            while left > 0:
                block = min(left, BLOCK)
                f.write("".join(f"{make(rnd)}\n" for _ in range(block)))
                left -= block


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), sys.argv[3:])
