"""`sitegen extract`: key items and number labels in the JSON lines and the table."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

STORY = (
    "Council approves £48m plan for Harbour Street\n\n"
    "Council leader Joanna Pryce has won approval for a £48m plan to refit the Harbour Street "
    "tower blocks.\n\n"
    'Ms Pryce said: "Every winter our residents live with damp running down the walls." '
    "Opposition leader Gareth Wynn said the council had waited too long. Rents will rise by "
    "4.5% from April. The two leaders met on Monday.\n"
)

@pytest.mark.model
def test_extract_command_marks_key_items_and_labels_numbers(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(STORY, encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "sitegen", "extract", str(path), "--format",
                          "json"], capture_output=True, text=True, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    row = json.loads(run.stdout)
    assert [p["name"] for p in row["people"] if p.get("key")][:1] == ["Joanna Pryce"]
    assert [q["text"] for q in row["quotes"] if q.get("key")] == [
        "Every winter our residents live with damp running down the walls."]
    numbers = {n["text"]: n for n in row["numbers"]}
    assert numbers["£48m"]["key"] is True and numbers["£48m"]["label"] == "plan"
    assert numbers["4.5%"]["label"] == "rents"
    assert "key" not in numbers["two leaders"], "an incidental count is not key"
    table = subprocess.run([sys.executable, "-m", "sitegen", "extract", str(path)],
                           capture_output=True, text=True, cwd=tmp_path)
    assert "* Joanna Pryce" in table.stdout and "(rents)" in table.stdout
