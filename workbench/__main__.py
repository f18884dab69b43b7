import multiprocessing

multiprocessing.freeze_support()  # the frozen program started as a training process runs that alone

from workbench.cli import main  # noqa: E402

raise SystemExit(main())
