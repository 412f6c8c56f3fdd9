"""What rounds of paired builds say about a ratio, and whether they say enough to judge a budget on it.

Reads the wall times of two series built in the same rounds (a round builds each project once, one just before
or after the other), in round order. Produces each round's ratio, the range that holds the
median of such ratios with a known confidence whatever their distribution (order statistics: the sign test's
interval). A round's two builds meet the same moment of the machine, so its ratio cancels the drift that moves
every build of a run by a tenth or more here (CPU time too); the rounds' spread is what is left of the noise.

Cost: O(n log n) in the rounds (five to nine), nothing else.
"""

from __future__ import annotations

from collections.abc import Sequence
from math import comb

CONFIDENCE = 0.90  # the least chance that the range holds the median of the rounds' ratios


def ratios(numerators: Sequence[float], denominators: Sequence[float]) -> list[float]:
    """Each round's ratio, in round order."""
    return [a / b for a, b in zip(numerators, denominators, strict=True)]


def median_range(values: Sequence[float], confidence: float = CONFIDENCE) -> tuple[float, float] | None:
    """The narrowest [k-th smallest, k-th largest] of ``values`` that holds their distribution's median with at
    least ``confidence``: it fails only when k or more values fall on one side, a chance of
    2 × P(Binomial(n, 1/2) < k). None when there are too few values for any k (fewer than five at 90%)."""
    n = len(values)
    ordered = sorted(values)
    best = None
    for k in range(1, n // 2 + 1):
        if 1 - 2 * sum(comb(n, i) for i in range(k)) / 2**n < confidence:
            break
        best = (ordered[k - 1], ordered[n - k])
    return best


def verdict(within: tuple[float, float] | None, limit: float) -> bool | None:
    """Met (True) when ``within``, the range of the median (``median_range``), lies at or under ``limit``, not
    met (False) when wholly above, None when the rounds cannot tell (the range holds the limit, or too few)."""
    if within is None:
        return None
    low, high = within
    return True if high <= limit else False if low > limit else None
