"""Build step: copy the repository's single source of the example project, phrasebook, theme and JSON Schemas
(inputs/, narratives/, themes/, schemas/ at the top) into briefing/_data/ of the built package, so a wheel
holds them. An editable install reads them from the checkout instead (briefing/load/resources.py)."""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

RESOURCE_FOLDERS = ("inputs", "narratives", "themes", "schemas")
HERE = Path(__file__).resolve().parent


class build_py_with_resources(build_py):  # noqa: N801 (setuptools' command naming)
    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):
            return
        target = Path(self.build_lib) / "briefing" / "_data"
        shutil.rmtree(target, ignore_errors=True)
        for folder in RESOURCE_FOLDERS:
            shutil.copytree(HERE / folder, target / folder,
                            ignore=shutil.ignore_patterns("__pycache__", "*.pyc", ".*"))


setup(cmdclass={"build_py": build_py_with_resources})
