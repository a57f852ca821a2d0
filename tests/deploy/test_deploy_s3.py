"""The S3 target against a real S3-compatible server: moto's standalone server, on loopback.

The server runs as its own process; what it was asked to do is read back both through
boto3 and from its request log (one line per HTTP request), so "uploaded only what
changed" is checked on the wire, not on sitegen's own report.
"""

from __future__ import annotations

import re
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from sitegen.deploy import DeployError, DeployOptions, deploy, parse_target
from tests.deploy.helpers import Site

pytestmark = pytest.mark.model
boto3 = pytest.importorskip("boto3")
pytest.importorskip("moto")

NO_BUILD = DeployOptions(build=False)


@dataclass
class S3Server:
    endpoint: str
    log: Path

    def mark(self) -> int:
        return len(self.log.read_text().splitlines())

    def requests_since(self, mark: int) -> list[tuple[str, str]]:
        """(method, path) of every request the server answered after `mark`."""
        lines = self.log.read_text().splitlines()[mark:]
        found = (re.search(r'"([A-Z]+) (\S+) HTTP', line) for line in lines)
        return [(m.group(1), m.group(2)) for m in found if m]

    def client(self) -> Any:
        return boto3.client("s3", endpoint_url=self.endpoint, region_name="us-east-1")


@pytest.fixture(scope="module")
def s3_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[S3Server]:
    log = tmp_path_factory.mktemp("moto") / "server.log"
    with open(log, "w") as sink:
        proc = subprocess.Popen([sys.executable, "-m", "moto.server", "-H", "127.0.0.1",
                                 "-p", "0"], stdout=sink, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 60
        while not (m := re.search(r"http://127\.0\.0\.1:(\d+)", log.read_text())):
            assert proc.poll() is None and time.monotonic() < deadline, log.read_text()
            time.sleep(0.1)
        yield S3Server(f"http://127.0.0.1:{m.group(1)}", log)
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture(autouse=True)
def credentials(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for key, value in {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
                       "AWS_CONFIG_FILE": str(tmp_path / "none"),
                       "AWS_SHARED_CREDENTIALS_FILE": str(tmp_path / "none")}.items():
        monkeypatch.setenv(key, value)


@pytest.fixture
def bucket(s3_server: S3Server, request: pytest.FixtureRequest) -> str:
    name = re.sub(r"[^a-z0-9]+", "-", request.node.name.lower())[-50:].strip("-")
    s3_server.client().create_bucket(Bucket=name)
    return name


def _deploy(site: Site, server: S3Server, bucket: str,
            options: DeployOptions = NO_BUILD) -> Any:
    url = f"s3://{bucket}/www?endpoint_url={server.endpoint}"
    return deploy(site.config, parse_target(url, site.root), options)


def _objects(server: S3Server, bucket: str) -> dict[str, bytes]:
    client = server.client()
    listing = client.list_objects_v2(Bucket=bucket).get("Contents", [])
    return {o["Key"]: client.get_object(Bucket=bucket, Key=o["Key"])["Body"].read()
            for o in listing}


def _site_objects(site: Site) -> dict[str, bytes]:
    return {f"www/{path}": data for path, data in site.output().items()}


def _uploaded(requests: list[tuple[str, str]], bucket: str) -> set[str]:
    return {path.removeprefix(f"/{bucket}/www/") for method, path in requests
            if method == "PUT" and not path.endswith(".sitegen-deploy.json")}


def test_s3_first_deploy_uploads_everything_with_types_and_cache_headers(
    site: Site, s3_server: S3Server, bucket: str
) -> None:
    mark = s3_server.mark()
    report = _deploy(site, s3_server, bucket)
    assert len(report.plan.added) == len(site.output())
    assert _uploaded(s3_server.requests_since(mark), bucket) == set(site.output())
    objects = _objects(s3_server, bucket)
    assert {k: v for k, v in objects.items() if not k.endswith(".sitegen-deploy.json")} \
        == _site_objects(site)
    client = s3_server.client()

    def head(path: str) -> tuple[str, str]:
        answer = client.head_object(Bucket=bucket, Key=f"www/{path}")
        return answer["ContentType"], answer["CacheControl"]

    revalidate = "public, max-age=0, must-revalidate"
    assert head("index.html") == ("text/html; charset=utf-8", revalidate)
    assert head("feed.xml") == ("application/atom+xml; charset=utf-8", revalidate)
    assert head("sitemap.xml") == ("application/xml", revalidate)
    assert head("data/people.json") == ("application/json", revalidate)
    assert head("assets/style.css") == ("text/css; charset=utf-8", "public, max-age=300")
    assert head("img/logo.svg") == ("image/svg+xml", "public, max-age=300")
    assert head("app.3f9a1c2b7d.js") == ("text/javascript; charset=utf-8",
                                         "public, max-age=31536000, immutable")


def test_s3_second_deploy_uploads_only_changed_and_removes_stale_keeping_foreign(
    site: Site, s3_server: S3Server, bucket: str
) -> None:
    client = s3_server.client()
    client.put_object(Bucket=bucket, Key="www/google-verify.html", Body=b"theirs")
    client.put_object(Bucket=bucket, Key="elsewhere.txt", Body=b"outside the prefix")
    _deploy(site, s3_server, bucket)
    before = site.output()
    site.edit("content/articles/bridge-repairs.md",
              "---\ntitle: Bridge repairs begin\ndate: 2024-05-02\n---\n"
              "Engineer Paul Moreau said repairs would take 9 weeks.\n")
    (site.root / "static/img/logo.svg").unlink()
    site.build()
    after = site.output()
    changed = {p for p in after if before.get(p) != after[p]}
    assert changed and "img/logo.svg" not in after
    mark = s3_server.mark()
    report = _deploy(site, s3_server, bucket)
    requests = s3_server.requests_since(mark)
    assert _uploaded(requests, bucket) == changed
    assert [c.path for c in report.plan.removed] == ["img/logo.svg"]
    objects = _objects(s3_server, bucket)
    assert "www/img/logo.svg" not in objects
    assert objects["www/google-verify.html"] == b"theirs", "a foreign object survives"
    assert objects["elsewhere.txt"] == b"outside the prefix"
    assert {k: v for k, v in objects.items() if k.startswith("www/") and
            not k.endswith((".sitegen-deploy.json", "google-verify.html"))} == _site_objects(site)
    deletes = [i for i, (method, path) in enumerate(requests) if method in ("DELETE", "POST")]
    uploads = [i for i, (method, path) in enumerate(requests)
               if method == "PUT" and not path.endswith(".sitegen-deploy.json")]
    assert deletes and max(uploads) < min(deletes), "new files go up before stale ones go"
    assert "left alone" in report.summary()
    mark = s3_server.mark()
    assert _deploy(site, s3_server, bucket).plan.is_empty
    assert _uploaded(s3_server.requests_since(mark), bucket) == set()


def test_s3_delete_unknown_removes_foreign_objects_under_the_prefix(
    site: Site, s3_server: S3Server, bucket: str
) -> None:
    client = s3_server.client()
    client.put_object(Bucket=bucket, Key="www/old-page.html", Body=b"theirs")
    _deploy(site, s3_server, bucket)
    assert "www/old-page.html" in _objects(s3_server, bucket)
    _deploy(site, s3_server, bucket, DeployOptions(build=False, delete_unknown=True))
    assert "www/old-page.html" not in _objects(s3_server, bucket)


def test_s3_object_changed_by_someone_else_is_uploaded_again(
    site: Site, s3_server: S3Server, bucket: str
) -> None:
    _deploy(site, s3_server, bucket)
    s3_server.client().put_object(Bucket=bucket, Key="www/index.html", Body=b"defaced")
    report = _deploy(site, s3_server, bucket)
    assert [c.path for c in report.plan.changed] == ["index.html"]
    assert _objects(s3_server, bucket)["www/index.html"] == site.output()["index.html"]


def test_s3_dry_run_changes_nothing(site: Site, s3_server: S3Server, bucket: str) -> None:
    mark = s3_server.mark()
    report = _deploy(site, s3_server, bucket, DeployOptions(build=False, dry_run=True))
    assert len(report.plan.added) == len(site.output()) and report.dry_run
    assert _objects(s3_server, bucket) == {}
    _deploy(site, s3_server, bucket)
    before = _objects(s3_server, bucket)
    (site.root / "static/img/logo.svg").unlink()
    site.build()
    mark = s3_server.mark()
    report = _deploy(site, s3_server, bucket, DeployOptions(build=False, dry_run=True))
    assert [c.path for c in report.plan.removed] == ["img/logo.svg"]
    assert _objects(s3_server, bucket) == before
    writes = [r for r in s3_server.requests_since(mark) if r[0] in ("PUT", "POST", "DELETE")]
    assert writes == []


def test_s3_missing_bucket_and_network_down_are_one_line(
    site: Site, s3_server: S3Server
) -> None:
    with pytest.raises(DeployError) as info:
        _deploy(site, s3_server, "no-such-bucket")
    assert str(info.value).endswith("bucket no-such-bucket does not exist")
    with pytest.raises(DeployError) as info:
        deploy(site.config, parse_target("s3://b?endpoint_url=http://127.0.0.1:1", site.root),
               NO_BUILD)
    assert "network down" in str(info.value) and "\n" not in str(info.value)


def test_s3_without_boto3_says_how_to_install_it(
    site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "boto3", None)  # `import boto3` raises ImportError
    with pytest.raises(DeployError) as info:
        deploy(site.config, parse_target("s3://bucket", site.root), NO_BUILD)
    assert "pip install 'sitegen[s3]'" in str(info.value)
