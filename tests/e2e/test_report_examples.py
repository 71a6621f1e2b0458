"""ANALYTICS.md section 5 worked examples, end to end: a real database built with the command
line, then ``report --json``. The same numbers are asserted on the domain functions in tests/unit.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import NOTES_FILE
from tests.helpers import run_cli

TOL = 1e-6


def _cli_ok(db: Path, *args: str) -> str:
    result = run_cli(db, *args)
    assert result.status == 0, result.err
    return result.out


def _report(db: Path, as_of: str) -> dict[str, Any]:
    data = json.loads(_cli_ok(db, "report", "--as-of", as_of, "--json"))
    assert isinstance(data, dict)
    return data


@pytest.fixture
def plan_db(tmp_path: Path) -> Path:
    db = tmp_path / "plan.db"
    _cli_ok(db, "plan", "import", str(NOTES_FILE), "--start", "2019-01-18", "--profile", "DVA-C01")
    return db


def test_example_1_evm_and_earned_schedule(plan_db: Path) -> None:
    for minutes, day in [(120, "2019-01-19"), (90, "2019-01-20"), (90, "2019-01-22")]:
        _cli_ok(plan_db, "log", "1", str(minutes), "--on", day)
    _cli_ok(plan_db, "log", "1", "120", "--on", "2019-01-27")
    _cli_ok(plan_db, "progress", "1", "--done", "--on", "2019-01-27")
    _cli_ok(plan_db, "log", "2", "60", "--on", "2019-01-30")
    _cli_ok(plan_db, "log", "look", "30m", "--on", "2019-02-03")
    _cli_ok(plan_db, "progress", "look", "--percent", "50", "--on", "2019-02-03")

    report = _report(plan_db, "2019-02-08")
    s = report["schedule"]
    assert report["as_of"] == "2019-02-08"
    assert report["plan"]["bac_hours"] == pytest.approx(38.2, abs=TOL)
    assert report["plan"]["planned_finish"] == "2019-03-28"
    expected = {
        "pv_hours": 14.4,
        "ev_hours": 7.95,
        "ac_hours": 8.5,
        "sv_hours": -6.45,
        "spi": 0.552083,
        "cv_hours": -0.55,
        "cpi": 0.935294,
        "eac_hours": 40.842767,
        "etc_hours": 32.342767,
        "vac_hours": -2.642767,
        "tcpi": 1.018519,
        "es_days": 10.5,
        "sv_days": -10.5,
        "spi_t": 0.5,
        "tspi_plan": 1.214286,
        "tspi_exam": 1.214286,
        "required_hours_per_week": 4.620395,
    }
    for key, value in expected.items():
        assert s[key] == pytest.approx(value, abs=TOL), key
    assert s["at_days"] == 21
    assert s["weekly_hours"] == pytest.approx([5.0, 3.0, 0.5], abs=TOL)
    assert s["ieac_past_efficiency"] == "2019-06-06"
    assert s["ieac_plan_pace"] == "2019-04-08"
    module_sv = [m["sv_days"] for m in report["modules"]]
    assert module_sv == pytest.approx([-3.0, -10.5, -7.0, 0, 0, 0, 0, 0], abs=TOL)
    assert [m["slip_days"] for m in report["modules"]][:3] == pytest.approx([3.0, 10.5, 7.0])
    assert report["modules"][0]["percent_complete"] == pytest.approx(100.0)
    assert report["modules"][1]["percent_complete"] == pytest.approx(50.0)
    # Forecast dates are deterministic for the same inputs.
    assert _report(plan_db, "2019-02-08")["schedule"] == s


def test_example_5a_cold_start(plan_db: Path) -> None:
    report = _report(plan_db, "2019-01-18")
    for when in ("today", "exam_day"):
        readiness = report["readiness"][when]
        assert [d["weight"] for d in readiness["domains"]] == [0.22, 0.26, 0.30, 0.10, 0.12]
        for domain in readiness["domains"]:
            assert domain["mean"] == pytest.approx(0.30, abs=TOL)
            assert domain["lo90"] == pytest.approx(0.058977, abs=TOL)
            assert domain["hi90"] == pytest.approx(0.621277, abs=TOL)
        assert readiness["p_pass"] == pytest.approx(0.002785, abs=TOL)
    assert report["schedule"]["spi_t"] is None
    assert report["schedule"]["sv_days"] is None


def _example_6_db(plan_db: Path, *, overall_only_second: bool = False) -> Path:
    days = [f"2019-02-{d:02d}" for d in range(1, 11)]
    for day in days:
        _cli_ok(plan_db, "log", "1", "30", "--on", day)
        _cli_ok(plan_db, "log", "2", "30", "--on", day)
    for position in range(1, 8):
        _cli_ok(plan_db, "progress", str(position), "--done", "--on", "2019-02-11")
    _cli_ok(
        plan_db,
        "mock", "add", "Test 1", "--on", "2019-03-16", "--score", "44/65",
        "--domain", "dep=9/14", "--domain", "sec=11/17", "--domain", "dev=15/20",
        "--domain", "ref=4/6", "--domain", "mon=5/8",
    )  # fmt: skip
    if overall_only_second:
        _cli_ok(plan_db, "mock", "add", "Test 2", "--on", "2019-03-23", "--score", "50/65")
    else:
        _cli_ok(
            plan_db,
            "mock", "add", "Test 2", "--on", "2019-03-23", "--score", "50/65",
            "--domain", "dep=10/14", "--domain", "sec=13/17", "--domain", "dev=16/20",
            "--domain", "ref=5/6", "--domain", "mon=6/8",
        )  # fmt: skip
    return plan_db


def test_example_6_two_mocks(plan_db: Path) -> None:
    report = _report(_example_6_db(plan_db), "2019-03-25")
    exam = report["readiness"]["exam_day"]
    means = [d["mean"] for d in exam["domains"]]
    assert means == pytest.approx([0.700420, 0.722568, 0.772776, 0.757114, 0.716660], abs=TOL)
    intervals = [(d["lo90"], d["hi90"]) for d in exam["domains"]]
    expected_intervals = [
        (0.539828, 0.841411),
        (0.576111, 0.850324),
        (0.642546, 0.882941),
        (0.552739, 0.917236),
        (0.523163, 0.878756),
    ]
    for got, want in zip(intervals, expected_intervals, strict=True):
        assert got == pytest.approx(want, abs=TOL)
    assert exam["expected_score"] == pytest.approx(0.735504, abs=TOL)
    assert exam["p_pass"] == pytest.approx(0.563758, abs=TOL)
    assert exam["expected_score_lo90"] == pytest.approx(0.6226, abs=1e-4)
    assert exam["expected_score_hi90"] == pytest.approx(0.8484, abs=1e-4)
    today = report["readiness"]["today"]
    assert today["expected_score"] == pytest.approx(0.735313, abs=TOL)
    assert today["p_pass"] == pytest.approx(0.565059, abs=TOL)


def test_example_6_variant_overall_only(plan_db: Path) -> None:
    report = _report(_example_6_db(plan_db, overall_only_second=True), "2019-03-25")
    exam = report["readiness"]["exam_day"]
    assert exam["expected_score"] == pytest.approx(0.735770, abs=TOL)
    assert exam["p_pass"] == pytest.approx(0.564768, abs=TOL)
