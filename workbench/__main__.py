import sys

if getattr(sys, "frozen", False):  # the installed program started as a training process runs that alone
    import multiprocessing

    multiprocessing.freeze_support()

from workbench.cli import main

raise SystemExit(main())
