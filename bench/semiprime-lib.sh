# shellcheck shell=bash
# Balanced semiprimes on fixed seeds, for the hard-number benchmarks; sourced, not run:
#
#   source "$ROOT/bench/semiprime-lib.sh"
#   balanced_semiprimes 65 3 70 1 > numbers.txt
#
# For D digits and index i: gp's setrand(D*1000+i), then p a random prime of floor(D/2) digits
# and q one of ceil(D/2) digits, drawn again until p*q has exactly D digits and p != q. The same
# arguments always give the same numbers (PARI/GP 2.15). Needs gp on the PATH.

balanced_semiprimes() { # balanced_semiprimes D K [D K]...: "D i N p q" a line, p < q, i = 1..K
  {
    cat <<'EOF'
gen(D, i) = {
  my(a = D \ 2, b = D - a, p = 0, q = 0);
  setrand(D * 1000 + i);
  until(#digits(p * q) == D && p != q,
    p = randomprime([10^(a - 1), 10^a]); q = randomprime([10^(b - 1), 10^b]));
  [min(p, q), max(p, q)];
}
EOF
    while (($# >= 2)); do
      echo "for (i = 1, $2, my(f = gen($1, i)); print($1, \" \", i, \" \", f[1] * f[2], \" \", f[1], \" \", f[2]));"
      shift 2
    done
  } | gp -q -f
}
