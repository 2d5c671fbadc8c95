"""The worker pool gives the same result as one process, in order, and stops cleanly."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from inspector.analysis import parallel
from inspector.analysis.record import MessageRecord, Options, RunResult
from inspector.analysis.run import run
from inspector.cli.main import main
from inspector.model import RawMail, ReadProblem, SourceItem
from inspector.sources.files import read_paths
from tests.schemas import cli_json

FIXTURES = Path(__file__).parent.parent / "fixtures"
NOW = datetime(2026, 11, 25, 14, 20, tzinfo=UTC)


@pytest.fixture
def two_jobs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INSPECTOR_JOBS", "2")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from testkit.corpus import generate

    return generate(tmp_path_factory.mktemp("corpus"), 300, 20261120, jobs=1).mbox


def summary(result: RunResult) -> tuple[object, ...]:
    def one(record: MessageRecord) -> tuple[object, ...]:
        return (record.source, record.code, record.extraction, record.timeline, record.subject)

    return (
        [one(r) for r in result.records],
        [(p.source, p.message) for p in result.problems],
        result.messages_read,
        result.sources_failed,
        result.incomplete,
    )


@pytest.mark.usefixtures("two_jobs")
@pytest.mark.parametrize("all_messages", [False, True], ids=["verification", "all-messages"])
def test_pool_gives_the_same_records_as_one_process_on_fixtures(all_messages: bool) -> None:
    paths = [str(FIXTURES / "mail"), str(FIXTURES / "auth"), str(FIXTURES / "sms"), "/nonexistent"]
    options = Options(now=NOW, all_messages=all_messages)
    single = run(read_paths(paths), options, parallel_after=10**9)
    pooled = run(read_paths(paths), options, parallel_after=0)
    assert summary(pooled) == summary(single)
    assert single.records
    assert single.problems


@pytest.mark.slow
@pytest.mark.usefixtures("two_jobs")
def test_pool_gives_the_same_report_on_a_generated_mailbox(corpus: Path) -> None:
    args = ["analyze", str(corpus), "--offline", "--format", "json", "--now", NOW.isoformat()]
    runner = CliRunner()
    original = parallel.PARALLEL_AFTER
    try:
        parallel.PARALLEL_AFTER = 10**9
        single = runner.invoke(main, args)
        parallel.PARALLEL_AFTER = 0
        pooled = runner.invoke(main, args)
    finally:
        parallel.PARALLEL_AFTER = original
    assert single.exit_code == pooled.exit_code
    assert cli_json(pooled.output, "analyze") == cli_json(single.output, "analyze")
    assert cli_json(single.output, "analyze")["messages_read"] == 300


def test_one_job_or_a_resolver_keeps_one_process(monkeypatch: pytest.MonkeyPatch) -> None:
    from inspector.domains.dns import Resolver

    monkeypatch.setenv("INSPECTOR_JOBS", "1")
    assert parallel.threshold(Options(now=NOW)) is None
    monkeypatch.setenv("INSPECTOR_JOBS", "2")
    assert parallel.threshold(Options(now=NOW)) == parallel.PARALLEL_AFTER
    resolver = Resolver([("127.0.0.1", 53)], budget=0.1)
    assert parallel.threshold(Options(now=NOW, resolver=resolver)) is None


def interrupted_source() -> Iterator[SourceItem]:
    data = (FIXTURES / "mail" / "inbox" / "tiktok-code-valid.eml").read_bytes()
    for number in range(200):
        yield RawMail(data, source=f"x#{number}")
    raise KeyboardInterrupt


@pytest.mark.usefixtures("two_jobs")
def test_ctrl_c_stops_the_workers_and_reaches_the_caller() -> None:
    with pytest.raises(KeyboardInterrupt):
        run(interrupted_source(), Options(now=NOW), parallel_after=0)


@pytest.mark.usefixtures("two_jobs")
def test_a_read_problem_between_messages_is_kept() -> None:
    data = (FIXTURES / "mail" / "inbox" / "tiktok-code-valid.eml").read_bytes()
    items: list[SourceItem] = [RawMail(data, source="a"), ReadProblem("b", "b is unreadable.")]
    items += [RawMail(data, source=f"c{i}") for i in range(150)]
    result = run(items, Options(now=NOW), parallel_after=0)
    assert [r.source for r in result.records] == ["a"] + [f"c{i}" for i in range(150)]
    assert [p.source for p in result.problems] == ["b"]
    assert result.messages_read == 151


def test_batches_are_bounded() -> None:
    data = b"x" * (parallel._BATCH_BYTES // 2 + 1)
    items: list[SourceItem] = [RawMail(data, source=str(i)) for i in range(10)]
    sizes = [len(batch) for batch in parallel._tasks(iter(items), 2) if isinstance(batch, list)]
    assert max(sizes) == 2  # a batch closes once it holds _BATCH_BYTES
    assert sum(sizes) == 10
    small: list[SourceItem] = [RawMail(b"x", source=str(i)) for i in range(1000)]
    tasks = parallel._tasks(iter(small), 2)
    assert max(len(b) for b in tasks if isinstance(b, list)) == parallel._BATCH_MESSAGES


_PARENT = os.getpid()


def _die(item: object, options: Options) -> None:
    if os.getpid() != _PARENT:
        os._exit(1)  # in a worker: what an out-of-memory kill looks like to the pool


@pytest.mark.usefixtures("two_jobs")
def test_a_worker_that_dies_ends_the_run_with_one_sentence(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from inspector.errors import InspectorError

    data = (FIXTURES / "mail" / "inbox" / "tiktok-code-valid.eml").read_bytes()
    items: list[SourceItem] = [RawMail(data, source=f"m{i}") for i in range(10)]
    monkeypatch.setattr(parallel, "analyze_item", _die)  # the forked workers inherit it
    with pytest.raises(InspectorError, match="worker process stopped"):
        run(iter(items), Options(now=NOW), parallel_after=1)


def test_jobs_option_sets_the_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    """``--jobs N`` wins over INSPECTOR_JOBS (kept as the fallback); ``auto`` is every CPU."""
    from inspector.cli.analyze import analyze
    from inspector.cli.options import request_from

    monkeypatch.setenv("INSPECTOR_JOBS", "2")
    assert parallel.threshold(Options(now=NOW, jobs=1)) is None
    assert parallel.jobs(None) == 2
    assert parallel.jobs(3) == 3
    monkeypatch.setenv("INSPECTOR_JOBS", "1")
    assert parallel.threshold(Options(now=NOW, jobs=2)) == parallel.PARALLEL_AFTER
    assert parallel.jobs(0) == len(os.sched_getaffinity(0))  # auto ignores the variable
    jobs_type = next(p.type for p in analyze.params if p.name == "jobs")
    assert jobs_type.convert("4", None, None) == 4
    assert jobs_type.convert("auto", None, None) == 0
    for given, expected in ((4, 4), (0, 0), (None, None)):
        assert request_from({"offline": True, "jobs": given}).jobs == expected


@pytest.mark.parametrize("value", ["0", "65", "two", "-1"])
def test_jobs_option_refuses_nonsense(value: str) -> None:
    result = CliRunner().invoke(main, ["analyze", str(FIXTURES / "mail"), "--jobs", value])
    assert result.exit_code == 2
    assert "--jobs" in result.output


def test_jobs_two_and_one_give_the_same_report(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INSPECTOR_JOBS", "1")  # the option, not the variable, decides
    monkeypatch.setattr(parallel, "PARALLEL_AFTER", 5)
    base = [str(FIXTURES / "mail"), "--offline", "--format", "json", "--all-messages"]
    base += ["--now", NOW.isoformat()]
    runner = CliRunner()
    one = runner.invoke(main, ["analyze", *base, "--jobs", "1"])
    two = runner.invoke(main, ["analyze", *base, "--jobs", "2"])
    assert one.exit_code == two.exit_code
    assert cli_json(two.output, "analyze") == cli_json(one.output, "analyze")
    assert cli_json(one.output, "analyze")["messages_read"] > 5


def test_a_run_result_is_what_merging_adds_up() -> None:
    """Tasks' results are added field by field (``parallel._merge``): a new field of
    ``RunResult`` must be added up there too."""
    from dataclasses import fields

    names = [f.name for f in fields(RunResult)]
    assert names == ["records", "problems", "messages_read", "sources_failed", "searched"]


def mailbox(path: Path, copies: int) -> Path:
    """An mbox of every fixture message, ``copies`` times, with an escaped line and no final
    newline: large enough to be cut into many parts."""
    messages = sorted((FIXTURES / "mail" / "inbox").glob("*.eml"))
    with path.open("wb") as fh:
        for i in range(copies):
            for message in messages:
                fh.write(b"From x@y Wed Nov 25 14:%02d:00 2026\n" % (i % 60))
                fh.write(message.read_bytes().replace(b"\r\n", b"\n").rstrip(b"\n"))
                fh.write(b"\n>From the archive\n\n")
        fh.write(b"From last@y Wed Nov 25 15:00:00 2026\nSubject: end\n\nno newline")
    return path


def everything(result: RunResult) -> tuple[object, ...]:
    return (
        result.records,
        result.problems,
        result.messages_read,
        result.sources_failed,
        list(result.searched.items()),
    )


@pytest.mark.parametrize("jobs", [2, 3])
@pytest.mark.parametrize("all_messages", [False, True], ids=["verification", "all-messages"])
def test_mbox_parts_read_by_the_workers_give_what_one_process_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: int, all_messages: bool
) -> None:
    big = mailbox(tmp_path / "big.mbox", 12)
    small = mailbox(tmp_path / "Junk.mbox", 2)
    paths = [str(big), "/nonexistent", str(FIXTURES / "mail" / "inbox"), str(small)]
    single = run(read_paths(paths), Options(now=NOW, all_messages=all_messages, jobs=1))
    monkeypatch.setattr(parallel, "PARALLEL_BYTES", 1)  # shared from the first message on
    monkeypatch.setattr(parallel, "_PART_MIN", 1)
    monkeypatch.setattr(parallel, "_PART_MAX", 4000)  # a few messages a part
    options = Options(now=NOW, all_messages=all_messages, jobs=jobs)
    pooled = run(read_paths(paths), options, parallel_after=10**9)
    assert everything(pooled) == everything(single)
    assert single.messages_read == 12 * 8 + 1 + 8 + 2 * 8 + 1
    assert [p.source for p in single.problems] == ["/nonexistent"]
    assert next(iter(single.searched)) == str(big)


def test_an_mbox_on_disk_and_a_folder_are_cut_into_parts(tmp_path: Path) -> None:
    from inspector.sources.files import TreePart
    from inspector.sources.mbox import MboxPart

    big = mailbox(tmp_path / "big.mbox", 40)
    reading = read_paths([str(big), str(FIXTURES / "mail" / "inbox")])
    first = next(reading)
    assert isinstance(first, RawMail)
    assert parallel.worth_starting(reading) == (big.stat().st_size >= parallel.PARALLEL_BYTES)
    tasks = list(parallel._tasks(reading, 2))
    parts = [t for t in tasks if isinstance(t, MboxPart)]
    assert len(parts) >= 2
    # The folder of .eml files: its first file read here, the others handed out by path.
    batch, files = [t for t in tasks if not isinstance(t, MboxPart)]
    assert isinstance(batch, list)
    assert len(batch) == 1
    assert isinstance(files, TreePart)
    assert len(files.paths) == 7
    numbers = [p.first + i for p in parts for i in range(len(p.spans))]
    assert numbers == list(range(2, 40 * 8 + 2))
    sizes = [p.size for p in parts]
    assert sizes[-1] <= sizes[0]  # parts shrink towards the end


_CALLS: list[int] = []


def _interrupt_in_parent(item: object, options: Options) -> None:
    """Ctrl-C in the parent once it works on parts itself (the first message is its own)."""
    _CALLS.append(1)
    if os.getpid() == _PARENT and len(_CALLS) > 1:
        raise KeyboardInterrupt


@pytest.mark.usefixtures("two_jobs")
def test_ctrl_c_while_the_parent_works_on_a_part(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = mailbox(tmp_path / "big.mbox", 30)
    _CALLS.clear()
    monkeypatch.setattr(parallel, "PARALLEL_BYTES", 1)
    monkeypatch.setattr(parallel, "_PART_MAX", 2000)
    monkeypatch.setattr(parallel, "analyze_item", _interrupt_in_parent)
    with pytest.raises(KeyboardInterrupt):
        run(read_paths([str(big)]), Options(now=NOW), parallel_after=10**9)
    assert len(_CALLS) > 1  # raised in the parallel part, not at the first message


def maildir(root: Path, copies: int) -> Path:
    messages = sorted((FIXTURES / "mail" / "inbox").glob("*.eml"))
    for sub in ("cur", "new", "tmp", ".Junk/cur", ".Junk/new", ".Junk/tmp"):
        (root / sub).mkdir(parents=True)
    for i in range(copies):
        for j, message in enumerate(messages):
            where = root / (".Junk/cur" if j % 3 == 0 else "cur")
            (where / f"{1795615200 + i * 10 + j}.M{i}P{j}.host:2,S").write_bytes(
                message.read_bytes()
            )
    return root


@pytest.mark.parametrize("all_messages", [False, True], ids=["verification", "all-messages"])
def test_maildir_files_read_by_the_workers_give_what_one_process_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, all_messages: bool
) -> None:
    box = maildir(tmp_path / "Maildir", 20)
    tree = tmp_path / "tree"
    (tree / "a").mkdir(parents=True)
    for i, message in enumerate(sorted((FIXTURES / "mail" / "inbox").glob("*.eml")) * 5):
        (tree / "a" / f"{i:03}.eml").write_bytes(message.read_bytes())
    (tree / "a" / "020.eml").write_bytes(b"")  # an empty file: a problem in its place
    paths = [str(box), str(tree)]
    single = run(read_paths(paths), Options(now=NOW, all_messages=all_messages, jobs=1))
    monkeypatch.setattr(parallel, "PARALLEL_BYTES", 1)
    monkeypatch.setattr(parallel, "_PART_MAX", 100_000)  # three files a part
    pooled = run(
        read_paths(paths), Options(now=NOW, all_messages=all_messages, jobs=2), parallel_after=10**9
    )
    assert everything(pooled) == everything(single)
    assert single.messages_read == 20 * 8 + 5 * 8 - 1
    assert [p.source for p in single.problems] == [str(tree / "a" / "020.eml")]


def test_a_folder_whose_file_holds_many_messages_keeps_its_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file of many messages (an SMS export, an mbox read as a stream) in a folder of
    files: what follows it is never handed out before its last message."""
    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / "0-export.csv").write_bytes((FIXTURES / "sms" / "export.csv").read_bytes())
    for i, message in enumerate(sorted((FIXTURES / "mail" / "inbox").glob("*.eml"))):
        (tree / f"{i + 1}.eml").write_bytes(message.read_bytes())
    single = run(read_paths([str(tree)]), Options(now=NOW, all_messages=True, jobs=1))
    monkeypatch.setattr(parallel, "PARALLEL_BYTES", 1)
    monkeypatch.setattr(parallel, "_PART_MAX", 1)
    pooled = run(
        read_paths([str(tree)]), Options(now=NOW, all_messages=True, jobs=2), parallel_after=1
    )
    assert everything(pooled) == everything(single)
    assert single.messages_read > 9


def test_warm_up_freezes_what_the_workers_share() -> None:
    """Objects alive before the fork leave the collector's generations, so a collection in a
    worker does not copy the pages it shares with the parent."""
    import gc

    gc.unfreeze()
    try:
        parallel._warm_up(Options(now=datetime(2026, 11, 19, 11, tzinfo=UTC)))
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
