"""What the engine offers search: a quiet mode, in-place moves, drawing legal actions by rule
entry, and a cheap fingerprint — each the same game as the ordinary path."""

from game.engine import apply_action, legal_actions, new_game
from game.engine.game import apply_in_place, apply_unchecked, legal_args, legal_of, offered_rules


def _game(rules, scenario, seed, moves):
    state = new_game(rules, scenario, seed)
    seen = [state]
    for i in range(moves):
        if state.outcome is not None:
            break
        legal = legal_actions(state, rules)
        state = apply_action(state, rules, legal[(i * 5 + seed) % len(legal)])
        seen.append(state)
    return seen


def test_a_quiet_game_is_the_same_game_without_its_chronicle_or_its_record_of_votes(rules):
    loud = new_game(rules, "crisis_1923", 3)
    quiet = loud.clone()
    quiet.quiet = True
    i = 0
    while loud.outcome is None:
        legal = legal_actions(loud, rules)
        assert legal_actions(quiet, rules) == legal
        action = legal[(i * 7) % len(legal)]
        loud, quiet = apply_unchecked(loud, rules, action), apply_unchecked(quiet, rules, action)
        i += 1
    a, b = loud.to_dict(), quiet.to_dict()
    assert len(b.pop("log")) < len(a.pop("log"))
    assert b.pop("votes") == [] and a.pop("votes")
    assert a == b and quiet.results == loud.results


def test_in_place_moves_match_copied_moves(rules):
    for state in _game(rules, "united_opposition_1926", 2, 40)[:-1]:
        action = legal_actions(state, rules)[-1]
        copy = state.clone()
        apply_in_place(copy, rules, action)
        assert copy.digest() == apply_unchecked(state, rules, action).digest()


def test_drawing_by_rule_entry_finds_exactly_the_legal_actions(rules):
    for state in _game(rules, "succession_1923", 4, 60):
        if state.phase != "actions":
            continue
        drawn = sorted(a for aid in offered_rules(state, rules) for a in legal_of(state, rules, aid))
        assert tuple(drawn) == tuple(sorted(legal_actions(state, rules)))
        for aid in offered_rules(state, rules):  # the arguments alone, in the same order
            assert legal_args(state, rules, aid) == [a.args for a in legal_of(state, rules, aid)]


def test_fingerprints_follow_the_state(rules):
    seen = _game(rules, "right_last_stand_1928", 1, 30)
    assert seen[5].fingerprint() == seen[5].clone().fingerprint()
    prints = {s.fingerprint() for s in seen}
    assert len(prints) == len({s.digest() for s in seen})


def _offered_by_reading_each_rule(state, rules):
    """The entries offered, read from each rule as written (no table): the reference."""
    from game.engine.effects import holds
    from game.engine.moves import capabilities

    fs = state.factions[state.active]
    caps = capabilities(state, rules, state.active)
    return [
        aid
        for aid, rule in rules.actions.items()
        if fs.status in rule.allowed_status
        and rule.cost.ap <= fs.ap
        and rule.cost.influence <= fs.influence
        and rule.cost.prestige <= fs.prestige
        and (rule.requires is None or rule.requires in caps)
        and (not rule.conditions or holds(state, rule.conditions, rules))
    ]


def test_the_entries_offered_follow_status_price_offices_and_conditions(rules):
    checked = 0
    for scenario in sorted(rules.scenarios):
        for state in _game(rules, scenario, 6, 25):
            if state.phase != "actions":
                continue
            fs = state.factions[state.active]
            for status, ap, influence in (
                (fs.status, fs.ap, fs.influence),
                ("censured", 1, 0),
                ("removed", 2, 9),
                ("capitulated", 3, 3),
                ("expelled_party", 3, 30),
            ):
                changed = state.clone()
                mine = changed.factions[changed.active]
                mine.status, mine.ap, mine.influence = status, ap, influence
                assert offered_rules(changed, rules) == _offered_by_reading_each_rule(changed, rules)
                checked += 1
    assert checked > 100


def _sole_leader_by_reading_every_faction(state, rules):
    """Sole leadership read faction by faction, as the rule says it: the reference."""
    from game.engine.outcome import BEATEN

    cc_total = sum(state.cc.values()) or 1
    for fid, fs in sorted(state.factions.items()):
        seats = sum(1 for f in state.politburo if state.figures[f].faction == fid)
        top = state.holder_faction(rules.settings.roles.general_secretary) == fid or seats * 2 > len(state.politburo)
        rivals_beaten = all(o.status in BEATEN for g, o in state.factions.items() if g != fid)
        if fs.status == "active" and top and state.cc.get(fid, 0) * 2 > cc_total and rivals_beaten:
            return fid
    return None


def test_sole_leadership_is_found_as_the_rule_says(rules):
    from itertools import product

    from game.engine.outcome import sole_leader

    found = 0
    for state in _game(rules, "succession_1923", 3, 40)[::8]:
        names = sorted(state.factions)
        for statuses in product(("active", "censured", "expelled_party", "capitulated"), repeat=len(names)):
            for cc in ({names[0]: 40}, {names[0]: 5, names[1]: 30}, dict(state.cc)):
                s = state.clone()
                s.cc = cc
                for fid, status in zip(names, statuses, strict=True):
                    s.factions[fid].status = status
                expected = _sole_leader_by_reading_every_faction(s, rules)
                assert sole_leader(s, rules) == expected
                found += expected is not None
    assert found > 0


def test_the_events_due_are_the_dated_events_of_the_quarter(rules):
    from game.engine import phases, schedule

    for sid, sc in sorted(rules.scenarios.items()):
        for state in _game(rules, sid, 2, 60):
            now = state.date()
            chosen = set(sc.events) if sc.events else set(rules.events)
            expected = sorted(
                (ev.date, eid)
                for eid, ev in rules.events.items()
                if eid in chosen
                and eid not in sc.skip_events
                and eid not in state.fired
                and ev.date is not None
                and (schedule.quarter_of(ev.date) == now or (ev.trigger and schedule.quarter_of(ev.date) <= now))
            )
            assert phases.events_due(state, rules, sc) == [eid for _d, eid in expected]


def test_an_office_takes_the_figures_with_a_trait_it_asks_for(rules):
    from game.engine.posts import eligible

    for oid, office in rules.offices.items():
        for fid, fig in rules.figures.items():
            assert eligible(rules, oid, fid) == (not office.traits or bool(set(office.traits) & set(fig.traits)))


def test_a_capability_is_held_through_the_offices_that_grant_it(rules):
    from game.engine.moves import capabilities, has_capability

    every = {c for office in rules.offices.values() for c in office.grants} | {"no_such_capability"}
    states = _game(rules, "succession_1923", 5, 60)[::6]
    nominal = states[0].clone()
    nominal.offices["ogpu_chair"] = "menzhinsky"  # a figurehead of no faction: the Secretariat's police
    for state in [*states, nominal]:
        for faction in state.factions:
            held = capabilities(state, rules, faction)
            assert {c for c in every if has_capability(state, rules, faction, c)} == held
    gensec = nominal.holder_faction("general_secretary")
    assert has_capability(nominal, rules, gensec, "police")


def _offices_to_fill_as_written(state, rules, faction):
    """The appointments a faction may move, read figure by figure: the reference."""
    from game.engine import posts

    out = []
    mine = [f for f in rules.figures if state.figures[f].faction == faction and posts.can_hold_office(state, f)]
    busy = {h for h in state.offices.values() if h}
    free = [f for f in mine if f not in busy]
    leader = rules.factions[faction].leader
    lost = posts.lost_this_quarter
    for office, holder in sorted(state.offices.items()):
        if faction in lost(state, office):
            continue  # taken from it this quarter
        if office in posts.unopened(state, rules):
            continue  # not created yet (the scenario's vacant_until)
        if (holder is None or state.figures[holder].faction != faction) and posts.contested(state, office):
            wanted = rules.offices[office].traits
            fit = [f for f in free if not wanted or set(wanted) & set(rules.figures[f].traits)]
            if not fit and leader in mine and (not wanted or set(wanted) & set(rules.figures[leader].traits)):
                fit = [leader]  # no free man: the leader may take a second office
            out.extend((office, f) for f in fit[:2])
    return out


def test_the_offices_a_faction_may_move_to_fill(rules):
    from game.engine.motions import _appoint_office

    motion = next(m for m in rules.motions.values() if m.kind == "appoint_office")
    for sid in sorted(rules.scenarios):
        for state in _game(rules, sid, 1, 40)[::5]:
            for faction in state.factions:
                vacant = state.clone()
                for office in list(vacant.offices)[::3]:
                    vacant.offices[office] = None
                for s in (state, vacant):
                    assert _appoint_office(s, rules, faction, motion) == _offices_to_fill_as_written(s, rules, faction)


def _delegation_as_written(state, rules, rid):
    """One region's delegation read straight from the rule: the reference."""
    from game.engine.posts import NO_CC

    reg, s = state.regions[rid], rules.settings
    hold = reg.loyalty + state.trackers.get(s.roles.bureaucracy, 0) // s.bureaucracy_per_hold
    live = {f: v for f, v in reg.sympathy.items() if f in state.factions and state.factions[f].status not in NO_CC}
    if reg.secretary is not None and state.factions[reg.secretary].status not in NO_CC:
        rivals = [
            (v, f)
            for f, v in live.items()
            if f != reg.secretary and not state.in_bloc(f, reg.secretary) and v >= s.override_threshold and v > hold
        ]
        return max(rivals)[1] if rivals else reg.secretary
    if live and max((v, f) for f, v in live.items())[0] >= s.free_region_sympathy:
        return max((v, f) for f, v in live.items())[1]
    return None


def test_each_delegation_follows_the_rule(rules):
    from game.engine.congress import delegations

    for sid in sorted(rules.scenarios):
        for state in _game(rules, sid, 4, 30)[::6]:
            names = sorted(state.factions)
            stirred = state.clone()
            for i, reg in enumerate(stirred.regions.values()):
                reg.sympathy = {f: (37 * i + 11 * j) % 100 for j, f in enumerate(names)}
            stirred.factions[names[0]].status = "expelled_cc"
            stirred.blocs = [tuple(names[1:3])]
            for s in (state, stirred):
                got = [(rid, fid) for rid, fid, _n, _why in delegations(s, rules)]
                assert got == [(rid, _delegation_as_written(s, rules, rid)) for rid in sorted(s.regions)]


def test_power_scores_add_up_as_the_victory_rules_say(rules):
    from game.engine.outcome import power_scores

    v = next(iter(rules.victory.values()))
    for sid in sorted(rules.scenarios):
        for state in _game(rules, sid, 8, 30)[::5]:
            cc_total = sum(state.cc.values()) or 1
            expected = {}
            for fid, fs in sorted(state.factions.items()):
                mine = [o for o, h in state.offices.items() if h and state.figures[h].faction == fid]
                seats = [f for f in state.politburo if state.figures[f].faction == fid]
                expected[fid] = (
                    sum(rules.offices[o].power * v.office_weight for o in mine)
                    + v.politburo_seat * len(seats)
                    + v.cc_share * state.cc.get(fid, 0) // cc_total
                    + v.prestige * fs.prestige
                    + v.mantle * fs.mantle
                )
            assert power_scores(state, rules) == expected


def test_the_motions_a_faction_may_move_are_each_motions_own(rules):
    from game.engine import motions

    for sid in sorted(rules.scenarios):
        for state in _game(rules, sid, 9, 40)[::4]:
            for faction in state.factions:
                exposed = state.clone()
                for fs in exposed.factions.values():
                    fs.exposure = 60
                for s in (state, exposed):
                    queued = {p.key() for p in s.agenda}
                    expected = [
                        (mid, args)
                        for mid, m in rules.motions.items()
                        for args in motions.OPTIONS[m.kind](s, rules, faction, m)
                        if (mid, args) not in queued
                    ]
                    assert motions.motion_options(s, rules, faction) == expected
