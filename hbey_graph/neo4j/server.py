"""A local Neo4j 5.26 Community server for tests and exploration.

Neo4j is not on PyPI, but its Java artifacts are on Maven Central. The package ships a tiny Java
program (``launcher/``: an embedded Neo4j with a Bolt connector) which :func:`build_launcher`
compiles with Maven into a cache directory, outside the installed package, and rebuilds only when
its sources change. :class:`Neo4jServer` runs it on a free port, waits until Bolt answers, and stops
it cleanly; the server also stops by itself when the Python process that started it goes away.

A second small program (``importer/``: Neo4j's offline importer, ``neo4j-admin database import
full``) is built the same way by :func:`build_importer`, for :func:`hbey_graph.neo4j.import_database`.

The cache directory is ``$HBEY_GRAPH_CACHE`` if set, else ``$XDG_CACHE_HOME/hbey_graph`` or
``~/.cache/hbey_graph``; the launcher is built in its ``neo4j-launcher`` folder, the importer in
``neo4j-importer``. The first build
downloads Neo4j (about 150 MB) into Maven's own repository (``~/.m2``).
"""

from __future__ import annotations

import atexit
import collections
import contextlib
import hashlib
import os
import re
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from importlib import resources
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from hbey_graph.errors import Neo4jServerError, Neo4jUnavailableError

if TYPE_CHECKING:
    import neo4j

__all__ = [
    "IMPORTER_CLASS",
    "LAUNCHER_CLASS",
    "READY_PREFIX",
    "Neo4jServer",
    "build_importer",
    "build_launcher",
    "cache_dir",
    "find_java",
    "find_maven",
    "launcher_sources",
]

#: Main class of the launcher.
LAUNCHER_CLASS = "hbeygraph.Neo4jLauncher"

#: Start of the line the launcher prints once Bolt accepts connections (then ``bolt://HOST:PORT``).
READY_PREFIX = "hbey-graph neo4j ready "

#: Main class of the importer (``importer/``: Neo4j's offline ``database import full``).
IMPORTER_CLASS = "hbeygraph.Neo4jImporter"

#: Files of the launcher, relative to ``hbey_graph/neo4j/launcher``.
_LAUNCHER_FILES = ("pom.xml", "src/main/java/hbeygraph/Neo4jLauncher.java")

#: Files of the importer, relative to ``hbey_graph/neo4j/importer``.
_IMPORTER_FILES = ("pom.xml", "src/main/java/hbeygraph/Neo4jImporter.java")

#: Environment variable through which the launcher receives ``USER:PASSWORD``.
_AUTH_VARIABLE = "HBEY_GRAPH_NEO4J_AUTH"

#: Oldest Java the Neo4j 5.26 line runs on.
_MIN_JAVA = 17

_build_lock = threading.Lock()


def cache_dir() -> Path:
    """Return the directory where hbey_graph keeps what it builds (not created here).

    ``$HBEY_GRAPH_CACHE`` if set, else ``$XDG_CACHE_HOME/hbey_graph``, else ``~/.cache/hbey_graph``.

    Examples
    --------
    >>> import os
    >>> from unittest import mock
    >>> with mock.patch.dict(os.environ, {"HBEY_GRAPH_CACHE": "/tmp/hbey-cache"}):
    ...     str(cache_dir())
    '/tmp/hbey-cache'
    """
    if os.environ.get("HBEY_GRAPH_CACHE"):
        return Path(os.environ["HBEY_GRAPH_CACHE"]).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base).expanduser() / "hbey_graph"


def launcher_sources(project: str = "launcher") -> dict[str, bytes]:
    """Return a Java project's files (``pom.xml`` and the Java source) as shipped in the package.

    Parameters
    ----------
    project : {"launcher", "importer"}
        The server's launcher, or the offline importer.

    Examples
    --------
    >>> sorted(launcher_sources())
    ['pom.xml', 'src/main/java/hbeygraph/Neo4jLauncher.java']
    >>> sorted(launcher_sources("importer"))
    ['pom.xml', 'src/main/java/hbeygraph/Neo4jImporter.java']
    """
    files = {"launcher": _LAUNCHER_FILES, "importer": _IMPORTER_FILES}[project]
    root = resources.files("hbey_graph.neo4j") / project
    sources = {}
    for name in files:
        path = root.joinpath(*name.split("/"))
        if not path.is_file():
            raise Neo4jServerError(
                f"the Neo4j {project} file {name} is missing from the installed package; reinstall hbey_graph"
            )
        sources[name] = path.read_bytes()
    return sources


def find_java() -> str:
    """Return the ``java`` command to run the server with, checking it is Java 17 or newer.

    ``$JAVA_HOME/bin/java`` when ``JAVA_HOME`` is set, else ``java`` on the ``PATH``.

    Raises
    ------
    Neo4jUnavailableError
        If there is no Java or it is older than 17.

    Examples
    --------
    >>> java = find_java()  # doctest: +SKIP
    """
    java_home = os.environ.get("JAVA_HOME")
    java = str(Path(java_home) / "bin" / "java") if java_home else shutil.which("java")
    if not java or not Path(java).exists():
        where = f"JAVA_HOME={java_home} has no bin/java" if java_home else "no `java` on the PATH"
        raise Neo4jUnavailableError(
            f"Java is needed to run a local Neo4j ({where}); install a JDK {_MIN_JAVA} or 21"
        )
    try:
        result = subprocess.run([java, "-version"], capture_output=True, text=True, timeout=60, check=False)
    except (OSError, subprocess.TimeoutExpired) as err:
        raise Neo4jUnavailableError(f"cannot run {java} -version: {err}") from err
    match = re.search(r'version "(\d+)(?:\.(\d+))?', result.stderr + result.stdout)
    if match:
        major = int(match.group(1))
        if major == 1 and match.group(2):  # "1.8.0" style
            major = int(match.group(2))
        if major < _MIN_JAVA:
            raise Neo4jUnavailableError(
                f"{java} is Java {major}; a local Neo4j 5.26 needs Java {_MIN_JAVA} or 21"
            )
    return java


def find_maven() -> str:
    """Return the ``mvn`` command.

    Raises
    ------
    Neo4jUnavailableError
        If Maven is not on the ``PATH``.

    Examples
    --------
    >>> mvn = find_maven()  # doctest: +SKIP
    """
    mvn = shutil.which("mvn")
    if not mvn:
        raise Neo4jUnavailableError(
            "Maven is needed to build the local Neo4j launcher (no `mvn` on the PATH); install Maven 3"
        )
    return mvn


def _classpath_of(build: Path, main_class: str) -> list[str] | None:
    """The classpath of a finished build, or None when it is missing or stale."""
    listing = build / "classpath.txt"
    classes = build / "target" / "classes"
    if not listing.is_file() or not classes.joinpath(*main_class.split(".")).with_suffix(".class").is_file():
        return None
    entries = [entry for entry in listing.read_text(encoding="utf-8").strip().split(os.pathsep) if entry]
    if not entries or not all(Path(entry).exists() for entry in entries):
        return None  # Maven's repository was cleaned since the build
    return [str(classes), *entries]


def build_launcher(*, force: bool = False) -> list[str]:
    """Build the Neo4j launcher with Maven if needed and return its classpath.

    The sources are copied into ``cache_dir() / "neo4j-launcher" / STAMP`` (STAMP: a hash of the
    sources) and built there, so a finished build is reused until the sources change; builds of
    older sources are then removed. Builds of several processes at once are serialised with a lock
    file.

    Parameters
    ----------
    force : bool
        Rebuild even when the build is current.

    Returns
    -------
    list of str
        The classpath: the compiled launcher, then every jar it needs (in Maven's repository).

    Raises
    ------
    Neo4jUnavailableError
        If Java or Maven is missing, or Maven cannot download Neo4j.
    Neo4jServerError
        If the build fails for another reason.

    Examples
    --------
    >>> classpath = build_launcher()  # doctest: +SKIP
    >>> classpath[0].endswith("target/classes")  # doctest: +SKIP
    True
    """
    return _build("launcher", LAUNCHER_CLASS, force=force)


def build_importer(*, force: bool = False) -> list[str]:
    """Build the offline importer (``importer/``) with Maven if needed and return its classpath.

    Built like :func:`build_launcher`, in ``cache_dir() / "neo4j-importer" / STAMP``; it adds
    Neo4j's ``neo4j-import-tool`` and ``neo4j-command-line`` (from Maven Central) to the launcher's
    Neo4j.

    Parameters
    ----------
    force : bool
        Rebuild even when the build is current.

    Returns
    -------
    list of str
        The classpath: the compiled importer, then every jar it needs.

    Raises
    ------
    Neo4jUnavailableError
        If Java or Maven is missing, or Maven cannot download Neo4j.
    Neo4jServerError
        If the build fails for another reason.

    Examples
    --------
    >>> classpath = build_importer()  # doctest: +SKIP
    """
    return _build("importer", IMPORTER_CLASS, force=force)


def _build(project: str, main_class: str, *, force: bool) -> list[str]:
    """Build one of the Java projects in the cache (see :func:`build_launcher`)."""
    sources = launcher_sources(project)
    digest = hashlib.sha256()
    for name in sorted(sources):
        digest.update(name.encode() + b"\0" + sources[name] + b"\0")
    stamp = digest.hexdigest()[:16]
    root = cache_dir() / f"neo4j-{project}"
    build = root / stamp  # one folder per version of the sources: a running server keeps its own
    with _build_lock, _file_lock(cache_dir() / f"neo4j-{project}.lock"):
        if not force and (build / "done").is_file():
            classpath = _classpath_of(build, main_class)
            if classpath is not None:
                return classpath
        find_java()
        mvn = find_maven()
        if root.is_dir():  # builds of older sources, and an unfinished one of these
            for old in root.iterdir():
                shutil.rmtree(old, ignore_errors=True)
        for name, content in sources.items():
            target = build.joinpath(*name.split("/"))
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
        command = [
            mvn, "-B", "-q", "-f", str(build / "pom.xml"),
            "compile", "dependency:build-classpath", f"-Dmdep.outputFile={build / 'classpath.txt'}",
        ]  # fmt: skip
        try:
            result = subprocess.run(command, capture_output=True, text=True, timeout=1800, check=False)
        except (OSError, subprocess.TimeoutExpired) as err:
            raise Neo4jServerError(f"Maven build of the Neo4j {project} in {build} failed: {err}") from err
        output = result.stdout + result.stderr
        if result.returncode != 0:
            raise _build_error(build, output, project)
        classpath = _classpath_of(build, main_class)
        if classpath is None:
            raise Neo4jServerError(f"Maven finished but left no {project} classpath in {build}")
        (build / "done").write_text(digest.hexdigest() + "\n", encoding="utf-8")
        return classpath


def _build_error(build: Path, output: str, project: str = "launcher") -> Neo4jServerError:
    errors = [line.removeprefix("[ERROR]").strip() for line in output.splitlines() if "[ERROR]" in line]
    first = next((line for line in errors if line), output.strip().splitlines()[-1] if output.strip() else "")
    if re.search(r"Could not (resolve|transfer)|Unknown host|Connection (refused|timed out)|offline", output):
        return Neo4jUnavailableError(f"Maven could not download Neo4j from Maven Central: {first}")
    return Neo4jServerError(f"Maven could not build the Neo4j {project} in {build}: {first}")


@contextlib.contextmanager
def _file_lock(path: Path) -> Iterator[None]:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+b") as handle:
        try:
            import fcntl
        except ImportError:  # not POSIX: the in-process lock must do
            yield
            return
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


class Neo4jServer:
    """A local Neo4j 5.26 Community server in a child process, for tests and exploration.

    Use it as a context manager: entering builds the launcher if needed, starts the server and
    returns once Bolt answers; leaving stops it. The server listens on ``host`` only and stops by
    itself if this process dies (it watches its standard input).

    Parameters
    ----------
    port : int
        Bolt port; 0 (default) lets the system choose a free one (see :attr:`port` once started).
    host : str
        Address to listen on (loopback by default).
    data_dir : str or path-like, optional
        Where the database lives. By default a temporary directory, deleted on stop.
    import_dir : str or path-like, optional
        The server's import directory (``server.directories.import``): the only folder
        ``LOAD CSV FROM 'file:///NAME'`` reads, NAME relative to it (file URLs are allowed). By
        default the folder ``import`` in the data directory, so it goes with a temporary one.
    auth : tuple of (str, str), optional
        ``(user, password)`` to switch authentication on with that user (password of at least 8
        characters); off by default, so the driver connects with no credentials.
    heap : str
        Maximum JVM heap (``-Xmx``), ``"1g"`` by default.
    startup_timeout : float
        Seconds to wait for Bolt before giving up.
    jvm_options : sequence of str
        Extra JVM options.

    Attributes
    ----------
    uri : str
        ``bolt://host:port`` once started.
    import_dir : pathlib.Path or None
        The import directory, absolute, once started (the argument, or the default).

    Examples
    --------
    >>> server = Neo4jServer(heap="512m")
    >>> server.running
    False
    >>> with Neo4jServer() as server:  # doctest: +SKIP
    ...     driver = server.driver()
    ...     driver.execute_query("RETURN 1 AS one").records[0]["one"]
    1
    """

    def __init__(
        self,
        *,
        port: int = 0,
        host: str = "127.0.0.1",
        data_dir: str | os.PathLike[str] | None = None,
        import_dir: str | os.PathLike[str] | None = None,
        auth: tuple[str, str] | None = None,
        heap: str = "1g",
        startup_timeout: float = 180.0,
        jvm_options: Sequence[str] = (),
    ) -> None:
        if auth is not None and (len(auth) != 2 or not auth[0] or len(auth[1]) < 8):
            raise ValueError("auth must be (user, password) with a password of at least 8 characters")
        self.host = host
        self.requested_port = int(port)
        self.data_dir = Path(data_dir) if data_dir is not None else None
        self.requested_import_dir = Path(import_dir) if import_dir is not None else None
        self.import_dir: Path | None = None
        self.auth = tuple(auth) if auth is not None else None
        self.heap = heap
        self.startup_timeout = startup_timeout
        self.jvm_options = tuple(jvm_options)
        self.uri: str | None = None
        self._process: subprocess.Popen[str] | None = None
        self._temporary: tempfile.TemporaryDirectory[str] | None = None
        self._ready = threading.Event()
        self._output: collections.deque[str] = collections.deque(maxlen=50)
        self._threads: list[threading.Thread] = []

    # -- state -------------------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        """Whether the server process is alive."""
        return self._process is not None and self._process.poll() is None

    @property
    def port(self) -> int | None:
        """The Bolt port the server listens on, once started."""
        return int(self.uri.rsplit(":", 1)[1]) if self.uri else None

    @property
    def pid(self) -> int | None:
        """Process id of the server's JVM, once started."""
        return self._process.pid if self._process is not None else None

    def __repr__(self) -> str:
        state = f"running at {self.uri}" if self.running else "stopped"
        return f"<Neo4jServer {state}>"

    # -- life cycle --------------------------------------------------------------------------------

    def start(self) -> Neo4jServer:
        """Start the server and wait until Bolt answers; return the server itself.

        Raises
        ------
        Neo4jUnavailableError
            If Java or Maven is missing.
        Neo4jServerError
            If the server exits or Bolt does not answer within ``startup_timeout`` seconds.
        """
        if self.running:
            return self
        classpath = build_launcher()
        java = find_java()
        if self.data_dir is None:
            self._temporary = tempfile.TemporaryDirectory(prefix="hbey-graph-neo4j-")
            data = Path(self._temporary.name)
        else:
            data = self.data_dir
            data.mkdir(parents=True, exist_ok=True)
        import_dir = (self.requested_import_dir or data / "import").absolute()
        try:
            import_dir.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            self._cleanup()
            raise Neo4jServerError(f"cannot create the import folder {import_dir}: {err.strerror}") from err
        self.import_dir = import_dir
        command = [
            java, f"-Xmx{self.heap}", *self.jvm_options, "-cp", os.pathsep.join(classpath), LAUNCHER_CLASS,
            "--host", self.host, "--port", str(self.requested_port), "--data", str(data),
            "--import", str(import_dir), "--watch-stdin",
        ]  # fmt: skip
        environment = dict(os.environ)
        environment.pop(_AUTH_VARIABLE, None)
        if self.auth is not None:  # through the environment, not the process list
            environment[_AUTH_VARIABLE] = f"{self.auth[0]}:{self.auth[1]}"
        if self._temporary is not None:  # gone even if this process is killed
            command.append("--delete-data-on-exit")
        self._ready.clear()
        self._output.clear()
        try:
            self._process = subprocess.Popen(
                command,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
                encoding="utf-8",
                errors="replace",
                env=environment,
                start_new_session=True,  # Ctrl-C in a terminal reaches Python, which stops the server
            )
        except OSError as err:
            self._cleanup()
            raise Neo4jServerError(f"cannot start {java}: {err}") from err
        _RUNNING.add(self)
        reader = threading.Thread(target=self._read_output, name="neo4j-output", daemon=True)
        reader.start()
        self._threads = [reader]
        self._wait_until_ready()
        return self

    def _read_output(self) -> None:
        process = self._process
        assert process is not None and process.stdout is not None
        for line in process.stdout:
            line = line.rstrip("\n")
            if line.startswith(READY_PREFIX):
                self.uri = line[len(READY_PREFIX) :].strip()
                self._ready.set()
            else:
                self._output.append(line)

    def _wait_until_ready(self) -> None:
        deadline = time.monotonic() + self.startup_timeout
        while not self._ready.wait(timeout=0.2):
            if self._process is None or self._process.poll() is not None:
                for thread in self._threads:
                    thread.join(timeout=5)
                status = self._process.returncode if self._process is not None else "?"
                detail = self._last_message() or f"exit status {status}"
                self.stop()
                raise Neo4jServerError(f"the local Neo4j server stopped while starting: {detail}")
            if time.monotonic() > deadline:
                self.stop()
                raise Neo4jServerError(
                    f"the local Neo4j server did not answer within {self.startup_timeout:g} s"
                )
        self._check_bolt(deadline)

    def _check_bolt(self, deadline: float) -> None:
        """Confirm with the driver that Bolt answers (the launcher prints its line once it does)."""
        import neo4j
        from neo4j.exceptions import ServiceUnavailable

        while True:
            try:
                with neo4j.GraphDatabase.driver(self.uri, auth=self.auth) as driver:
                    driver.verify_connectivity()
                return
            except ServiceUnavailable as err:
                if time.monotonic() > deadline or not self.running:
                    self.stop()
                    raise Neo4jServerError(f"Neo4j at {self.uri} does not answer: {err}") from err
                time.sleep(0.2)  # Bolt was announced: retry shortly until it answers

    def _last_message(self) -> str:
        lines = [line.strip() for line in self._output if line.strip()]
        ours = [line for line in lines if line.startswith("hbey-graph neo4j:")]
        return (ours or lines or [""])[-1]

    def stop(self, timeout: float = 60.0) -> None:
        """Stop the server (SIGTERM, so Neo4j shuts down cleanly; killed after `timeout` seconds).

        Deletes the temporary data directory if the server made one. Stopping a stopped server
        does nothing.
        """
        process, self._process = self._process, None
        if process is not None:
            if process.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    process.send_signal(signal.SIGTERM)
                try:
                    process.wait(timeout=timeout)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait(timeout=30)
            if process.stdin is not None:
                with contextlib.suppress(OSError):
                    process.stdin.close()
            for thread in self._threads:
                thread.join(timeout=5)
            if process.stdout is not None:
                with contextlib.suppress(OSError):
                    process.stdout.close()
        self._threads = []
        _RUNNING.discard(self)
        self._cleanup()

    def _cleanup(self) -> None:
        if self._temporary is not None:
            with contextlib.suppress(OSError):
                self._temporary.cleanup()
            self._temporary = None

    def wait(self) -> int:
        """Block until the server process ends (for ``hbey-graph neo4j serve``); return its status."""
        if self._process is None:
            return 0
        return self._process.wait()

    def driver(self, **config: Any) -> neo4j.Driver:
        """Return a new ``neo4j.Driver`` for this server (the caller closes it)."""
        import neo4j

        if not self.running or self.uri is None:
            raise Neo4jServerError("the local Neo4j server is not running; start it first")
        return neo4j.GraphDatabase.driver(self.uri, auth=self.auth, **config)

    def __enter__(self) -> Neo4jServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()


#: Servers started in this process, stopped at exit if their owner forgot.
_RUNNING: set[Neo4jServer] = set()


@atexit.register
def _stop_all() -> None:
    for server in list(_RUNNING):
        with contextlib.suppress(Exception):
            server.stop(timeout=20)
