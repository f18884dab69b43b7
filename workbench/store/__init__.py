"""The project file: one SQLite database per project (``.tawsim``), through sqlite-utils."""

import sys
from importlib import import_module

# sqlite-utils imports pandas and numpy at import time when they are installed, to map their
# types; camel-tools puts them in the environment, and loading them costs seconds at every start
# of the program. The workbench never hands them to sqlite-utils, so they are hidden while it loads.
_HIDDEN = [name for name in ("pandas", "numpy") if name not in sys.modules]
sys.modules.update(dict.fromkeys(_HIDDEN))  # a None entry makes `import name` raise ImportError
try:
    import_module("sqlite_utils")
finally:
    for _name in _HIDDEN:
        del sys.modules[_name]
