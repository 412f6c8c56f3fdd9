"""`make translations`: missing, out-of-date and up-to-date translations, for people and machines."""

from __future__ import annotations

import json


def test_status_table_and_json(make_site):
    project = make_site("translation-status", build=False)
    result = project.cli("translations", "--format", "json")
    assert result.returncode == 0, result.stderr
    rows = {row["id"]: row for row in json.loads(result.stdout)}
    assert rows[3002]["state"] == "missing" and rows[3002]["translation"] == "fr"
    assert rows[2003]["state"] == "outdated"
    assert rows[2002]["state"] == "not recorded"
    table = project.cli("translations")
    assert "1 missing, 1 outdated" in table.stdout


def test_recording_a_translation_makes_it_up_to_date(make_site):
    project = make_site("translation-status", build=False)
    target = "docs/fr/my-account/forgot-password.md"
    recorded = project.cli("translations", "--record", target)
    assert recorded.returncode == 0, recorded.stderr
    rows = {row["id"]: row for row in json.loads(project.cli("translations", "--format", "json").stdout)}
    assert rows[2003]["state"] == "up to date"
    assert (project.root / target).read_text(encoding="utf-8").count("translation_of:") == 1
