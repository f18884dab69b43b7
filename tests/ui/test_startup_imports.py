"""What opening the annotator's window loads: nothing the first paint does not need.

camel-tools' character sets take about a second to build and numpy half a second to import; the
window must show without them (they load in the background, or when a lead opens agreement). The
window is opened in a fresh interpreter, where nothing has been imported yet.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO_ROOT
from workbench.app.demo import ensure_demo_project

SLOW_MODULES = ("camel_tools.utils.charsets", "numpy")
OPEN_WINDOW = """
import json, sys
from pathlib import Path
from workbench.store.project import Project
from workbench.ui.app import application
from workbench.ui.main_window import MainWindow

app = application()
with Project.open(Path(sys.argv[1])) as project:
    window = MainWindow(project, "amal")
    window.show()
    app.processEvents()
    print(json.dumps({"shown": window.text_view.text != "", "loaded": sorted(sys.modules)}))
    window.close()
"""


def test_the_window_opens_without_the_slow_modules(tmp_path: Path) -> None:
    project = ensure_demo_project(tmp_path / "demo.tawsim")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-c", OPEN_WINDOW, str(project)], cwd=REPO_ROOT, env=env,
        capture_output=True, text=True, encoding="utf-8", timeout=120, check=True,
    )  # fmt: skip
    opened = json.loads(result.stdout.splitlines()[-1])
    assert opened["shown"]
    assert [name for name in SLOW_MODULES if name in opened["loaded"]] == []
