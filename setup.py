"""templates/ and schemas/ stay at the top of the repository; the wheel carries them inside
the package as assembler/templates and assembler/schemas (read with importlib.resources)."""
from pathlib import Path

from setuptools import find_namespace_packages, setup

DATA = {"assembler.templates": "templates", "assembler.schemas": "schemas"}


def data_packages(package: str, folder: str) -> list[str]:
    subs = sorted(p.relative_to(folder) for p in Path(folder).rglob("*") if p.is_dir()
                  and "__pycache__" not in p.parts)
    return [package] + [".".join((package, *s.parts)) for s in subs]


# every folder of the package, with or without an __init__.py (writers/docx, writers/html)
packages = find_namespace_packages(include=["assembler", "assembler.*"],
                                   exclude=["*.__pycache__"])
package_dir = {}
package_data = {"assembler.room": ["templates/*.j2", "static/*"]}
for package, folder in DATA.items():
    for name in data_packages(package, folder):
        packages.append(name)
        package_dir[name] = folder + name[len(package):].replace(".", "/")
        package_data[name] = ["*"]
setup(packages=packages, package_dir=package_dir, package_data=package_data)
