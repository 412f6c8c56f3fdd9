"""Settings (`extra.helpcentre` in mkdocs.yml) are read once; a wrong one stops the build with its line and the fix."""

from __future__ import annotations

from helpcentre.core import settings


def test_defaults_live_in_one_place_and_values_override_them():
    chosen, problems = settings.read({"recommended_count": 5, "general_contact": "mini-assist"})
    assert problems == []
    assert (chosen.recommended_count, chosen.full_answers_limit, chosen.general_contact) == (5, 30, "mini-assist")


def test_a_wrong_setting_stops_the_build_naming_mkdocs_yml_its_line_and_the_fix(make_site):
    built = make_site(config={"extra": {"helpcentre": {"recommended_count": "many", "colour": "red"}}})
    assert not built.ok and "Traceback" not in built.output
    assert "mkdocs.yml:5: error: extra.helpcentre.recommended_count must be a whole number such as 20" in built.output
    assert "mkdocs.yml:4: error: extra.helpcentre.colour is not a setting; use: recommended_count" in built.output
    assert not built.out.exists()


def test_the_feedback_collector_is_off_unless_given_a_web_address():
    assert settings.read({})[0].feedback_url == ""
    chosen, problems = settings.read({"feedback_url": "https://feedback.example.com/collect"})
    assert (chosen.feedback_url, problems) == ("https://feedback.example.com/collect", [])
    for wrong in ("feedback.example.com/collect", "javascript:alert(1)", "https://x.example/a b"):
        chosen, problems = settings.read({"feedback_url": wrong}, {"feedback_url": 7})
        assert chosen.feedback_url == ""
        assert [str(p) for p in problems] == [
            "mkdocs.yml:7: error: extra.helpcentre.feedback_url must be an http(s) address such as "
            f"https://feedback.example.com/collect, not {settings.shown(wrong)}"
        ]
