"""Levers that work all game long: the Secretariat's pace, rival machines, lying low, patronage,
blocs that bind, offices with eligibility, and the military option's limits."""

from game.engine import Action, apply_action, legal_actions, new_game, phases, player_view
from game.engine.state import Proposal
from tests.engine.test_mechanics import _has, _turn_of


def _appointments(state, rules, faction):
    return [a for a in legal_actions(state, rules) if a.name == "appoint_secretary" and a.faction == faction]


def test_the_secretariat_moves_two_secretaries_a_quarter(rules, fresh):
    s = _turn_of(fresh, rules, "stalin")
    s.factions["stalin"].ap = 5
    limit = rules.settings.appointments_per_turn
    for _ in range(limit):
        s = apply_action(s, rules, _appointments(s, rules, "stalin")[0])
        s.active = "stalin"
    assert limit == 2 and _appointments(s, rules, "stalin") == []


def test_a_rival_machine_resists_in_proportion_to_its_hold(rules, fresh):
    s = _turn_of(fresh, rules, "stalin")
    reg = s.regions["ukraine"]
    reg.secretary, reg.loyalty = "trotsky", 80
    resist = rules.actions["appoint_secretary"].params["resist"]
    cost = rules.actions["appoint_secretary"].cost.influence + 80 // resist
    s.factions["stalin"].influence = cost
    after = apply_action(s, rules, Action.parse("appoint_secretary stalin ukraine"))
    assert after.factions["stalin"].influence == 0
    s.factions["stalin"].influence = cost - 1
    assert not _has(s, rules, "appoint_secretary stalin ukraine")


def test_pledging_discipline_lowers_exposure(rules, fresh):
    s = _turn_of(fresh, rules, "trotsky")
    s.factions["trotsky"].exposure = 10
    after = apply_action(s, rules, Action.parse("pledge_discipline trotsky"))
    assert after.factions["trotsky"].exposure == 10 - rules.actions["pledge_discipline"].params["exposure"]
    s.factions["trotsky"].exposure = 0
    assert not _has(s, rules, "pledge_discipline trotsky")  # nothing to shed


def test_a_pledge_cannot_unsign_a_platform(rules, fresh):
    """A signature drive's names stay on file: a pledge sheds exposure only down to one point for
    every ``thousands_on_file`` thousand signatures, and is not offered once nothing above that is left."""
    per = rules.actions["pledge_discipline"].params["thousands_on_file"]
    s = _turn_of(fresh, rules, "trotsky")
    s.factions["trotsky"].signatures = 12
    s.factions["trotsky"].exposure = 9
    after = apply_action(s, rules, Action.parse("pledge_discipline trotsky"))
    assert per == 2 and after.factions["trotsky"].exposure == 12 // per  # 9 → 6, not 9 - 6 = 3
    s.factions["trotsky"].exposure = 12 // per
    assert not _has(s, rules, "pledge_discipline trotsky")  # nothing it may shed
    s.factions["trotsky"].exposure = 20
    after = apply_action(s, rules, Action.parse("pledge_discipline trotsky"))
    assert after.factions["trotsky"].exposure == 20 - rules.actions["pledge_discipline"].params["exposure"]


def test_a_quiet_quarter_sheds_more_exposure_than_a_loud_one(rules):
    def next_quarter(loud: bool):
        s = new_game(rules, "united_opposition_1926", 1)
        s = _turn_of(s, rules, "trotsky")
        s.factions["trotsky"].exposure = 20
        if loud:
            s = apply_action(s, rules, Action.parse("mass_appeal trotsky moscow"))
        turn = s.turn
        while s.turn == turn and s.outcome is None:
            waits = [a for a in legal_actions(s, rules) if a.name in ("pass_turn", "choose")]
            s = apply_action(s, rules, waits[0])
        return s.factions["trotsky"].exposure

    assert next_quarter(loud=False) < next_quarter(loud=True) - rules.actions["mass_appeal"].exposure


def test_patronage_strengthens_your_own_machine(rules, fresh):
    s = _turn_of(fresh, rules, "stalin")
    mine = next(r for r, reg in sorted(s.regions.items()) if reg.secretary == "stalin" and reg.loyalty < 80)
    before = s.regions[mine].loyalty
    after = apply_action(s, rules, Action.parse(f"entrench_secretary stalin {mine}"))
    gain = rules.actions["entrench_secretary"].params["loyalty"]
    # secret until the quarter's close: Stalin counts it at once, his rivals see the old hold
    assert player_view(after, rules, "stalin").regions[mine].loyalty == before + gain
    assert player_view(after, rules, "trotsky").regions[mine].loyalty == before
    phases.reveal(after, rules)
    assert after.regions[mine].loyalty == before + gain
    assert not _has(s, rules, "entrench_secretary stalin leningrad") or s.regions["leningrad"].secretary == "stalin"


def test_moving_against_a_partner_breaks_the_bloc(rules, fresh):
    s = _turn_of(fresh, rules, "stalin")
    s.blocs = [("stalin", "zinoviev")]
    office = next(o for o, h in sorted(s.offices.items()) if h and s.figures[h].faction == "zinoviev")
    prestige = s.factions["stalin"].prestige
    after = apply_action(s, rules, Action.parse(f"propose_motion stalin remove_office {office}"))
    assert not after.in_bloc("stalin", "zinoviev")
    assert after.factions["stalin"].prestige == max(0, prestige - rules.settings.betrayal_prestige)


def test_a_new_bloc_withdraws_the_partners_motions_against_each_other(rules, fresh):
    s = _turn_of(fresh, rules, "trotsky")
    s.blocs = []  # Zinoviev out of the triumvirate: else he would stand with both sides of Stalin's motion
    s.offers = [("zinoviev", "trotsky", s.turn)]
    s.agenda = [Proposal("zinoviev", "censure", ("trotsky",)), Proposal("stalin", "censure", ("trotsky",))]
    after = apply_action(s, rules, Action.parse("accept_bloc trotsky zinoviev"))
    assert [p.proposer for p in after.agenda] == ["stalin"]


def test_an_office_asks_for_the_right_kind_of_figure(rules, fresh):
    s = _turn_of(fresh, rules, "zinoviev")
    offers = [a for a in legal_actions(s, rules) if a.args[:2] == ("appoint_office", "ogpu_chair")]
    assert offers == []  # nobody in Zinoviev's faction is a policeman
    unions = {a.args[2] for a in legal_actions(s, rules) if a.args[:2] == ("appoint_office", "trade_unions_chair")}
    assert "krupskaya" not in unions and unions  # an organiser, not Lenin's widow


def test_a_stricken_lenin_keeps_sovnarkom_out_of_the_motions(rules, fresh):
    s = _turn_of(fresh, rules, "stalin")
    assert s.offices["sovnarkom_chair"] == "lenin" and s.figures["lenin"].status == "incapacitated"
    assert not [a for a in legal_actions(s, rules) if "sovnarkom_chair" in a.args]


def test_the_general_secretary_cannot_seize_the_secretariat(rules, fresh):
    s = _turn_of(fresh, rules, "stalin")
    s.offices["war_commissar"] = "voroshilov"
    assert not _has(s, rules, "military_option stalin")
    t = _turn_of(fresh, rules, "trotsky")
    t.factions["trotsky"].influence = 20
    assert t.offices["war_commissar"] == "trotsky" and _has(t, rules, "military_option trotsky")


def test_a_signature_drive_gathers_thousands_with_the_mood(rules, fresh):
    s = _turn_of(fresh, rules, "trotsky")
    s.trackers["mass_mood"] = 50
    calm = apply_action(s, rules, Action.parse("gather_signatures trotsky")).factions["trotsky"].signatures
    s.trackers["mass_mood"] = 100
    stirred = apply_action(s, rules, Action.parse("gather_signatures trotsky")).factions["trotsky"].signatures
    assert calm == rules.actions["gather_signatures"].params["thousands"] and stirred == 2 * calm


def test_expulsion_from_the_cc_needs_two_thirds_of_the_joint_plenum(rules):
    from game.engine.votes import Ballot, Breakdown

    motion = rules.motions["expel_cc"]
    assert motion.threshold == 67 and rules.motions["expel_party"].threshold == 67
    close = Breakdown("joint_plenum", [Ballot("yes", 59, "", "a"), Ballot("no", 32, "", "b")])
    assert close.passed(rules.bodies["joint_plenum"].threshold)  # a simple majority
    assert not close.passed(motion.threshold)  # but not two thirds


def test_a_partner_backs_discipline_only_when_the_ban_on_factions_makes_the_case(rules):
    from game.engine.votes import faction_side

    s = new_game(rules, "united_opposition_1926", 1)
    prop = Proposal("stalin", "expel_cc", ("trotsky",))
    s.factions["trotsky"].exposure = rules.motions["expel_cc"].min_exposure - 1
    side, _reason, _detail = faction_side(s, rules, "bukharin", prop)
    assert side != "yes"
    s.factions["trotsky"].exposure = rules.motions["expel_cc"].min_exposure
    assert faction_side(s, rules, "bukharin", prop) == ("yes", "bloc", {"with": "stalin"})


def test_a_third_faction_strips_a_censured_opposition_of_its_posts_but_keeps_others_in_theirs(rules):
    from game.engine.votes import faction_side

    s = new_game(rules, "crisis_1923", 1)
    s.blocs.clear()
    prop = Proposal("stalin", "remove_office", ("war_commissar",))
    assert s.holder_faction("war_commissar") == "trotsky" and s.factions["trotsky"].status == "active"
    assert faction_side(s, rules, "bukharin", prop) == ("no", "status_quo", None)
    s.factions["trotsky"].status = "censured"
    assert faction_side(s, rules, "bukharin", prop) == ("yes", "censured_keeps_no_posts", {"target": "trotsky"})
    assert faction_side(s, rules, "trotsky", prop) == ("no", "self_defence", None)


def test_a_faction_with_no_free_figure_may_name_its_leader_to_a_second_office(rules):
    """Bukharin edited Pravda and led the Comintern at once: the Right, every man busy, may still
    propose him; a faction with free figures proposes those instead."""
    from game.engine.motions import motion_options

    s = new_game(rules, "united_opposition_1926", 1)
    right = motion_options(s, rules, "bukharin")
    assert ("appoint_office", ("comintern_chair", "bukharin")) in right
    assert not any(m == "appoint_office" and a[1] == "stalin" for m, a in motion_options(s, rules, "stalin"))


def test_clinging_to_the_army_puts_the_removal_to_the_vote(rules):
    """January 1925: Trotsky may resign, or make the majority remove him; clinging keeps the
    army only if that vote fails."""
    s = new_game(rules, "crisis_1923", 1)
    event = rules.events["trotsky_leaves_war_commissariat"]
    cling = next(o for o in event.choice.options if o.id == "cling")
    resign = next(o for o in event.choice.options if o.id == "resign")
    from game.engine.effects import run_effects

    before = len(s.agenda)
    run_effects(s, rules, cling.effects)
    assert s.agenda[before:] == [Proposal("stalin", "remove_office", ("war_commissar",))]
    s = new_game(rules, "crisis_1923", 1)
    run_effects(s, rules, resign.effects)
    assert s.offices["war_commissar"] == "frunze" and not any(p.motion == "remove_office" for p in s.agenda)


def test_lenins_mantle_fades_above_its_ceiling_of_use(rules, fresh):
    from game.engine import phases

    s = fresh.clone()
    top = rules.settings.mantle_fade_above
    s.factions["zinoviev"].mantle, s.factions["trotsky"].mantle = top + 5, top
    phases._income(s, rules)
    assert s.factions["zinoviev"].mantle == top + 5 - rules.settings.mantle_fade
    assert s.factions["trotsky"].mantle == top


def test_influence_buys_one_more_action_a_quarter(rules, fresh):
    s = _turn_of(fresh, rules, "stalin")
    s.factions["stalin"].ap = 1
    after = apply_action(s, rules, Action.parse("mobilise_network stalin"))
    price = rules.actions["mobilise_network"].cost.influence
    assert after.factions["stalin"].ap == 2 and after.factions["stalin"].influence == 20 - price
    after.active = "stalin"
    assert not _has(after, rules, "mobilise_network stalin")  # once a quarter


def test_income_has_a_ceiling(rules):
    from game.engine import phases

    s = new_game(rules, "united_opposition_1926", 1)
    before = s.factions["stalin"].influence
    phases._income(s, rules)
    assert s.factions["stalin"].influence - before == rules.settings.max_income  # 17 uncapped


def test_no_extraordinary_congress_straight_after_the_last_one(rules):
    s = new_game(rules, "crisis_1923", 1)  # opens the quarter after the Twelfth Congress
    assert s.last_congress_turn == -1
    s = _turn_of(s, rules, "trotsky")
    assert not [a for a in legal_actions(s, rules) if "convene_congress" in a.args]


def test_tenure_alone_holds_a_region_only_so_far(rules, fresh):
    """A secretary's hold grows each quarter up to the cap; strengthening the machine goes beyond."""
    from game.engine import phases

    s = fresh.clone()
    cap, growth = rules.settings.tenure_hold_cap, rules.settings.secretary_loyalty_growth
    reg = s.regions["ukraine"]
    reg.secretary, reg.loyalty = "stalin", cap - growth // 2
    phases._end_turn(s, rules)
    assert reg.loyalty == cap
    phases._end_turn(s, rules)
    assert reg.loyalty == cap  # no further by tenure
    s = _turn_of(s, rules, "stalin")
    s.regions["ukraine"].secretary, s.regions["ukraine"].loyalty = "stalin", cap
    after = apply_action(s, rules, Action.parse("entrench_secretary stalin ukraine"))
    phases.reveal(after, rules)  # the quarter's close makes it count
    assert after.regions["ukraine"].loyalty == cap + rules.actions["entrench_secretary"].params["loyalty"]


def test_the_rank_and_file_overwhelm_a_capped_machine_but_not_for_its_partner(rules, fresh):
    from game.engine import congress

    s = fresh.clone()
    reg = s.regions["moscow"]
    reg.secretary, reg.loyalty = "stalin", rules.settings.tenure_hold_cap
    hold = reg.loyalty + s.trackers["bureaucracy"] // rules.settings.bureaucracy_per_hold
    reg.sympathy = {"stalin": 20, "bukharin": hold + 1}
    s.blocs = []
    assert congress.delegation(s, rules, "moscow")[0] == "bukharin"
    s.blocs = [("bukharin", "stalin")]
    assert congress.delegation(s, rules, "moscow")[0] == "stalin"  # his machine delivers for the bloc
    reg.sympathy = {"stalin": 20, "bukharin": hold}
    s.blocs = []
    assert congress.delegation(s, rules, "moscow")[0] == "stalin"  # sympathy must pass the hold


def test_the_october_plenum_takes_trotskys_seat_only_from_the_united_opposition(rules):
    from game.engine.effects import holds

    s = new_game(rules, "united_opposition_1926", 1)
    removal = rules.events["trotsky_off_politburo"].conditions
    comintern = rules.events["zinoviev_off_comintern"].conditions
    s.blocs = [("bukharin", "stalin"), ("trotsky", "zinoviev")]
    assert holds(s, removal, rules) and holds(s, comintern, rules)
    s.blocs = [("bukharin", "stalin")]  # Trotsky stayed aloof, or the bloc broke
    assert not holds(s, removal, rules) and not holds(s, comintern, rules)


def test_the_forced_expulsions_of_1927_need_a_case(rules):
    """The dated plenums of 1927 move to expel only an Opposition that gave them a case."""
    from game.engine.effects import holds

    s = new_game(rules, "united_opposition_1926", 1)
    for fid in ("trotsky", "zinoviev"):
        s.factions[fid].status = "removed"
        s.flags.add(f"expel_cc_moved_{fid}")  # the party expulsion is tabled behind the CC's
    for event in ("expel_cc_trotsky", "expel_party_trotsky", "expel_cc_zinoviev", "expel_party_zinoviev"):
        target = event.rsplit("_", 1)[1]
        s.factions[target].exposure = 9
        assert not holds(s, rules.events[event].conditions, rules), event
        s.factions[target].exposure = 10
        assert holds(s, rules.events[event].conditions, rules), event


def test_a_dismissed_holder_is_not_put_straight_back(rules, fresh):
    """A body that votes a man out of an office fills it with someone else."""
    from game.engine import motions, phases

    s = fresh.clone()
    office = "ogpu_chair"
    holder = s.offices[office]
    motions._pass_remove_office(
        s, rules, Proposal("bukharin", "remove_office", (office,)), rules.motions["remove_office"]
    )
    phases._fill_vacancies(s, rules)
    assert s.offices[office] not in (None, holder)


def test_the_april_plenum_needs_a_case_against_the_right(rules):
    """The Right is condemned by the calendar if it plotted with Kamenev, acted as a faction, or
    stands alone with its three Politburo votes; a Right with a waverer won over and no case is
    spared, and then only the Politburo's votes can take Pravda and the unions from it."""
    from game.engine.effects import holds, politburo_votes

    s = new_game(rules, "right_last_stand_1928", 1)
    s.flags.add("right_danger")
    s.factions["bukharin"].exposure = 0
    s.blocs = []
    plenum = rules.events["april_1929_plenum"].conditions
    assert politburo_votes(s, rules, "bukharin") == 3
    assert holds(s, plenum, rules)  # alone with three votes: no case needed
    s.cultivation.setdefault("bukharin", {})["kalinin"] = 30  # Kalinin won over: a fourth vote
    assert politburo_votes(s, rules, "bukharin") == 4
    assert not holds(s, plenum, rules)
    s.flags.add("bukharin_kamenev_talks")
    assert holds(s, plenum, rules)
    s.flags.discard("bukharin_kamenev_talks")
    s.factions["bukharin"].exposure = 6
    assert holds(s, plenum, rules)
    s.factions["bukharin"].exposure = 0
    for eid in ("right_pravda_to_vote", "right_unions_to_vote"):
        assert holds(s, rules.events[eid].conditions, rules)  # spared the plenum: the posts go to a vote
    unions = rules.events["tomsky_leaves_unions"].conditions
    assert not holds(s, unions, rules)
    s.factions["bukharin"].status = "censured"
    assert holds(s, unions, rules)
    for eid in ("right_pravda_to_vote", "right_unions_to_vote"):
        assert not holds(s, rules.events[eid].conditions, rules)  # condemned: the plenum takes them itself


def test_the_campaign_against_the_right_ends_the_bloc(rules):
    """Stalin's speech on the Right danger ends his bloc with the Right, whatever the Right does:
    a Right that kept the bloc could otherwise sit still to a victory."""
    from game.engine.effects import holds, run_effects

    s = new_game(rules, "right_last_stand_1928", 1)
    assert s.in_bloc("stalin", "bukharin")
    s.factions["trotsky"].status = "exiled"
    event, ends = rules.events["right_deviation"], rules.events["right_bloc_ends"]
    assert holds(s, event.conditions, rules) and not holds(s, ends.conditions, rules)
    run_effects(s, rules, event.effects)
    assert "right_danger" in s.flags and holds(s, ends.conditions, rules)
    run_effects(s, rules, ends.effects)
    assert not s.in_bloc("stalin", "bukharin") and not holds(s, ends.conditions, rules)


def test_the_party_expulsion_waits_for_the_cc_expulsion(rules):
    from game.engine.effects import holds

    s = new_game(rules, "united_opposition_1926", 1)
    s.factions["trotsky"].status, s.factions["trotsky"].exposure = "removed", 20
    event = rules.events["expel_party_trotsky"].conditions
    assert not holds(s, event, rules)  # no CC expulsion moved: a party expulsion would lapse
    s.flags.add("expel_cc_moved_trotsky")
    assert holds(s, event, rules)


def _police_game(rules):
    s = new_game(rules, "united_opposition_1926", 1)
    s = _turn_of(s, rules, "stalin")
    s.offices["ogpu_chair"] = "menzhinsky"
    s.figures["menzhinsky"].faction = "stalin"
    s.factions["stalin"].influence = 10
    return s


def test_only_the_police_stage_a_provocation_and_only_against_a_censured_opposition(rules):
    s = _police_game(rules)
    provocations = {a.to_text() for a in legal_actions(s, rules) if a.name == "police_provocation"}
    assert provocations == {"police_provocation stalin trotsky", "police_provocation stalin zinoviev"}
    s.offices["ogpu_chair"] = None  # without the OGPU there is no one to plant the officer
    assert not any(a.name == "police_provocation" for a in legal_actions(s, rules))


def test_a_figurehead_police_chief_lends_the_ogpu_to_the_secretariat(rules):
    """Menzhinsky, a nominal head of no faction, lets the General Secretary's faction stage a
    provocation; Dzerzhinsky, his own man, does not; nor does Menzhinsky to anyone else."""
    from game.present.phrases import capabilities

    s = new_game(rules, "united_opposition_1926", 1)
    s = _turn_of(s, rules, "stalin")
    s.factions["stalin"].influence = 10
    assert s.offices["ogpu_chair"] == "dzerzhinsky" and s.figures["dzerzhinsky"].faction is None
    assert not any(a.name == "police_provocation" for a in legal_actions(s, rules))
    s.offices["ogpu_chair"] = "menzhinsky"
    assert s.figures["menzhinsky"].faction is None
    provocations = {a.to_text() for a in legal_actions(s, rules) if a.name == "police_provocation"}
    assert provocations == {"police_provocation stalin trotsky", "police_provocation stalin zinoviev"}
    view = player_view(s, rules, "stalin")
    assert "police" in capabilities(rules, view, "stalin")  # the action card agrees with the engine
    assert "police" not in capabilities(rules, view, "bukharin")


def test_a_provocation_tars_its_target_unless_the_plant_is_found_out(rules):
    p = rules.actions["police_provocation"].params
    outcomes = set()
    for seed in range(40):
        s = _police_game(rules)
        s.rng = seed * 7919 + 1
        before = (s.factions["trotsky"].exposure, s.factions["stalin"].prestige)
        after = apply_action(s, rules, Action.parse("police_provocation stalin trotsky"))
        exposed = after.factions["stalin"].prestige == before[1] - p["exposed_prestige"]
        if exposed:
            assert after.factions["trotsky"].exposure == before[0]
        else:
            assert after.factions["trotsky"].exposure == before[0] + p["exposure"]
        outcomes.add(exposed)
    assert outcomes == {True, False}  # both fates happen, drawn from the game's generator


def test_the_leningrad_opposition_can_rise_whether_or_not_the_triumvirate_still_stands(rules, fresh):
    """December 1925: with the triumvirate standing, Zinoviev's choice breaks it; with it already
    broken, the same assault is open to him (and only one of the two events can fire)."""
    from game.engine.effects import holds

    s = fresh.clone()
    s.offices["leningrad_chief"] = "zinoviev"
    s.congress_due = "Fourteenth Congress"
    with_bloc = rules.events["leningrad_opposition"].conditions
    alone = rules.events["leningrad_opposition_alone"].conditions
    s.blocs = [("stalin", "zinoviev")]
    assert holds(s, with_bloc, rules) and not holds(s, alone, rules)
    s.blocs = []
    assert holds(s, alone, rules) and not holds(s, with_bloc, rules)
    s.flags.add("new_opposition")  # the assault already made
    assert not holds(s, alone, rules)


def test_an_office_given_to_another_faction_is_not_handed_back_the_same_quarter(rules, fresh):
    """Trotsky's resignation hands the army to Frunze (an appointment, not a vacancy): Trotsky's
    faction may not move to be appointed to it again before the quarter is out."""
    from game.engine import posts

    s = _turn_of(fresh, rules, "trotsky")
    assert s.offices["war_commissar"] == "trotsky"
    s.figures["frunze"].faction = "stalin"
    posts.appoint(s, rules, "war_commissar", "frunze")
    assert not _has(s, rules, "propose_motion trotsky appoint_office war_commissar trotsky")
    s.turn += 1  # a quarter later the office may be contested again
    assert _has(s, rules, "propose_motion trotsky appoint_office war_commissar trotsky")


def test_a_body_that_has_filled_an_office_does_not_fill_it_again_at_the_same_sitting(rules, fresh):
    """Two partners of one faction each move their own man for a vacant office: the first
    appointment carried, the second lapses instead of taking the post from the first."""
    from game.engine.motions import resolve

    s = _turn_of(fresh, rules, "trotsky")
    s.offices["war_commissar"] = None
    second = Proposal("zinoviev", "appoint_office", ("war_commissar", "lashevich"))
    s.marks["appointed:war_commissar"] = s.turn  # Trotsky's own appointment carried at this sitting
    s.offices["war_commissar"] = "trotsky"
    assert resolve(s, rules, second) is None and s.offices["war_commissar"] == "trotsky"
    assert s.log[-1].event == "lapsed"
    s.turn += 1  # at the next quarter's sitting the same motion is put to the vote
    assert resolve(s, rules, second) is not None and s.log[-1].event == "vote"
