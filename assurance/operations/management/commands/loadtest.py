"""``manage.py loadtest``: simulated users against running app servers (see scripts/loadtest.sh,
which `make loadtest` runs: it starts PostgreSQL, the servers and a task worker first)."""

from __future__ import annotations

import os
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from assurance.operations.loadtest.figures import table
from assurance.operations.loadtest.plan import build_plan
from assurance.operations.loadtest.run import TARGET_RATIO, run_load


class Command(BaseCommand):
    help = (
        "Drive simulated users (auditors saving drafts of returns, agency leads entering "
        "values by form and API, readers of the executive pages and the API) against app "
        "servers already running on the demo data, then print each page's latency beside the "
        "floor page's, the errors, and the check that every acknowledged write is stored."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--server",
            action="append",
            required=True,
            help="an app server's address, e.g. http://127.0.0.1:8101 (repeat for each)",
        )
        parser.add_argument("--users", type=int, default=50)
        parser.add_argument("--seconds", type=float, default=60.0)
        parser.add_argument("--partnership", default="northfield")
        parser.add_argument("--seed", type=int, default=15)
        parser.add_argument(
            "--think",
            type=float,
            nargs=2,
            default=(1.0, 3.0),
            metavar=("LEAST", "MOST"),
            help="seconds a user pauses between pages, at random between the two (1 3)",
        )
        parser.add_argument(
            "--ramp",
            type=float,
            default=30.0,
            help="seconds over which the users start, one after another (30)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["users"] < 1 or options["seconds"] <= 0:
            raise CommandError("--users must be at least 1 and --seconds more than 0.")
        plan = build_plan(options["partnership"])
        servers = [s.rstrip("/") for s in options["server"]]
        self.stdout.write(
            f"{options['users']} simulated users for {options['seconds']:.0f} s over "
            f"{len(servers)} app servers ({', '.join(servers)})…"
        )
        outcome = run_load(
            plan,
            servers=servers,
            total=options["users"],
            seconds=options["seconds"],
            seed=options["seed"],
            think=tuple(options["think"]),
            ramp=options["ramp"],
        )
        mix = ", ".join(f"{n} {kind}s" for kind, n in sorted(outcome.mix.items()))
        self.stdout.write(
            f"\n{outcome.users} users ({mix}) for {outcome.seconds:.1f} s: "
            f"{outcome.requests:,} requests, {outcome.requests / outcome.seconds:.1f} a second, "
            f"{outcome.errors} errors. The machine's load average: {outcome.load[0]:.1f} at "
            f"the start, {outcome.load[1]:.1f} at the end ({os.cpu_count()} cores).\n"
        )
        self.stdout.write(table(outcome.pages) + "\n")
        self.stdout.write(
            f"\nWrites acknowledged: {outcome.writes:,}; read back ({outcome.checked:,} fields, "
            f"the last acknowledged value of each): {len(outcome.lost)} lost.\n"
            f"Slowest page's p95: {outcome.worst_ratio:.1f}× the floor's (target under "
            f"{TARGET_RATIO:.0f}×).\n"
        )
        for failure in outcome.failures[:20]:
            self.stdout.write(f"  error: {failure}")
        for lost in outcome.lost[:20]:
            self.stdout.write(f"  lost: {lost}")
        if not outcome.passed:
            raise CommandError(
                "The load test missed its targets: 0 errors, 0 lost writes, every page's p95 "
                f"under {TARGET_RATIO:.0f}× the floor's."
            )
        self.stdout.write("Targets met: 0 errors, 0 lost writes, p95 under 10× the floor.")
