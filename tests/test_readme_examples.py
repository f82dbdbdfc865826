"""Every shell example in README.md runs as written, in README order, as a new user would run it.

The examples are the lines of the README's ```sh blocks, with comments stripped and lines that
end in a backslash joined to the next. They run one by one with bash (``pipefail`` on) in one
temporary copy of the repository, because later examples use what earlier ones wrote (the
reference .docx, the lint baseline, the Greenhouse payloads). The copy is a fresh git
repository with one commit, since ``hirecli diff git:HEAD:...`` reads one. This environment's
``hirecli``, ``ruff``, ``mypy`` and ``pytest`` come first on PATH, HOME is a folder of the copy
(``--install-completion`` writes there), and the files the examples name but the repository
does not ship are written first: an old posting in Word, job ads to import and to lint.

Convention: an example must exit 0, unless its trailing comment says ``exits N``.

Not run, and why, in :data:`NOT_RUN`: only the two set-up commands at the top of the README,
which install packages (the second then runs the whole suite, which holds this test).

The Greenhouse ``curl`` examples run too, offline: ``$HOME/.curlrc`` sends curl's connection
for harvest.greenhouse.io to a local HTTPS server with a certificate made for this run
(they are left out, with a warning, where curl or openssl is missing).
"""

from __future__ import annotations

import base64
import json
import os
import re
import shutil
import ssl
import subprocess
import sys
import threading
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import yaml

from paths import ROOT
from test_import_corpus import build_docx

README = ROOT / "README.md"
CORPUS = ROOT / "tests" / "import_corpus"
NOT_RUN = {
    "pip install . && hirecli posting roles/mental-health-professional.yaml": (
        "set-up: installs packages (its hirecli posting runs further down, in the quick tour)"
    ),
    "pip install -e '.[test]' && pytest -n 2": (
        "set-up: installs packages, then runs the whole suite, which holds this test"
    ),
}
COPIED = ("README.md", "pyproject.toml", "roles", "schema", "src", "tests", "scripts", "bench")
"""What the examples use: roles and schemas, and the source tree for the development checks."""
HARVEST = "harvest.greenhouse.io"
GREENHOUSE = {
    "GREENHOUSE_API_KEY": "example-api-key",
    "GREENHOUSE_USER_ID": "4080",
    "JOB_POST_ID": "1234",
    "JOB_ID": "5678",
}
TIMEOUT = 300
NESTED = "HIRECLI_README_EXAMPLE"
"""Set for the examples, so that a pytest an example runs never runs them again."""
WHOLE_SUITE = re.compile(r"\bpytest\b(?![^;&|]*\btests/\S+\.py)")
"""A pytest that names no test file runs the whole suite: too slow for an example here."""


@dataclass(frozen=True)
class Example:
    line: int
    command: str
    exit_code: int


def _split_comment(line: str) -> tuple[str, str]:
    """The command and its trailing comment: a ``#`` outside quotes that starts a word."""
    quote = ""
    for index, char in enumerate(line):
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char == "#" and (index == 0 or line[index - 1].isspace()):
            return line[:index].rstrip(), line[index + 1 :].strip()
    return line.rstrip(), ""


def examples(text: str) -> list[Example]:
    """The README's shell examples, in order, with the exit code each is expected to give."""
    found: list[Example] = []
    in_block = False
    pending, start = "", 0
    for number, line in enumerate(text.splitlines(), 1):
        if not in_block:
            in_block = line.strip() == "```sh"
            continue
        if line.strip() == "```":
            in_block = False
            continue
        start = start or number
        command, comment = _split_comment(line)
        if command.endswith("\\"):
            pending += command[:-1].strip() + " "
            continue
        command = (pending + command.strip()).strip()
        if command:
            said = re.search(r"\bexits (\d+)\b", comment)
            found.append(Example(start, command, int(said.group(1)) if said else 0))
        pending, start = "", 0
    return found


def _copy(target: Path) -> None:
    ignore = shutil.ignore_patterns("__pycache__", ".pytest_cache", ".mypy_cache", ".ruff_cache", "*.pyc")
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=ignore)
        else:
            shutil.copy2(source, target / name)
    git = ["git", "-c", "user.name=hirecli tests", "-c", "user.email=tests@example.invalid"]
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "The repository as it is"]):
        subprocess.run([*git, *args], cwd=target, check=True, capture_output=True, timeout=TIMEOUT)


def _word(spec: Path, target: Path) -> None:
    """A Word job ad built with python-docx from one of the import corpus' specs."""
    build_docx(spec, target.parent).rename(target)


def _placeholders(repo: Path) -> None:
    """The files the examples name that a user would bring: job ads to import and to lint."""
    _word(CORPUS / "staff-nurse-toronto.docx.yaml", repo / "old-posting.docx")
    shutil.copyfile(CORPUS / "warehouse-night-shift.txt", repo / "job.txt")
    shutil.copyfile(CORPUS / "pharmacy-technician.html", repo / "job-ad.html")
    careers = repo / "careers"
    careers.mkdir()
    for name in ("marketing-coordinator.html", "pharmacy-technician.html"):
        shutil.copyfile(CORPUS / name, careers / name)
    _word(CORPUS / "line-cook-dublin.docx.yaml", careers / "line-cook-dublin.docx")
    spec = yaml.safe_load((CORPUS / "staff-nurse-toronto.docx.yaml").read_text("utf-8"))
    lines = [" | ".join(map(" ".join, text)) if style == "table" else text for style, text in spec["body"]]
    (repo / "pasted.txt").write_text("Night Nurse\n\n" + "\n".join(lines[1:]) + "\n", encoding="utf-8")


class _Harvest(BaseHTTPRequestHandler):
    """Greenhouse's Harvest API as far as the README's curl examples go: it records each request."""

    seen: list[dict[str, str]]

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self.seen.append(
            {
                "method": self.command,
                "path": self.path,
                "auth": self.headers.get("Authorization", ""),
                "on_behalf_of": self.headers.get("On-Behalf-Of", ""),
                "content_type": self.headers.get("Content-Type", ""),
                "body": self.rfile.read(length).decode("utf-8"),
            }
        )
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"[]")

    do_GET = do_PATCH = _answer

    def log_message(self, format: str, *args: object) -> None:
        return


@contextmanager
def _harvest(home: Path) -> Iterator[list[dict[str, str]] | None]:
    """A local HTTPS server that curl reaches for harvest.greenhouse.io (``$HOME/.curlrc``)."""
    if shutil.which("curl") is None or shutil.which("openssl") is None:
        yield None
        return
    cert, key = home / "harvest.pem", home / "harvest.key"
    new_key = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2"]
    names = ["-subj", f"/CN={HARVEST}", "-addext", f"subjectAltName=DNS:{HARVEST}"]
    subprocess.run(
        ["openssl", "req", "-x509", *new_key, *names, "-keyout", str(key), "-out", str(cert)],
        check=True,
        capture_output=True,
        timeout=TIMEOUT,
    )
    seen: list[dict[str, str]] = []
    handler = type("Harvest", (_Harvest,), {"seen": seen})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    port = server.server_address[1]
    (home / ".curlrc").write_text(
        f'connect-to = "{HARVEST}:443:127.0.0.1:{port}"\ncacert = "{cert}"\nnoproxy = "*"\n', encoding="utf-8"
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield seen
    finally:
        server.shutdown()
        server.server_close()


def _environment(home: Path) -> dict[str, str]:
    """This environment's tools first on PATH; nothing from the user's or the test run's settings."""
    dropped = ("NO_COLOR", "FORCE_COLOR", "COLUMNS", "LINES", "PAGER", "XDG_CONFIG_HOME", "CI")
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in dropped
        and not key.startswith(("HIRECLI_", "PYTEST_", "GIT_", "CURL_"))
        and "proxy" not in key.lower()
    }
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", os.defpath)])
    env.update({"HOME": str(home), "CURL_HOME": str(home), NESTED: "1", **GREENHOUSE})
    return env


def _report(example: Example, done: subprocess.CompletedProcess[str]) -> str:
    def tail(text: str) -> str:
        lines = text.rstrip().splitlines()
        return "\n".join(("    " + line) for line in lines[-15:]) or "    (nothing)"

    return (
        f"README.md:{example.line}: {example.command}\n"
        f"  exit {done.returncode}, expected {example.exit_code}\n"
        f"  stdout (end):\n{tail(done.stdout)}\n  stderr (end):\n{tail(done.stderr)}"
    )


def test_examples_are_read_as_a_shell_reads_them() -> None:
    text = "\n".join(
        [
            "```sh",
            "hirecli lint roles/ --fail-on info   # exits 1 when anything is found",
            'hirecli posting "#1 role.yaml" # a comment',
            "curl -X PATCH x \\",
            "  -H 'a: #b' \\",
            "  --data @f   # the rest",
            "# a comment alone",
            "```",
            "hirecli not-an-example",
        ]
    )
    assert examples(text) == [
        Example(2, "hirecli lint roles/ --fail-on info", 1),
        Example(3, 'hirecli posting "#1 role.yaml"', 0),
        Example(4, "curl -X PATCH x -H 'a: #b' --data @f", 0),
    ]


def test_only_the_set_up_commands_at_the_top_are_left_out() -> None:
    commands = [example.command for example in examples(README.read_text(encoding="utf-8"))]
    assert commands[: len(NOT_RUN)] == list(NOT_RUN)
    assert not set(commands[len(NOT_RUN) :]) & set(NOT_RUN)


def test_every_readme_example_runs_as_written(tmp_path: Path) -> None:
    if os.environ.get(NESTED):
        pytest.skip("run by a README example")
    repo = tmp_path / "repo"
    repo.mkdir()
    _copy(repo)
    _placeholders(repo)
    home = repo / ".home"
    home.mkdir()
    env = _environment(home)
    failures: list[str] = []
    with _harvest(home) as requests:
        for example in examples(README.read_text(encoding="utf-8")):
            if example.command in NOT_RUN:
                continue
            if WHOLE_SUITE.search(example.command):
                failures.append(f"README.md:{example.line}: {example.command}\n  runs the whole suite")
                continue
            if requests is None and example.command.startswith("curl "):
                warnings.warn(f"README.md:{example.line} not run: needs curl and openssl", stacklevel=1)
                continue
            done = subprocess.run(
                ["bash", "-o", "pipefail", "-c", example.command],
                cwd=repo,
                env=env,
                stdin=subprocess.DEVNULL,
                capture_output=True,
                text=True,
                errors="replace",
                timeout=TIMEOUT,
                check=False,
            )
            if done.returncode != example.exit_code or "Traceback" in done.stderr:
                failures.append(_report(example, done))
    assert not failures, "README examples that fail as written:\n\n" + "\n\n".join(failures)
    if requests is not None:
        _check_harvest(requests, repo)


def _check_harvest(requests: list[dict[str, str]], repo: Path) -> None:
    """curl sent the payload hirecli wrote, with the credentials the README says it needs."""
    auth = "Basic " + base64.b64encode(f"{GREENHOUSE['GREENHOUSE_API_KEY']}:".encode()).decode()
    payload = (repo / "greenhouse" / "registered-nurse" / "job_post.json").read_text(encoding="utf-8")
    assert [(r["method"], r["path"]) for r in requests] == [
        ("PATCH", f"/v2/job_posts/{GREENHOUSE['JOB_POST_ID']}"),
        ("GET", f"/v1/jobs/{GREENHOUSE['JOB_ID']}/stages"),
    ]
    patch, stages = requests
    assert patch["auth"] == stages["auth"] == auth
    assert patch["on_behalf_of"] == GREENHOUSE["GREENHOUSE_USER_ID"]
    assert patch["content_type"] == "application/json"
    assert json.loads(patch["body"]) == json.loads(payload)
