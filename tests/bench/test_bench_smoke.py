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
