"""The project file: one SQLite database per project (``.tawsim``), read through sqlite3 and
written partly through sqlite-utils (see ``workbench.store.connection``)."""
