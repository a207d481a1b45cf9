"""Directory work for the background worker."""

from django_tasks import task


@task()
def load_bundled_directory() -> str:
    from kinwell.directory import bundled

    if bundled.is_loaded():  # queued twice (two `make run`s before the worker ran): once is enough
        return "already loaded"
    return bundled.load()


@task()
def import_upload(*, run_id: int) -> None:
    from kinwell.directory.services import run_upload

    run_upload(run_id=run_id)
