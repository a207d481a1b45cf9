"""The national directory the project carries: SAMHSA's 2022 National Directory of Mental
Health Treatment Facilities (public domain, data/samhsa/, see data/README.md).

`make run` calls `refresh` through `load_demo_data`: the first time (and whenever the file
changes) it hands the import to the background worker, so the site answers at once and
the finder fills within a minute; when an import of the same bytes has finished, it does
nothing. The load commits chunk by chunk, so the site can still write while it runs, and
an interrupted load is finished by the next one (ids are stable).
"""

from pathlib import Path

from django.conf import settings

from kinwell.directory.models import ImportRun, Organization, TaxonomyTerm

FORMAT = "samhsa-xlsx"


def bundled_file() -> Path:
    return Path(settings.DIRECTORY_BUNDLED_FILE)


def is_loaded(path: Path | None = None) -> bool:
    """An import of exactly these bytes finished, and its records are still there."""
    from kinwell.directory.services import file_checksum

    path = path or bundled_file()
    return (ImportRun.objects.filter(checksum=file_checksum(path), status=ImportRun.Status.DONE).exists()
            and Organization.objects.filter(source="samhsa").exists())


def load(*, progress=None) -> str:
    from kinwell.directory.services import import_file

    path = bundled_file()
    summary = import_file(file_format=FORMAT, path=path, progress=progress, atomic=False)
    return f"national directory ({path.name}): {summary}"


def remove_demo_directory() -> int:
    """Remove the fictional places (demo.py) an earlier `make run` loaded. Returns how many there were."""
    removed = Organization.objects.filter(source="demo").count()
    Organization.objects.filter(source="demo").delete()
    TaxonomyTerm.objects.filter(source="demo").delete()
    return removed


def refresh() -> str:
    """Queue the national directory's import unless it is loaded and unchanged; say which."""
    from kinwell.directory.tasks import load_bundled_directory

    removed = remove_demo_directory()
    note = f"; removed {removed} fictional demo places" if removed else ""
    path = bundled_file()
    if not settings.DIRECTORY_LOAD_BUNDLED or not path.exists():
        return f"help finder: the national directory is not loaded automatically here{note}."
    if is_loaded(path):
        return f"help finder: the national directory ({path.name}) is loaded and unchanged{note}."
    load_bundled_directory.enqueue()
    return (f"help finder: loading the national directory ({path.name}, about 9,000 places) in the background "
            f"worker; the finder fills within a minute or so{note}.")
