"""The S3 target: upload what changed to an S3-compatible bucket; the only module using boto3.

boto3 is an optional extra (`pip install 'sitegen[s3]'`), imported when an
s3:// target is used. Credentials come from boto3's usual places (the
environment, `~/.aws`, an instance role); `endpoint_url` points it at
Cloudflare R2, MinIO or Backblaze B2.

What sitegen put in the bucket is recorded in a manifest object under the
prefix (`.sitegen-deploy.json`): each file's sha256, the ETag the bucket gave
it and the headers it was sent with. A file is uploaded when its hash or
headers differ, or when the object's ETag no longer is the recorded one
(changed or deleted by someone else). Objects the manifest does not list
are someone else's and are never deleted, unless --delete-unknown.

Order, so the live site is never missing a file: first the manifest is
rewritten to include what is about to be uploaded (a deploy killed
mid-way still knows those objects are its own), then new and changed files
are uploaded, then stale ones deleted, then the final manifest written.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from typing import Any

from sitegen.deploy.errors import DeployError
from sitegen.deploy.fresh import SiteFiles
from sitegen.deploy.headers import cache_control, content_type
from sitegen.deploy.plan import Entry, Plan, diff
from sitegen.deploy.report import Progress, Published
from sitegen.deploy.targets import S3Target

MANIFEST = ".sitegen-deploy.json"  # under the prefix: what sitegen deploys put there
MANIFEST_FORMAT = 1
HASH_METADATA = "sitegen-sha256"  # x-amz-meta-sitegen-sha256 on every object sitegen uploads
UPLOAD_THREADS = 8  # parallel uploads: round trips, not bandwidth, bound a site of small files
DELETE_BATCH = 1000  # the most keys one DeleteObjects request takes
DEFAULT_REGION = "us-east-1"  # for signing when nothing configures a region (MinIO, moto)
INSTALL = "pip install 'sitegen[s3]'"


@dataclass(frozen=True, slots=True)
class Uploaded:
    """A manifest entry: what sitegen sent, and the ETag the bucket answered."""

    sha256: str
    etag: str  # "" while an upload is pending
    type: str
    cache: str

    @property
    def version(self) -> str:
        return f"{self.sha256} {self.type} {self.cache}"


class S3Publisher:
    def __init__(self, target: S3Target, *, delete_unknown: bool = False) -> None:
        self.target = target
        self.delete_unknown = delete_unknown
        self.where = target.where
        self.client = _client(target)
        self._manifest: dict[str, Uploaded] = {}
        self._foreign = 0

    def plan(self, site: SiteFiles) -> Plan:
        """Read the bucket's listing and manifest, compare with `output/`. Raises DeployError."""
        if MANIFEST in site.files:
            raise DeployError(f"output/{MANIFEST}: that name is sitegen's deploy manifest")
        with self._errors():
            self.client.head_bucket(Bucket=self.target.bucket)
            listing = self._list()
            self._manifest = self._read_manifest()
        present = {}
        for rel, (etag, size) in listing.items():
            known = self._manifest.get(rel)
            ours = known is not None and known.etag == etag
            present[rel] = Entry(known.version if known and ours else f"etag {etag}", size)
        wanted = {p: Entry(_entry(p, f.sha256, "").version, f.size) for p, f in site.files.items()}
        removable = [p for p in present if p in self._manifest or self.delete_unknown]
        plan = diff(wanted, present, removable)
        self._foreign = len(set(present) - set(wanted) - set(removable))
        return plan

    def publish(self, site: SiteFiles, plan: Plan, progress: Progress) -> Published:
        """Upload, then delete, keeping the manifest ahead of both. Raises DeployError."""
        note = (f"{self._foreign} object(s) sitegen did not put there left alone"
                if self._foreign else "")
        if plan.is_empty:
            return Published(self.where, note=note)
        uploads = {c.path: _entry(c.path, site.files[c.path].sha256, "") for c in plan.uploads}
        with self._errors():
            self._write_manifest({**self._manifest, **uploads})
            self._upload_all(site, uploads, progress)
            self._delete([c.path for c in plan.removed])
            final = {p: uploads.get(p) or self._manifest[p] for p in site.files
                     if p in uploads or p in self._manifest}
            self._write_manifest(final)
        return Published(self.where, bytes_sent=plan.bytes_to_send, note=note)

    def _upload_all(self, site: SiteFiles, uploads: dict[str, Uploaded],
                    progress: Progress) -> None:
        """Upload in parallel, recording each answer's ETag in `uploads`; on the first
        failure, cancel what has not started and raise it."""
        pool = ThreadPoolExecutor(UPLOAD_THREADS)
        try:
            futures = [(path, pool.submit(self._upload, site, path, entry))
                       for path, entry in uploads.items()]
            for path, future in futures:
                uploads[path] = future.result()
                progress.advance(site.files[path].size)
        finally:
            pool.shutdown(wait=True, cancel_futures=True)

    def _upload(self, site: SiteFiles, path: str, entry: Uploaded) -> Uploaded:
        with open(site.files[path].source, "rb") as body:
            answer = self.client.put_object(
                Bucket=self.target.bucket, Key=self.target.prefix + path, Body=body,
                ContentType=entry.type, CacheControl=entry.cache,
                Metadata={HASH_METADATA: entry.sha256})
        return Uploaded(entry.sha256, _etag(answer["ETag"]), entry.type, entry.cache)

    def _delete(self, paths: list[str]) -> None:
        for start in range(0, len(paths), DELETE_BATCH):
            keys = [{"Key": self.target.prefix + p} for p in paths[start:start + DELETE_BATCH]]
            answer = self.client.delete_objects(Bucket=self.target.bucket,
                                                Delete={"Objects": keys, "Quiet": True})
            if answer.get("Errors"):
                first = answer["Errors"][0]
                raise DeployError(f"{self.target.url}: cannot delete {first.get('Key')}: "
                                  f"{first.get('Code')} {first.get('Message', '')}".strip())

    def _list(self) -> dict[str, tuple[str, int]]:
        """Every object under the prefix but the manifest: relative key -> (ETag, size)."""
        found = {}
        pages = self.client.get_paginator("list_objects_v2").paginate(
            Bucket=self.target.bucket, Prefix=self.target.prefix)
        for page in pages:
            for item in page.get("Contents", []):
                rel = item["Key"][len(self.target.prefix):]
                if rel and rel != MANIFEST and not rel.endswith("/"):
                    found[rel] = (_etag(item["ETag"]), int(item["Size"]))
        return found

    def _read_manifest(self) -> dict[str, Uploaded]:
        try:
            answer = self.client.get_object(Bucket=self.target.bucket,
                                            Key=self.target.prefix + MANIFEST)
        except self.client.exceptions.NoSuchKey:
            return {}
        try:
            data = json.loads(answer["Body"].read())
            if data.get("format") != MANIFEST_FORMAT:
                return {}
            return {str(p): Uploaded(**e) for p, e in data["files"].items()}
        except (ValueError, KeyError, TypeError, AttributeError):
            return {}  # unreadable: nothing is known to be ours, so nothing is deleted

    def _write_manifest(self, entries: Mapping[str, Uploaded]) -> None:
        body = json.dumps({"format": MANIFEST_FORMAT,
                           "files": {p: asdict(e) for p, e in sorted(entries.items())}},
                          indent=0).encode("utf-8")
        self.client.put_object(Bucket=self.target.bucket, Key=self.target.prefix + MANIFEST,
                               Body=body, ContentType="application/json",
                               CacheControl="no-store")

    @contextmanager
    def _errors(self) -> Iterator[None]:
        """boto3's exceptions as one DeployError line each."""
        from botocore import exceptions as bce

        url = self.target.url
        try:
            yield
        except (bce.NoCredentialsError, bce.PartialCredentialsError):
            raise DeployError(f"{url}: no credentials; set AWS_ACCESS_KEY_ID and "
                              "AWS_SECRET_ACCESS_KEY, or AWS_PROFILE") from None
        except (bce.EndpointConnectionError, bce.ConnectTimeoutError, bce.ReadTimeoutError,
                bce.ConnectionClosedError) as exc:
            raise DeployError(f"{url}: network down ({exc})") from None
        except bce.ClientError as exc:
            raise _client_error(url, self.target.bucket, exc.response) from None
        except bce.BotoCoreError as exc:
            raise DeployError(f"{url}: {exc}") from None


def _client(target: S3Target) -> Any:
    try:
        import boto3
        from botocore.config import Config
    except ImportError:
        raise DeployError(f"{target.url}: s3 targets need boto3; install it with: "
                          f"{INSTALL}") from None
    logging.getLogger("botocore.credentials").setLevel(logging.WARNING)  # "Found credentials"
    session = boto3.session.Session()
    custom = bool(target.endpoint_url)
    config = Config(
        retries={"max_attempts": 3, "mode": "standard"}, connect_timeout=10, read_timeout=60,
        # S3-compatible services expect path-style URLs and the checksums S3 always took
        s3={"addressing_style": "path"} if custom else None,
        request_checksum_calculation="when_required" if custom else None,
        response_checksum_validation="when_required" if custom else None,
    )
    return session.client("s3", endpoint_url=target.endpoint_url or None, config=config,
                          region_name=target.region or session.region_name or DEFAULT_REGION)


def _client_error(url: str, bucket: str, response: Mapping[str, Any]) -> DeployError:
    error = response.get("Error", {})
    code = str(error.get("Code", ""))
    status = response.get("ResponseMetadata", {}).get("HTTPStatusCode")
    if code in ("NoSuchBucket", "404", "NotFound"):
        return DeployError(f"{url}: bucket {bucket} does not exist")
    if code in ("AccessDenied", "403", "InvalidAccessKeyId", "SignatureDoesNotMatch",
                "InvalidToken", "ExpiredToken") or status in (401, 403):
        return DeployError(f"{url}: authentication refused ({code or status})")
    return DeployError(f"{url}: the bucket answered {code or status}: {error.get('Message', '')}"
                       .rstrip(": "))


def _entry(path: str, sha256: str, etag: str) -> Uploaded:
    return Uploaded(sha256, etag, content_type(path), cache_control(path))


def _etag(value: str) -> str:
    return value.strip('"')
