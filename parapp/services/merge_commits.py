"""Each file's transaction commits on a helper thread while the next file is read and verified.

A merge commits every file in a durable transaction of its own (``synchronous=FULL``: the commit
returns once the file's rows are on disk). Waiting for the disk does not need the interpreter, and
verifying the next package (unzip, hashes, signature, parse) does not need the database: the two
overlap. Nothing touches the database before the previous commit has returned (``settle``), so
the files still commit one after another in their order, and the merge reports nothing before
every commit returned; a failed commit is raised by ``settle`` as it would have been raised by the
transaction itself.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import AbstractContextManager
from types import TracebackType

from parapp.store.database import Database
from parapp.store.database import StoreSession as Session


class Commits:
    """One helper thread for a merge: at most one transaction committing on it, and the archive
    folder's ``fsync`` calls (``run``), done in the order they were given."""

    def __init__(self) -> None:
        self._helper = ThreadPoolExecutor(max_workers=1, thread_name_prefix="parapp-merge")
        self._commit: Future[None] | None = None

    def run(self, job: Callable[[], None]) -> Future[None]:
        """Run ``job`` on the helper thread, after what was given before."""
        return self._helper.submit(job)

    def transaction(self, db: Database) -> AbstractContextManager[Session]:
        """``db.transaction()`` whose commit, when the block ends normally, runs on the helper
        thread (an exception rolls back here, at once)."""
        self.settle()
        return _Deferred(self, db.transaction())

    def start(self, transaction: AbstractContextManager[Session]) -> None:
        """Commit ``transaction`` on the helper thread."""
        self.settle()

        def commit() -> None:
            transaction.__exit__(None, None, None)

        self._commit = self.run(commit)

    def settle(self) -> None:
        """Wait for the commit in flight.

        Raises:
            Exception: whatever the commit raised.
        """
        commit, self._commit = self._commit, None
        if commit is not None:
            commit.result()

    def close(self) -> None:
        """Wait for the commit in flight and end the helper thread.

        Raises:
            Exception: whatever the commit raised.
        """
        try:
            self.settle()
        finally:
            self._helper.shutdown(wait=True)


class _Deferred(AbstractContextManager[Session]):
    def __init__(self, commits: Commits, inner: AbstractContextManager[Session]) -> None:
        self._commits = commits
        self._inner = inner

    def __enter__(self) -> Session:
        return self._inner.__enter__()

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> bool | None:
        if kind is not None:
            return self._inner.__exit__(kind, error, trace)
        self._commits.start(self._inner)
        return None
