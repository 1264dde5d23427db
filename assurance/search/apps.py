from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "assurance.search"
    label = "search"
    verbose_name = "Search"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_migrate, post_save

        from assurance.search.services import build_if_empty, record_deleted, record_saved

        # Every model's saves: which ones feed a document is read from the search sources the
        # capabilities register (some register after this app is ready).
        post_save.connect(record_saved, dispatch_uid="search_record_saved")
        post_delete.connect(record_deleted, dispatch_uid="search_record_deleted")
        post_migrate.connect(build_if_empty, sender=self, dispatch_uid="search_build_if_empty")
