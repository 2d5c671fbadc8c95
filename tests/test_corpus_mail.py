"""The real-mail robustness corpus (tests/corpus/mail/): real messages from public test suites
and mail corpora (sources, commits and licences in expected.json), read with the same From,
name, Subject and Date as a careful mail reader, never a traceback, and never a false code.
"""

from __future__ import annotations

import pytest

from tests.corpus.robustness import CARRIES_A_CODE, FIELDS, code, expected, messages, reading


def test_every_message_reads_like_a_careful_mail_reader(
    capsys: pytest.CaptureFixture[str],
) -> None:
    wanted = {m["message"]: m for m in expected()["messages"]}
    read = {item.source: item for item in messages()}
    missing = sorted(set(wanted) - set(read))
    wrong = []
    for key, want in wanted.items():
        if key not in read:
            continue
        got = reading(read[key].data)
        for field in FIELDS:
            if got[field] != want[field]:
                wrong.append(f"{key} {field}: want {want[field]!r:.60}, got {got[field]!r:.60}")
    with capsys.disabled():
        print(
            f"\nMail corpus: {len(wanted) - len({w.split()[0] for w in wrong})}/{len(wanted)} "
            f"messages read like a careful mail reader ({len(read)} messages from "
            f"{len(expected()['sources'])} public sources)"
        )
    assert not missing, missing[:10]
    assert not wrong, wrong[:20]
    assert len(wanted) >= 2100


@pytest.mark.slow
def test_no_message_breaks_the_pipeline_and_none_gets_a_false_code(
    capsys: pytest.CaptureFixture[str],
) -> None:
    codes: dict[str, str | None] = {}
    for item in messages():
        found = code(item)  # raises on a message the pipeline gives no record for
        if found is not None or item.source in CARRIES_A_CODE:
            codes[item.source] = found
    with capsys.disabled():
        false = sum(1 for k, v in codes.items() if CARRIES_A_CODE.get(k) != v)
        print(f"\nMail corpus: {false} messages with a wrong or false code")
    assert codes == CARRIES_A_CODE
