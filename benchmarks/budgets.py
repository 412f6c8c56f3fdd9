"""Every budget of ``make bench`` as one table, and the one function that checks a run against it.

Reads the dict ``benchmarks.run`` builds (the same as ``results.json``, so a saved file can be checked again).
The rows are issue 10's (``build_budgets``) and those of the screenshots and the import, issues 28 and 29
(``media_budgets``). Produces one ``Budget`` per row that applies to the run: met, not met, undecided (a median of
rounds whose range holds the limit: ``paired``) or not measured, with the measured number and where it was
measured (``benchmarks/budgets.json`` keeps them).
"""

from __future__ import annotations

from dataclasses import dataclass

from . import paired
from .build_budgets import BUILD_RULES
from .measured import Measured, Rule, measured
from .media_budgets import MEDIA_RULES

__all__ = ["BUDGETS", "RULES", "Budget", "budgets", "check", "measured"]


@dataclass(frozen=True)
class Budget:
    """One budget checked against one run, as results.json keeps it."""

    key: str
    text: str  # the budget, as issue 10 states it
    limit: float
    unit: str
    measured: float | None  # None: not measured in this run
    at: str  # where it was measured
    met: bool | None  # None: not measured, or undecided (``within`` holds the limit)
    within: list[float] | None = None  # for a median of rounds: the range that holds it (``paired``)

    @property
    def undecided(self) -> bool:
        return self.met is None and self.measured is not None


BUDGETS: tuple[Rule, ...] = BUILD_RULES + MEDIA_RULES
RULES = {rule.key: rule for rule in BUDGETS}


def check(rule: Rule, m: Measured) -> Budget:
    """One budget against one run: not measured (None) while its value is missing."""
    value = rule.value(m)
    limit = rule.limit(m) if callable(rule.limit) else rule.limit
    met = None if value is None else (value < limit if rule.strictly_below else value <= limit)
    within = None
    if value is not None and rule.rounds is not None:
        # The rounds decide, or nothing does: a median of five noisy rounds under the limit is no verdict.
        found = paired.median_range(rule.rounds(m) or [])
        met, within = paired.verdict(found, limit), list(found) if found else None
    if met and rule.also is not None:
        met = rule.also(m)
    return Budget(rule.key, rule.text, limit, rule.unit, value, rule.at(m), met, within)


def budgets(results: dict) -> list[Budget]:
    m = measured(results)
    return [check(rule, m) for rule in BUDGETS if rule.applies is None or rule.applies(m)]
