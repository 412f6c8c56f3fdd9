"""`make check`: every rule has a fixture with its exact message, file, line and exit status.

Errors also stop the build (the same checks run inside it) and leave no site behind.
"""

from __future__ import annotations

import pytest

from conftest import REPO, SITES, run_cli

CASES = sorted(p.name for p in SITES.iterdir() if (p / "check.txt").exists())


def expectations(case: str) -> tuple[int, list[str]]:
    first, *lines = (SITES / case / "check.txt").read_text(encoding="utf-8").splitlines()
    return int(first.split()[1]), lines


@pytest.mark.parametrize("case", CASES)
def test_check_reports_the_problem(make_site, case):
    status, expected = expectations(case)
    result = make_site(case, build=False).cli("check")
    assert result.returncode == status, result.stdout + result.stderr
    for line in expected:
        assert line in result.stdout, result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stdout.rstrip().splitlines()[-1].endswith(("warning", "warnings"))


@pytest.mark.parametrize("case", [c for c in CASES if expectations(c)[0] == 1])
def test_check_errors_also_stop_the_build(make_site, case):
    built = make_site(case)
    assert not built.ok
    assert expectations(case)[1][0] in built.output
    assert not built.out.exists()


def test_sample_content_is_clean():
    result = run_cli(REPO, "check")
    assert result.returncode == 0
    assert result.stdout.strip().splitlines()[-1] == "0 errors, 0 warnings"


@pytest.mark.parametrize("case", [c for c in CASES if expectations(c)[0] == 0])
def test_check_warnings_are_printed_once_by_the_build(make_site, case):
    """Each language's process checks its own articles (parallel builds): a warning about either language's
    article still reaches the writer, once."""
    built = make_site(case)
    assert built.ok, built.output
    expected = expectations(case)[1][0]
    assert len([line for line in built.output.splitlines() if expected in line]) == 1, built.output
