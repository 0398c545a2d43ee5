"""Where the computer thinks: in a process of its own, or on a thread of this one.

A bot's search holds Python's interpreter lock for as long as it runs, so on a thread it takes the
window's time between frames.  A :class:`Thinker` keeps one worker process instead (started with
``spawn``, the same on every platform) and sends it only what a bot may see: the seat's view and
its legal actions, the bot itself (its level, seed, personality and own generator) and the means
to rebuild the rules — the folders they were loaded from, checked in the worker against their
fingerprint (rules made in code travel whole).  It answers with a :class:`Thought`: the action, the
reason and the bot as it is after thinking.  The same view and bot give the same thought in either
place.

The bot that thinks is always a copy: a thought that is never played (the position was left by an
undo, a load or a new game) leaves the seat's bot as it was.  If the worker fails — it dies, or
cannot be started — :attr:`Thinker.trouble` says so in words, and that thought and every later one
are made on a thread instead; the game goes on.
"""

from __future__ import annotations

import copy
import copyreg
import io
import multiprocessing
import pickle
import sys
import threading
from concurrent.futures import BrokenExecutor, Future, InvalidStateError, ProcessPoolExecutor, ThreadPoolExecutor
from types import MappingProxyType

from attrs import frozen

import game.ai.search  # noqa: F401  (the bots' code, loaded before the first thought)
from game.ruleset.loader import RulesError, errors, load_rules

#: how a think is made: a worker process, or a thread of this process
PROCESS, THREAD = "process", "thread"
#: the interpreter switches threads this often (seconds) while a thread thinks: the window gets
#: its turn every millisecond instead of every five (Python's default)
THREAD_SWITCH = 0.001


@frozen
class Thought:
    """A bot's choice: the action, why, and the bot after choosing (its generator moved on)."""

    action: object
    reason: str
    bot: object


class Thinker:
    """Thinks for the bot seats of one window (or one test): :meth:`think` returns a future whose
    result is a :class:`Thought`.  The worker process starts at :meth:`start` or at the first
    think, and stops at :meth:`close`."""

    def __init__(self, mode: str = PROCESS):
        if mode not in (PROCESS, THREAD):
            raise ValueError(f"the computer thinks in a {PROCESS!r} or a {THREAD!r}, not {mode!r}")
        self.mode = mode
        #: why thinking moved from the worker process to a thread (None: it has not)
        self.trouble: str | None = None
        self._pool: ProcessPoolExecutor | None = None
        self._threads: ThreadPoolExecutor | None = None
        self._sent: set[str] = set()  # fingerprints of the rules made in code sent to the worker
        self._warm: Future | None = None
        self._closing = False
        self._lock = threading.Lock()

    # --- the worker ------------------------------------------------------------------------
    def start(self, rules=None) -> None:
        """Start the worker now (and have it load ``rules``), so the first think pays nothing."""
        if self.mode != PROCESS or self._pool is not None:
            return
        try:
            self._pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
            warm = self._pool.submit(_warm, _source(rules) if rules is not None else None)
        except (OSError, RuntimeError, NotImplementedError, BrokenExecutor) as exc:
            self._give_up(exc)
            return
        self._warm = warm
        warm.add_done_callback(lambda f: f.cancelled() or f.exception() is None or self._give_up(f.exception()))

    def wait_ready(self) -> None:
        """Block until the started worker is ready to think (for benchmarks and tests)."""
        if self._warm is not None:
            self._warm.exception()

    def close(self) -> None:
        """Stop the worker and the thread (each finishes the think in hand, if any; no result of
        it is delivered)."""
        self._closing = True
        try:
            for pool in (self._pool, self._threads):
                if pool is not None:
                    pool.shutdown(wait=True, cancel_futures=True)
        finally:
            self._closing = False
        self._pool = self._threads = None
        self._sent.clear()

    @property
    def in_process(self) -> bool:
        """Whether thoughts are made in a worker process (not on a thread) from now on."""
        return self.mode == PROCESS

    # --- thinking --------------------------------------------------------------------------
    def think(self, bot, view, legal, rules) -> Future:
        """The bot's choice among ``legal`` from ``view``, made apart from the caller; the future's
        result is a :class:`Thought`.  Cancelling the future drops the think (and its result)."""
        out: Future = Future()
        if self.mode == PROCESS:
            self.start()
        if self.mode == PROCESS:
            try:
                fingerprint = rules.fingerprint()
                # rules loaded from folders are named each time; rules made in code go once
                carried = not rules.folders and fingerprint not in self._sent
                source = _source(rules) if rules.folders or carried else None
                inner = self._pool.submit(_think_remote, (fingerprint, source), _pack((bot, view, legal)))
                if carried:
                    self._sent.add(fingerprint)
            except (BrokenExecutor, RuntimeError, pickle.PicklingError, TypeError, AttributeError) as exc:
                self._give_up(exc)
            else:

                def dropped(o: Future) -> None:
                    if o.cancelled() and inner.cancel() and carried:
                        self._sent.discard(fingerprint)  # the rules never reached the worker

                out.add_done_callback(dropped)
                inner.add_done_callback(lambda f: self._landed(f, out, bot, view, legal, rules))
                return out
        self._on_thread(out, bot, view, legal, rules)
        return out

    def _landed(self, inner: Future, out: Future, bot, view, legal, rules) -> None:
        """The worker's answer (on the executor's own thread): pass it on, or think again here."""
        if out.cancelled() or self._closing:
            return
        if inner.cancelled():  # dropped by a worker that failed before it began: think here
            self._on_thread(out, bot, view, legal, rules)
            return
        try:
            thought = _unpack(inner.result())
        except Exception as exc:  # the worker died, or could not think: think here instead
            self._give_up(exc)
            self._on_thread(out, bot, view, legal, rules)
            return
        _deliver(out, thought)

    def _on_thread(self, out: Future, bot, view, legal, rules) -> None:
        with self._lock:  # called from the window's thread and from the executor's alike
            if self._threads is None:
                sys.setswitchinterval(THREAD_SWITCH)
                self._threads = ThreadPoolExecutor(max_workers=1, thread_name_prefix="bot")
        inner = self._threads.submit(_think_here, copy.deepcopy(bot), view, legal, rules)
        out.add_done_callback(lambda o: o.cancelled() and inner.cancel())

        def landed(f: Future) -> None:
            if f.cancelled() or out.cancelled():
                return
            if f.exception() is not None:
                try:
                    out.set_exception(f.exception())
                except InvalidStateError:
                    pass
                return
            _deliver(out, f.result())

        inner.add_done_callback(landed)

    def _give_up(self, exc: BaseException) -> None:
        """Think on a thread from now on, and say why once."""
        if self.mode == PROCESS:
            self.mode = THREAD
            what = _describe(exc)
            self.trouble = (
                f"The computer's thinking process stopped ({what}). The computer now thinks inside the "
                "window, which may slow it down while it does; the game goes on."
            )
            pool, self._pool = self._pool, None
            if pool is not None:
                pool.shutdown(wait=False, cancel_futures=True)


def _deliver(out: Future, thought: Thought) -> None:
    try:
        out.set_result(thought)
    except InvalidStateError:  # cancelled meanwhile: nobody wants it
        pass


def _describe(exc: BaseException) -> str:
    if isinstance(exc, BrokenExecutor):
        return "it ended abruptly"
    words = " ".join(str(exc).split())
    if len(words) > 160:
        words = words[:159] + "…"
    return f"{type(exc).__name__}: {words}" if words else type(exc).__name__


# --- what travels between the processes ---------------------------------------------------------


def _mapping(items: dict) -> MappingProxyType:
    return MappingProxyType(items)


# a view is made of read-only mappings, which pickle does not carry by itself
_TABLE = {**copyreg.dispatch_table, MappingProxyType: lambda m: (_mapping, (dict(m),))}


def _pack(value) -> bytes:
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = _TABLE
    pickler.dump(value)
    return buffer.getvalue()


def _unpack(data: bytes):
    return pickle.loads(data)


def _source(rules) -> tuple:
    """How the worker gets these rules: the folders to load them from, or the rules themselves."""
    if rules.folders:
        return ("folders", tuple(rules.folders), rules.root)
    return ("rules", _pack(rules))


# --- the worker's side ---------------------------------------------------------------------------

#: the rules this worker has, by fingerprint
_RULES: dict[str, object] = {}


def _load(source: tuple):
    if source[0] == "rules":
        return _unpack(source[1])
    rules, problems = load_rules(list(source[1]), source[2])
    if rules is None:
        raise RulesError(errors(problems))
    return rules


def _rules(fingerprint: str, source: tuple | None):
    rules = _RULES.get(fingerprint)
    if rules is None:
        if source is None:
            raise LookupError("the thinking process was not given the rules in force")
        rules = _load(source)
        if rules.fingerprint() != fingerprint:
            raise LookupError("the rule files have changed since the game began")
        _RULES[fingerprint] = rules
    return rules


def _warm(source: tuple | None) -> None:
    """Load what thinking needs before the first think: the bots' code, and the rules."""
    if source is not None:
        rules = _load(source)
        _RULES[rules.fingerprint()] = rules


def _think_remote(source: tuple, payload: bytes) -> bytes:
    fingerprint, how = source
    rules = _rules(fingerprint, how)
    bot, view, legal = _unpack(payload)
    return _pack(_think_here(bot, view, legal, rules))


def _think_here(bot, view, legal, rules) -> Thought:
    action, reason = bot.choose(view, legal, rules)
    return Thought(action, reason, bot)
