"""What opening the annotator's window loads: nothing the first paint does not need.

camel-tools' character sets take about a second to build, numpy half a second to import and
sqlite-utils a third of a second; the window must show without them (sqlite-utils loads in the
background, numpy when the document list is indexed or a lead opens agreement, camel-tools'
character sets never). The window is opened in a fresh interpreter, where nothing has been
imported yet.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from tests.conftest import printed_by_a_fresh_interpreter
from workbench.app.demo import ensure_demo_project

SLOW_MODULES = ("camel_tools.utils.charsets", "numpy", "sqlite_utils")
OPEN_WINDOW = """
import json, sys
from pathlib import Path
from workbench.store.project import Project
from workbench.ui.app import application
from workbench.ui.annotate.main_window import MainWindow

app = application()
with Project.open(Path(sys.argv[1])) as project:
    window = MainWindow(project, "amal")
    window.show()
    app.processEvents()
    print(json.dumps({"shown": window.text_view.text != "", "loaded": sorted(sys.modules)}))
    window.close()
"""
WARM_UP = """
import json, sys
from workbench.ui.app import warm_up

warm_up()
print(json.dumps(sorted(sys.modules)))
"""
FROZEN_BY_WARM_UP = """
import gc, json
from workbench.ui.app import warm_up

before = gc.get_freeze_count()
warm_up()
print(json.dumps({"before": before, "after": gc.get_freeze_count(), "young": gc.get_count()[0]}))
"""

SOURCES_KEPT = """
import json, linecache
from PySide6 import QtCore
from workbench.ui.app import warm_up

before = len(linecache.cache)
warm_up()
print(json.dumps({"before": before, "after": len(linecache.cache)}))
"""


def last_line_of(script: str, *args: str, env: dict[str, str] | None = None) -> Any:
    """The last line the script prints, read as JSON, in a fresh interpreter."""
    return json.loads(printed_by_a_fresh_interpreter(script, *args, env=env)[-1])


def test_the_window_opens_without_the_slow_modules(tmp_path: Path) -> None:
    project = ensure_demo_project(tmp_path / "demo.tawsim")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path)}
    opened = last_line_of(OPEN_WINDOW, str(project), env=env)
    assert opened["shown"]
    assert [name for name in SLOW_MODULES if name in opened["loaded"]] == []


def test_the_warm_up_loads_what_the_first_label_needs_but_not_numpy() -> None:
    """sqlite-utils, through which the first label is written, and what cuts a chunk with an
    emoji sequence as camel-tools does (``emoji_chunks``), without camel-tools' character sets."""
    loaded = last_line_of(WARM_UP)
    assert [name for name in SLOW_MODULES if name in loaded] == ["sqlite_utils"]
    assert {"emoji", "regex"} <= set(loaded)


def test_the_warm_up_leaves_what_it_loaded_out_of_the_collectors_walks() -> None:
    """The collections after start-up do not walk the modules loaded (20-40 ms on the window's
    thread, over a frame)."""
    frozen = last_line_of(FROZEN_BY_WARM_UP)
    assert frozen["before"] == 0
    assert frozen["after"] > 10_000
    assert frozen["young"] < 100


def test_the_warm_up_drops_the_sources_pysides_import_hook_read() -> None:
    """PySide reads the source of every module imported after it, and ``linecache`` kept them
    all: 6-9 MB of the window's memory."""
    kept = last_line_of(SOURCES_KEPT)
    assert kept["before"] > 50
    assert kept["after"] == 0
