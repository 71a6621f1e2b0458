"""The benchmark code must not rot: generate a tiny database and time one report.

No timing is asserted (benchmarks report figures; they never fail the test run).
"""

from __future__ import annotations

from pathlib import Path

from benchmarks.generate import ensure_database
from benchmarks.probe import bench_report
from benchmarks.run import percentile, render_markdown, render_text
from benchmarks.sizes import spec_for


def test_generator_and_report_benchmark_produce_a_figure(tmp_path: Path) -> None:
    path = ensure_database("300", tmp_path, quiet=True)
    assert path.stat().st_size > 0
    assert ensure_database("300", tmp_path, quiet=True) == path  # cached, not regenerated

    result = bench_report(path, 1)

    assert len(result["ms"]) == 1
    assert result["ms"][0] > 0
    assert spec_for("300").sessions == 300
    assert percentile([3.0, 1.0, 2.0], 95) == 3.0


def test_the_table_renders_with_missing_figures() -> None:
    from benchmarks.run import SizeResult

    result = SizeResult("1k", 1000, 1, 12, 10, 0.4, report_ms=[12.5, 13.0])
    info = {"cpu": "test", "cores": "2"}

    text = render_text([result], info, "python -m benchmarks.run")
    markdown = render_markdown([result], info, "python -m benchmarks.run")

    assert "12.8 ms" in text and "n/a" in text
    assert markdown.startswith("Command: `python -m benchmarks.run`")


def test_the_table_shows_the_spread_and_the_first_start() -> None:
    from benchmarks.run import SizeResult

    result = SizeResult(
        "10k",
        10_000,
        3,
        40,
        100,
        2.5,
        first_paint_ms=[210.0, 190.0, 400.0],
        floor_paint_ms=[160.0, 150.0, 170.0],
        figures_ms=[900.0, 950.0, 1000.0],
        first_start_figures_ms=1234.0,
    )

    text = render_text([result], {"cpu": "test"}, "python -m benchmarks.run")

    rows = {line.split("  ")[0]: line for line in text.splitlines()}
    assert "190–400 ms" in rows["(a) app: first paint, min–max"]
    assert "150–170 ms" in rows["(a) floor: first paint, min–max"]
    assert "1,234 ms" in rows["(a) real figures, 1st start (full check)"]
    assert "1.31×" in rows["(a) first paint ÷ floor"]  # median 210 / median 160
