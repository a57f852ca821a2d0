"""deploy() and rollback(): build (unless told not to), check, plan, publish, report."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from typing import Protocol, TextIO

from sitegen.build import Progress as BuildProgress
from sitegen.build import build, make_extractor
from sitegen.config import SiteConfig
from sitegen.deploy.directory import DirectoryPublisher
from sitegen.deploy.errors import DeployError
from sitegen.deploy.fresh import SiteFiles, built_site
from sitegen.deploy.git import GitPublisher
from sitegen.deploy.plan import Plan, plan_lines
from sitegen.deploy.report import DeployReport, Progress, Published
from sitegen.deploy.s3 import S3Publisher
from sitegen.deploy.targets import DirectoryTarget, GitTarget, Target
from sitegen.extract.runner import Extractor

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class DeployOptions:
    build: bool = True  # build first; False deploys output/ as the last build left it
    dry_run: bool = False  # list what would change, change nothing on the target
    force: bool = False  # overwrite what sitegen did not make (git commits, a folder)
    delete_unknown: bool = False  # s3: also delete objects sitegen did not upload
    message: str | None = None  # git: the commit message's subject


class Publisher(Protocol):
    """What each kind of target does; `plan` reads only, `publish` carries the plan out."""

    where: str

    def plan(self, site: SiteFiles) -> Plan: ...

    def publish(self, site: SiteFiles, plan: Plan, progress: Progress) -> Published: ...


def deploy(config: SiteConfig, target: Target, options: DeployOptions = DeployOptions(), *,
           extractor: Extractor | None = None, stream: TextIO | None = None,
           build_progress: BuildProgress | None = None) -> DeployReport:
    """Publish the site to `target`. Raises BuildFailed when the build fails, DeployError
    when output/ is stale or the target cannot be reached or refuses."""
    started = time.perf_counter()
    if options.build:
        report = build(config, extractor=extractor or make_extractor(config),
                       progress=build_progress)
        log.info("built %d articles (%d pages) in %.2fs", report.articles, report.pages,
                 report.seconds)
    site = built_site(config)
    publisher = open_publisher(target, config, options)
    plan = publisher.plan(site)
    if options.dry_run:
        for line in plan_lines(plan):
            log.info("%s", line)
        return DeployReport(target.url, plan, Published(publisher.where), True,
                            time.perf_counter() - started)
    progress = Progress(plan, stream)
    try:
        published = publisher.publish(site, plan, progress)
    finally:
        progress.finish()
    return DeployReport(target.url, plan, published, False, time.perf_counter() - started)


def rollback(config: SiteConfig, target: Target, *, dry_run: bool = False) -> DeployReport:
    """Serve the version before the live one again (directory targets). Raises DeployError."""
    started = time.perf_counter()
    if not isinstance(target, DirectoryTarget):
        raise DeployError(f"{target.url}: --rollback works on file:// targets, which keep the "
                          "previous version; redeploy an older build instead")
    publisher = DirectoryPublisher(target, config)
    plan, live, previous = publisher.rollback_plan()
    if dry_run:
        for line in plan_lines(plan):
            log.info("%s", line)
        published = Published(publisher.where, f"version {previous}, now {live}")
        return DeployReport(target.url, plan, published, True, time.perf_counter() - started,
                            rollback=True)
    return DeployReport(target.url, plan, publisher.rollback(), False,
                        time.perf_counter() - started, rollback=True)


def open_publisher(target: Target, config: SiteConfig, options: DeployOptions) -> Publisher:
    """The publisher for a target's kind (boto3 is imported only for s3 targets)."""
    if isinstance(target, GitTarget):
        return GitPublisher(target, config, force=options.force, message=options.message)
    if isinstance(target, DirectoryTarget):
        return DirectoryPublisher(target, config, force=options.force)
    return S3Publisher(target, delete_unknown=options.delete_unknown)
