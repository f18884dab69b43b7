"""Use cases shared by the command line and the GUI, with progress callbacks and cancellation."""
