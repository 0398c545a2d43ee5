"""The circular flow of power: delegations, the Congress, and the elections that follow it.

A region's delegation follows its secretary unless the rank and file's sympathy for another
faction — not his faction's bloc partner, whose delegates his machine delivers jointly — overwhelms
the secretary's hold: close to winner-take-all, never proportional.  Each delegation comes with a
:class:`Why`: the numbers compared, for a screen to show the sum term by term.  The
Congress elects the Central Committee and the Control Commission; the Central Committee elects
the Politburo and the General Secretary.
"""

from __future__ import annotations

from typing import NamedTuple

from game.engine import posts
from game.engine.state import UNALIGNED, State
from game.ruleset.rules import Rules


class Why(NamedTuple):
    """Why a region's delegation goes where it does, with the numbers the engine compared.

    ``outcome``: ``machine`` (the secretary's machine delivers it), ``overwhelmed`` (the rank and
    file's sympathy for ``rival`` reaches ``threshold`` and passes ``hold + bonus``), ``sympathy``
    (no secretary who may send delegates: the strongest sympathy reaches ``threshold``) or
    ``nobody`` (it does not).  ``rival``/``sympathy``: the strongest sympathy for a faction that
    could take the delegation from the secretary (his own and his bloc partner's aside), or, without
    a secretary, the strongest of all; ``partner``/``partner_sympathy``: a bloc partner whose
    sympathy would have overwhelmed the secretary, whose delegates his machine delivers jointly.
    (A named tuple: every view and every Congress makes one per region, and search makes many.)"""

    outcome: str
    secretary: str | None  # the secretary's faction (None: no secretary)
    hold: int  # the secretary's own hold on the organisation
    bonus: int  # the bureaucracy's bonus to every secretary's hold
    threshold: int  # the sympathy needed: to overwhelm a secretary, or to carry a region without one
    rival: str | None = None
    sympathy: int = 0
    partner: str | None = None
    partner_sympathy: int = 0
    barred: bool = False  # the region has a secretary whose faction may not send delegates

    @property
    def total(self) -> int:
        """The secretary's hold with the bureaucracy's bonus: what a rival's sympathy must pass."""
        return self.hold + self.bonus


def delegation(state: State, rules: Rules, rid: str) -> tuple[str | None, Why]:
    """(faction or None, why) for one region's delegation.

    >>> from game.ruleset.loader import load_base
    >>> from game.engine import new_game
    >>> rules = load_base()
    >>> fid, why = delegation(new_game(rules, "crisis_1923", seed=3), rules, "moscow")
    >>> fid, why.outcome, why.hold, why.bonus, why.total, why.rival, why.sympathy
    ('stalin', 'machine', 40, 11, 51, 'trotsky', 45)
    """
    return _delegation(state, rules, rid, _senders(state), _hold_bonus(state, rules))


def _delegation(state: State, rules: Rules, rid: str, senders: set[str], bonus: int) -> tuple[str | None, Why]:
    """:func:`delegation`, given the factions that may send delegates and the bureaucracy's
    bonus to every secretary's hold (the same for every region of a Congress)."""
    reg = state.regions[rid]
    threshold = rules.settings.override_threshold
    hold = reg.loyalty + bonus
    secretary = reg.secretary
    if secretary is not None and secretary in senders:
        best = rival = partner = None  # the overwhelming rival; the strongest rival; a partner who would
        for f, s in reg.sympathy.items():
            if f == secretary or f not in senders:
                continue
            strong = s >= threshold and s > hold
            if (strong or rival is None or (s, f) > rival) and state.in_bloc(f, secretary):
                if strong and (partner is None or (s, f) > partner):
                    partner = (s, f)
                continue  # a partner's delegates go with the secretary's machine
            if rival is None or (s, f) > rival:
                rival = (s, f)
            if strong and (best is None or (s, f) > best):
                best = (s, f)
        s, f = rival if rival is not None else (0, None)
        ps, pf = partner if partner is not None else (0, None)
        if best is not None:
            return best[1], Why("overwhelmed", secretary, reg.loyalty, bonus, threshold, best[1], best[0], pf, ps)
        return secretary, Why("machine", secretary, reg.loyalty, bonus, threshold, f, s, pf, ps)
    free = rules.settings.free_region_sympathy
    live = [(s, f) for f, s in reg.sympathy.items() if f in senders]
    barred = secretary is not None
    if live:
        s, f = max(live)
        if s >= free:
            return f, Why("sympathy", secretary, reg.loyalty, bonus, free, f, s, barred=barred)
        return None, Why("nobody", secretary, reg.loyalty, bonus, free, f, s, barred=barred)
    return None, Why("nobody", secretary, reg.loyalty, bonus, free, barred=barred)


def _may_send(state: State, faction: str) -> bool:
    return state.factions[faction].status not in posts.NO_CC


def _senders(state: State) -> set[str]:
    """The factions in the game that may still send delegates."""
    return {f for f, fs in state.factions.items() if fs.status not in posts.NO_CC}


def _hold_bonus(state: State, rules: Rules) -> int:
    s = rules.settings
    return state.trackers.get(s.roles.bureaucracy, 0) // s.bureaucracy_per_hold


def delegations(state: State, rules: Rules) -> list[tuple[str, str | None, int, Why]]:
    """(region, the faction its delegation follows or None, its delegates, why) for every region."""
    out = []
    senders, bonus = _senders(state), _hold_bonus(state, rules)
    for rid in sorted(state.regions):
        fid, why = _delegation(state, rules, rid, senders, bonus)
        out.append((rid, fid, rules.regions[rid].delegates, why))
    return out


def delegate_shares(state: State, rules: Rules, delegated: list | None = None) -> dict[str, int]:
    """Delegates by faction (UNALIGNED for regions no faction commands), from ``delegated`` (a
    :func:`delegations` list already made) or from the delegations now."""
    shares: dict[str, int] = {}
    for _rid, fid, n, _why in delegations(state, rules) if delegated is None else delegated:
        key = fid or UNALIGNED
        shares[key] = shares.get(key, 0) + n
    return shares


def apportion(weights: dict[str, int], seats: int) -> dict[str, int]:
    """Largest-remainder apportionment, ties broken by name.

    >>> apportion({"a": 60, "b": 40}, 5)
    {'a': 3, 'b': 2}
    """
    total = sum(weights.values())
    if total <= 0 or seats <= 0:
        return {k: 0 for k in weights}
    exact = {k: w * seats / total for k, w in weights.items()}
    out = {k: int(v) for k, v in exact.items()}
    rest = seats - sum(out.values())
    for k in sorted(exact, key=lambda k: (-(exact[k] - out[k]), k))[:rest]:
        out[k] += 1
    return out


def elect_assembly(
    state: State, rules: Rules, body_id: str, shares: dict[str, int], old: dict[str, int]
) -> dict[str, int]:
    """Seats by a blend of the delegates' shares and the outgoing body (continuity)."""
    seats = state.seat_count(rules, body_id)
    unaligned = seats * rules.settings.congress_unaligned_share // 100
    renew = rules.settings.cc_renewal
    d_total, o_total = sum(shares.values()) or 1, sum(old.values()) or 1
    weights = {}
    for f in set(shares) | set(old):
        if f == UNALIGNED or f not in state.factions or not _may_send(state, f):
            continue
        w = renew * shares.get(f, 0) * 1000 // d_total + (100 - renew) * old.get(f, 0) * 1000 // o_total
        if w > 0:
            weights[f] = w
    result = apportion(weights, seats - unaligned) if weights else {}
    result[UNALIGNED] = seats - sum(result.values())
    return {k: v for k, v in sorted(result.items()) if v > 0}


def run_congress(state: State, rules: Rules, name: str) -> list[tuple[str, dict]]:
    """Hold a Congress: delegations, then the elections.  Returns the chronicle's events, as
    (event, data) pairs for :func:`game.engine.chronicle.note`."""
    lines: list[tuple[str, dict]] = []
    delegated = delegations(state, rules)
    shares = delegate_shares(state, rules, delegated)
    regions = [(rid, fid, n) for rid, fid, n, _why in delegated]
    lines.append(("congress_meets", {"name": name, "delegates": sorted(shares.items()), "regions": regions}))
    state.congress_shares = dict(shares)
    state.cc = elect_assembly(state, rules, rules.settings.roles.central_committee, shares, state.cc)
    state.ccc = elect_assembly(state, rules, rules.settings.roles.control_commission, shares, state.ccc)
    lines.append(("central_committee_elected", {"seats": sorted(state.cc.items())}))
    lines.extend(elect_politburo(state, rules))
    lines.extend(elect_gensec(state, rules))
    lines.extend(elect_secretariat(state, rules))
    state.last_congress_turn = state.turn
    state.congress_due = None
    return lines


def dhondt(weights: dict[str, int], seats: int) -> dict[str, int]:
    """D'Hondt apportionment (highest averages), ties by name.

    >>> dhondt({"a": 30, "b": 10}, 4)
    {'a': 3, 'b': 1}
    """
    out = {k: 0 for k in weights}
    for _ in range(seats):
        best = max(sorted(weights), key=lambda k: weights[k] / (out[k] + 1))
        out[best] += 1
    return out


def elect_politburo(state: State, rules: Rules) -> list[tuple[str, dict]]:
    """The CC fills the Politburo.  Sitting members keep their seats (removing one takes a
    motion); vacant seats go to the factions furthest below their d'Hondt share of the CC."""
    seats = state.seat_count(rules, rules.settings.roles.politburo)
    new = [f for f in state.politburo if posts.can_sit(state, f) and state.figures[f].status != "dead"]
    open_seats = seats - len(new)
    quotas = dhondt({f: n for f, n in state.cc.items() if n > 0}, seats)
    for _ in range(max(0, open_seats)):
        held = {q: sum(1 for f in new if (state.figures[f].faction or UNALIGNED) == q) for q in quotas}
        for q in sorted(quotas, key=lambda q: (held[q] - quotas[q], -state.cc.get(q, 0), q)):
            pool = _politburo_pool(state, rules, None if q == UNALIGNED else q, new)
            if pool:
                new.append(pool[0])
                break
        else:
            pool = _politburo_pool(state, rules, "*", new)
            if not pool:
                break
            new.append(pool[0])
    gained = [f for f in new if f not in state.politburo]
    state.politburo = new
    if gained:
        return [("politburo_elected", {"figures": gained})]
    return []


def _politburo_pool(state: State, rules: Rules, faction, taken) -> list[str]:
    pool = [
        f
        for f in rules.figures
        if (faction == "*" or state.figures[f].faction == faction)
        and f not in taken
        and state.figures[f].status == "active"
        and posts.can_sit(state, f)
    ]
    leaders = {rules.factions[x].leader for x in state.factions}
    pool.sort(key=lambda f: (f not in state.politburo, f not in leaders))
    return pool


def elect_gensec(state: State, rules: Rules) -> list[tuple[str, dict]]:
    """The CC's largest bloc keeps or takes the General Secretary's post."""
    strength: dict[str, int] = {}
    lost = posts.lost_this_quarter(state, posts.head_office(rules))  # not handed back the same quarter
    for fid, n in state.cc.items():
        if fid in state.factions and fid not in lost:
            allies = [fid] + [g for g in state.factions if state.in_bloc(fid, g)]
            strength[fid] = sum(state.cc.get(a, 0) for a in allies) * 100 + n
    if not strength:
        return []
    holder_faction = state.holder_faction(posts.head_office(rules))
    best = max(sorted(strength), key=lambda f: strength[f])
    if holder_faction in strength and strength[holder_faction] // 100 >= strength[best] // 100:
        return []
    if holder_faction is not None and state.in_bloc(holder_faction, best):
        return []
    pick = _gensec_candidate(state, rules, best)
    if pick is None:
        return []
    posts.appoint(state, rules, posts.head_office(rules), pick)
    return [("general_secretary_elected", {"figure": pick})]


def elect_secretariat(state: State, rules: Rules) -> list[tuple[str, dict]]:
    """The new CC re-elects the Secretariat around the General Secretary: sitting secretaries of
    his faction, its allies or none stay; the other places go to his faction's organisers."""
    head = state.offices.get(posts.head_office(rules))
    if head is None:
        return []
    side = state.figures[head].faction
    size = max(rules.settings.secretariat_min, len(state.secretariat))

    def friendly(f: str) -> bool:
        fac = state.figures[f].faction
        return fac is None or fac == side or (side is not None and state.in_bloc(fac, side))

    new = [head] + [f for f in state.secretariat if f != head and friendly(f) and posts.can_hold_office(state, f)]
    busy = set(state.offices.values())
    pool = [
        f
        for f in rules.figures
        if f not in new and state.figures[f].faction == side and posts.can_hold_office(state, f)
    ]
    pool.sort(key=lambda f: ("organiser" not in rules.figures[f].traits, f in busy))
    new += pool[: max(0, size - len(new))]
    gained = [f for f in new if f not in state.secretariat]
    state.secretariat = new
    if gained:
        return [("secretaries_elected", {"figures": gained})]
    return []


def _gensec_candidate(state: State, rules: Rules, faction: str) -> str | None:
    members = [f for f in rules.figures if state.figures[f].faction == faction and posts.can_hold_office(state, f)]
    members.sort(key=lambda f: ("organiser" not in rules.figures[f].traits, f != rules.factions[faction].leader))
    return members[0] if members else None
