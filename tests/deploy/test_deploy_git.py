"""The git target against real repositories on disk: bare remotes, the user's own repo."""

from __future__ import annotations

import stat
import subprocess
import sys
from pathlib import Path

import pytest

from sitegen.deploy import DeployError, DeployOptions, deploy, parse_target
from tests.deploy.helpers import GIT_ENV, Site, files_under, run_git, sitegen_env

pytestmark = pytest.mark.model

NO_BUILD = DeployOptions(build=False)


@pytest.fixture
def remote(tmp_path: Path) -> Path:
    path = tmp_path / "remote.git"
    run_git("init", "--quiet", "--bare", str(path))
    return path


@pytest.fixture
def user_repo(site: Site) -> Site:
    """The site is itself a git repository, with one commit (output/ and cache ignored)."""
    (site.root / ".gitignore").write_text("output/\n.sitegen-cache/\n", encoding="utf-8")
    run_git("init", "--quiet", "-b", "main", cwd=site.root)
    run_git("add", "-A", cwd=site.root)
    run_git("commit", "--quiet", "-m", "site sources", cwd=site.root)
    return site


def _deploy(site: Site, remote: Path, options: DeployOptions = NO_BUILD, url: str = "") -> str:
    target = parse_target(url or f"git+file://{remote}", site.root)
    return deploy(site.config, target, options).summary()


def _branch_files(remote: Path, tmp_path: Path, branch: str = "gh-pages") -> dict[str, bytes]:
    clone = tmp_path / f"clone-{len(list(tmp_path.glob('clone-*')))}"
    run_git("clone", "--quiet", "--branch", branch, str(remote), str(clone))
    files = files_under(clone, hidden=True)
    return {k: v for k, v in files.items() if not k.startswith(".git/")}


def test_git_deploy_commits_output_as_the_branch_tree_byte_for_byte(
    user_repo: Site, remote: Path, tmp_path: Path
) -> None:
    summary = _deploy(user_repo, remote)
    assert "gh-pages" in summary and "added" in summary
    assert _branch_files(remote, tmp_path) == {**user_repo.output(), ".nojekyll": b""}
    head = run_git("rev-parse", "HEAD", cwd=user_repo.root).strip()
    message = run_git("--git-dir", str(remote), "log", "-1", "--format=%B", "gh-pages")
    assert f"from {head[:12]}\n" in message and f"Source-commit: {head}\n" in message


def test_git_second_deploy_after_edit_is_one_commit_with_only_the_changed_files(
    user_repo: Site, remote: Path
) -> None:
    _deploy(user_repo, remote)
    before = user_repo.output()
    user_repo.edit("content/articles/bridge-repairs.md",
                   "---\ntitle: Bridge repairs begin\ndate: 2024-05-02\n---\n"
                   "Engineer Paul Moreau said repairs would take 8 weeks.\n")
    user_repo.build()
    after = user_repo.output()
    changed = {p for p in after if before.get(p) != after[p]}
    assert changed and len(changed) < len(after) / 2
    summary = _deploy(user_repo, remote)
    assert f"{len(changed)} changed" in summary
    git_dir = ["--git-dir", str(remote)]
    assert run_git(*git_dir, "rev-list", "--count", "gh-pages").strip() == "2"
    diff = run_git(*git_dir, "diff-tree", "-r", "--name-only", "gh-pages~1", "gh-pages")
    assert set(diff.split()) == changed
    subject = run_git(*git_dir, "log", "-1", "--format=%s", "gh-pages")
    assert subject.strip().endswith("-dirty"), "the edit is not committed in the user's repo"
    assert "up to date" in _deploy(user_repo, remote), "a third deploy has nothing to commit"
    assert run_git(*git_dir, "rev-list", "--count", "gh-pages").strip() == "2"


def _repo_state(repo: Path) -> dict[str, object]:
    git_dir = repo / ".git"
    index = git_dir / "index"
    return {
        "head": (git_dir / "HEAD").read_text(),
        "refs": run_git("for-each-ref", "--format=%(refname) %(objectname)", cwd=repo),
        "index": index.read_bytes(), "index_mtime": index.stat().st_mtime_ns,
        "status": run_git("--no-optional-locks", "status", "--porcelain", cwd=repo),
        "tree": {k: v for k, v in files_under(repo, hidden=True).items()
                 if not k.startswith((".git/", ".sitegen-cache/"))},
    }


def test_git_deploy_into_the_users_own_repo_leaves_tree_index_and_branch_alone(
    user_repo: Site, tmp_path: Path
) -> None:
    root = user_repo.root
    (root / "content/articles/staged.md").write_text(
        "---\ntitle: Staged draft\ndraft: true\n---\nNot yet.\n", encoding="utf-8")
    run_git("add", "content/articles/staged.md", cwd=root)  # something staged, not committed
    (root / "notes.txt").write_text("untracked\n", encoding="utf-8")
    user_repo.build()
    before = _repo_state(root)
    summary = _deploy(user_repo, root, url=f"git+file://{root}#site-pages")
    assert "site-pages" in summary
    after = _repo_state(root)
    new_ref = after["refs"]
    assert isinstance(new_ref, str) and "refs/heads/site-pages" in new_ref
    after["refs"] = "\n".join(line for line in new_ref.splitlines()
                              if not line.startswith("refs/heads/site-pages")) + "\n"
    assert after == before
    assert _branch_files(root, tmp_path, "site-pages") == {**user_repo.output(), ".nojekyll": b""}


def test_git_refuses_a_non_fast_forward_push_unless_forced(
    site: Site, remote: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = tmp_path / "other"  # someone else's deploys, made as sitegen makes them
    run_git("init", "--quiet", "-b", "gh-pages", str(other))
    run_git("commit", "--quiet", "--allow-empty", "-m", "Their first deploy",
            "-m", "Deployed-by: sitegen", cwd=other)
    run_git("push", "--quiet", str(remote), "gh-pages", cwd=other)
    run_git("remote", "add", "origin", str(remote), cwd=other)
    # They deploy again between sitegen's fetch and its push: a hook that git runs once
    # sitegen's fetch has stored the branch's tip pushes their commit first.
    hooks, marker = tmp_path / "hooks", tmp_path / "pushed"
    hooks.mkdir()
    hook = hooks / "reference-transaction"
    hook.write_text(
        f"#!/bin/sh\n[ \"$1\" = committed ] && [ ! -e {marker} ] || exit 0\ntouch {marker}\n"
        f"unset GIT_DIR GIT_CONFIG_COUNT\ncd {other} && echo theirs > theirs.txt && "
        "git add theirs.txt && git commit -qm 'Their deploy' -m 'Deployed-by: sitegen' && "
        "git push -q origin gh-pages\n", encoding="utf-8")
    hook.chmod(hook.stat().st_mode | stat.S_IEXEC)
    for key, value in {"GIT_CONFIG_COUNT": "1", "GIT_CONFIG_KEY_0": "core.hooksPath",
                       "GIT_CONFIG_VALUE_0": str(hooks), **GIT_ENV}.items():
        monkeypatch.setenv(key, value)
    with pytest.raises(DeployError) as info:
        _deploy(site, remote)
    assert "non-fast-forward" in str(info.value) and "\n" not in str(info.value)
    theirs = run_git("--git-dir", str(remote), "log", "-1", "--format=%H", "gh-pages").strip()
    assert theirs == run_git("rev-parse", "HEAD", cwd=other).strip(), "their commit stays"
    hook.unlink()
    monkeypatch.delenv("GIT_CONFIG_COUNT")
    assert "added" in _deploy(site, remote, DeployOptions(build=False, force=True))
    assert _branch_files(remote, tmp_path) == {**site.output(), ".nojekyll": b""}


def test_git_refuses_a_branch_whose_last_commit_sitegen_did_not_make(
    site: Site, remote: Path, tmp_path: Path
) -> None:
    _deploy(site, remote)
    other = tmp_path / "other"
    run_git("clone", "--quiet", "--branch", "gh-pages", str(remote), str(other))
    (other / "CNAME").write_text("news.example.org\n", encoding="utf-8")
    run_git("add", "CNAME", cwd=other)
    run_git("commit", "--quiet", "-m", "Create CNAME", cwd=other)
    run_git("push", "--quiet", "origin", "gh-pages", cwd=other)
    theirs = run_git("rev-parse", "HEAD", cwd=other).strip()
    with pytest.raises(DeployError) as info:
        _deploy(site, remote)
    assert "Create CNAME" in str(info.value) and "--force" in str(info.value)
    assert run_git("--git-dir", str(remote), "rev-parse", "gh-pages").strip() == theirs
    _deploy(site, remote, DeployOptions(build=False, force=True))
    parents = run_git("--git-dir", str(remote), "log", "-1", "--format=%P", "gh-pages").split()
    assert parents == [theirs], "forcing keeps their commit in the history"
    assert "CNAME" not in _branch_files(remote, tmp_path)


def test_git_table_options_branch_and_cname(site: Site, remote: Path, tmp_path: Path) -> None:
    site.edit("sitegen.toml", 'title = "Deploy test"\n[deploy.pages]\n'
              f'url = "git+file://{remote}"\nbranch = "pages"\ncname = "news.example.org"\n')
    site.build()
    from sitegen.deploy import select_target

    deploy(site.config, select_target(site.config), NO_BUILD)
    files = _branch_files(remote, tmp_path, "pages")
    assert files["CNAME"] == b"news.example.org\n" and files[".nojekyll"] == b""


def test_git_dry_run_changes_nothing(site: Site, remote: Path) -> None:
    def refs() -> str:
        return run_git("--git-dir", str(remote), "for-each-ref")

    report = deploy(site.config, parse_target(f"git+file://{remote}", site.root),
                    DeployOptions(build=False, dry_run=True))
    assert report.dry_run and len(report.plan.added) == len(site.output()) + 1
    assert refs() == ""
    _deploy(site, remote)
    before = refs()
    site.edit("static/extra.txt", "a new file\n")
    site.build()
    report = deploy(site.config, parse_target(f"git+file://{remote}", site.root),
                    DeployOptions(build=False, dry_run=True))
    assert [c.path for c in report.plan.added] == ["extra.txt"]
    assert refs() == before


def test_git_errors_are_one_line(site: Site, tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.git"
    with pytest.raises(DeployError) as info:
        _deploy(site, missing)
    assert "no such remote repository" in str(info.value)
    with pytest.raises(DeployError) as info:
        _deploy(site, missing, url="git+http://127.0.0.1:1/site.git")
    assert "network down" in str(info.value)


def test_git_authentication_refused_is_one_line_from_the_command(
    site: Site, tmp_path: Path
) -> None:
    server = subprocess.Popen([sys.executable, "-c", _AUTH_SERVER], stdout=subprocess.PIPE,
                              text=True)
    try:
        assert server.stdout is not None
        port = server.stdout.readline().strip()
        done = subprocess.run(
            [sys.executable, "-m", "sitegen", "deploy", "--no-build",
             "--to", f"git+http://127.0.0.1:{port}/site.git"],
            cwd=site.root, capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=60,
            env=sitegen_env())
    finally:
        server.kill()
        server.wait()
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "authentication refused" in lines[0], done.stderr


_AUTH_SERVER = """
import http.server
class Deny(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(401)
        self.send_header("WWW-Authenticate", 'Basic realm="git"')
        self.send_header("Content-Length", "0")
        self.end_headers()
    def log_message(self, *args):
        pass
server = http.server.HTTPServer(("127.0.0.1", 0), Deny)
print(server.server_address[1], flush=True)
server.serve_forever()
"""
