"""What a budget reads from a run, and the shape of a budget: one row of a table.

Reads the dict ``benchmarks.run`` builds (the same as ``results.json``). Produces ``Measured`` (the run's figures
at the size the budgets are for, the profile, the preview, and the stages measured once a run: the screenshot
page, the corpus with screenshots, the import) and ``Rule``, a row of the tables of ``build_budgets`` and
``media_budgets``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .builds import OURS

BUDGET_SIZE = 3000
GROWTH_SIZE = 1000
PREVIEW_SIZE = 1000


@dataclass(frozen=True)
class Measured:
    """What the budgets read from a run: its figures at the budget's size, the profile and the preview."""

    results: dict
    size: int  # BUDGET_SIZE, else the largest size measured
    sizes: tuple[int, ...]

    @property
    def at_size(self) -> dict:
        return self.results["sizes"][str(self.size)]

    @property
    def ours(self) -> dict:
        return self.at_size[OURS]

    @property
    def where(self) -> str:
        return at(self.size)

    @property
    def profile(self) -> dict | None:
        return self.results.get("profile")

    @property
    def preview(self) -> dict | None:
        return self.results.get("preview")

    @property
    def used_browser(self) -> bool:
        return self.results["settings"]["browser"]

    def stage(self, name: str) -> dict | None:
        """A figure measured once a run (``screenshots``, ``images``, ``import``), None when not measured."""
        return self.results.get(name) or None


def measured(results: dict) -> Measured:
    sizes = tuple(sorted(int(n) for n in results["sizes"]))
    return Measured(results, BUDGET_SIZE if BUDGET_SIZE in sizes else max(sizes), sizes)


def at(size: int, wanted: int = BUDGET_SIZE) -> str:
    return f"N={size}" if size == wanted else f"N={size} (the budget is for N={wanted})"


def _at_budget_size(m: Measured) -> str:
    return m.where


@dataclass(frozen=True)
class Rule:
    """A budget: its limit and unit, where its value comes from, where it was measured."""

    key: str
    text: str
    limit: float | Callable[[Measured], float]
    unit: str  # "×", "share", "MB", "bytes", "ms", "s", "files", "CLS"
    value: Callable[[Measured], float | None]
    at: Callable[[Measured], str] = _at_budget_size
    strictly_below: bool = False  # "<" rather than "≤"
    also: Callable[[Measured], bool] | None = None  # a condition besides the limit, once measured
    # The figure is the median of rounds' values (``paired``): judged by the range of that median, not the figure.
    rounds: Callable[[Measured], list[float] | None] | None = None
    applies: Callable[[Measured], bool] | None = None  # None: always in the table

    @property
    def comparison(self) -> str:
        return "<" if self.strictly_below else "≤"
