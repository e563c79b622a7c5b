"""How the reader child sends chunks: columns of date-times as one array and back, pickling
without the memo, and the sending thread that keeps the order and reports a broken pipe."""

from __future__ import annotations

import datetime as dt
import sys

import numpy as np
import pandas as pd
import pytest

from kcdesk.core.importing import reader
from kcdesk.core.importing.pipeline import _frame
from kcdesk.core.importing.reader import MOMENT_ROWS, Sender, column_values, plain_values


def moments(n):
    base = [dt.datetime(2026, 7, 1, 9, 5), dt.date(2026, 7, 2), None,
            dt.datetime(2026, 1, 1, 0, 0, 0, 1000), dt.datetime(1941, 9, 4)]
    return (base * (n // len(base) + 1))[:n]


def test_a_long_column_of_dates_travels_as_one_array_and_comes_back_as_it_was():
    values = moments(MOMENT_ROWS)
    sent = column_values(pd.Series(values, dtype=object))
    assert isinstance(sent, np.ndarray) and sent.dtype == np.dtype("datetime64[us]")
    back = plain_values(sent)
    # A date-time at midnight comes back as a date, as the readers give a date cell.
    assert back == [v.date() if isinstance(v, dt.datetime) and v == dt.datetime(1941, 9, 4) else v
                    for v in values]


@pytest.mark.parametrize("values", [
    moments(MOMENT_ROWS - 1),                                           # short: a list
    moments(MOMENT_ROWS)[:-1] + ["15.08.2026"],                         # a text among them
    moments(MOMENT_ROWS)[:-1] + [45000.5],                              # a number among them
    moments(MOMENT_ROWS)[:-1] + [dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)],  # aware
    [None] * MOMENT_ROWS,
])
def test_other_columns_travel_as_lists_of_their_values(values):
    sent = column_values(pd.Series(values, dtype=object))
    assert isinstance(sent, list) and sent == values and plain_values(sent) is sent


def test_a_date_field_keeps_the_array_and_another_field_gets_plain_values():
    sent = column_values(pd.Series(moments(MOMENT_ROWS), dtype=object))
    frame = _frame(list(range(2, MOMENT_ROWS + 2)), [sent, sent], ["registered_at", "question"])
    assert frame["registered_at"].dtype == np.dtype("datetime64[us]")
    assert frame["question"].dtype == object and frame["question"].iloc[0] == dt.datetime(2026, 7, 1, 9, 5)
    assert frame["question"].iloc[2] is None


def test_messages_unpickle_to_what_was_sent(tmp_path):
    from multiprocessing.reduction import ForkingPickler

    rows = ("rows", [3, 4, 5], 2)
    column = ("column", ["Астана", 1.5, None, True, dt.datetime(2026, 7, 1), "Астана"])
    for message in (rows, column, ("end",), ("sheets", ["Лист1"])):
        assert ForkingPickler.loads(reader._pickled(message)) == message


class FakeConnection:
    def __init__(self, fail_after=None):
        self.sent: list[bytes] = []
        self.fail_after = fail_after

    def send_bytes(self, payload):
        if self.fail_after is not None and len(self.sent) >= self.fail_after:
            raise BrokenPipeError("the parent has gone")
        self.sent.append(payload)


def test_the_sender_keeps_the_order_of_everything_sent():
    from multiprocessing.reduction import ForkingPickler

    conn = FakeConnection()
    sender = Sender(conn)  # type: ignore[arg-type]
    for n in range(50):
        sender.send(("rows", [n], 1), ("column", [f"value {n}"]))
    sender.send(("end",))
    sender.close()
    received = [ForkingPickler.loads(p) for p in conn.sent]
    assert received[-1] == ("end",)
    assert [m[1][0] for m in received[:-1:2]] == list(range(50))
    assert not sender.thread.is_alive()


def test_a_broken_pipe_reaches_the_reading_thread_and_close_does_not_hang():
    conn = FakeConnection(fail_after=3)
    sender = Sender(conn)  # type: ignore[arg-type]
    with pytest.raises(BrokenPipeError):
        for n in range(100):
            sender.send(("rows", [n], 1), ("column", [n]))
    sender.close()
    assert not sender.thread.is_alive()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="pipe sizes are Linux's")
def test_the_pipe_from_the_child_is_widened_on_linux():
    import fcntl
    import multiprocessing

    incoming, outgoing = multiprocessing.get_context("spawn").Pipe(duplex=False)
    try:
        before = fcntl.fcntl(incoming.fileno(), 1032)  # F_GETPIPE_SZ
        reader._widen(incoming)
        after = fcntl.fcntl(incoming.fileno(), 1032)
        assert before < reader.PIPE_BYTES <= after
    finally:
        incoming.close()
        outgoing.close()


def test_digests_are_the_files_sha256_and_an_unreadable_file_is_named(tmp_path):
    import hashlib

    from kcdesk.core.errors import KcError
    from kcdesk.core.importing.reader import Digests

    first = tmp_path / "a.csv"
    first.write_bytes("№;Дата\n1;15.08.2026\n".encode() * 1000)
    missing = tmp_path / "gone.csv"
    digests = Digests([first, missing])
    assert digests.get(0) == hashlib.sha256(first.read_bytes()).hexdigest()
    with pytest.raises(KcError) as raised:
        digests.get(1)
    assert raised.value.code == "file_unreadable" and raised.value.params["file"] == "gone.csv"
