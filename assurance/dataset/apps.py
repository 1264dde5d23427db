from django.apps import AppConfig


class DatasetConfig(AppConfig):
    name = "assurance.dataset"
    label = "dataset"
    verbose_name = "Multi-agency data set"

    def ready(self) -> None:
        from assurance.core.registry import (
            NavItem,
            register_demo,
            register_nav,
            register_search,
            register_status_colours,
            register_todo,
        )
        from assurance.dataset.benchmarks.rules import RAG_COLOURS
        from assurance.dataset.catalogue.models import ASSIGNMENT_STATUS_COLOURS
        from assurance.dataset.catalogue.search import SOURCES as CATALOGUE_SOURCES
        from assurance.dataset.catalogue.todos import catalogue_todos
        from assurance.dataset.collection.models import ROUND_STATUS_COLOURS
        from assurance.dataset.collection.todos import collection_todos
        from assurance.dataset.demo import load_demo_dataset
        from assurance.dataset.performance.tasks import summaries_stale_enqueue
        from assurance.dataset.summaries.services import on_stale
        from assurance.dataset.targets.demo import load_demo_targets

        register_nav(
            NavItem("Data set", "dataset:indicator_list", "indicator.view", 35, "dataset", "Data")
        )
        register_nav(
            NavItem(
                "Data collection",
                "dataset:collection_rounds",
                "collection.view",
                36,
                "collection",
                "Data",
            )
        )
        register_todo(collection_todos)
        register_todo(catalogue_todos)
        register_status_colours("rag", RAG_COLOURS)
        register_status_colours("collection_round", ROUND_STATUS_COLOURS)
        register_status_colours("assignment", ASSIGNMENT_STATUS_COLOURS)
        register_demo(20, load_demo_dataset)
        register_demo(26, load_demo_targets)
        register_nav(
            NavItem(
                "Scorecards", "dataset:scorecard_list", "indicator.view", 34, "scorecards", "Data"
            )
        )
        for source in CATALOGUE_SOURCES:
            register_search(source)
        # a change of the figures queues the summaries' recomputation (ADR 023)
        on_stale(summaries_stale_enqueue)
