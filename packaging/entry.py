"""The frozen application's entry point: the same ``voronka`` command as the installed package."""
import multiprocessing
import sys

from voronka.desktop.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
