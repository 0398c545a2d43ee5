"""How to play: the board's panels, the turn, and where the words of the period are explained, for a
newcomer (no numbers: those live in the rule files and the tooltips)."""

from __future__ import annotations

from game.ui.scenes.dialog import MessageScene

GUIDE = """\
The struggle. Lenin is dying or dead; four factions fight to lead the party. Power runs in a circle: the General Secretary's Secretariat appoints the party secretaries of the regions; the secretaries pick the delegates to the Party Congress; the Congress elects the Central Committee; the Central Committee elects the Politburo and the Secretariat. Whoever holds the Secretariat can make the circle turn his way — slowly, quarter by quarter. Prestige, the press, strong local machines, government posts, Lenin's Testament and the mood of the workers are the counterweights.

A turn is a quarter of a year. Events come first (some ask a faction to choose), then income, then the factions act one action at a time until each has spent its action points or ended its turn, then the motions on the agenda are voted, and a Congress meets when one is due.

The board, left to right:
• Offices: who holds each post, with the badge of his faction (colour and symbol).
• Politburo, Secretariat, Central Committee: the men at the top, and the seats each faction holds; "if the Congress met now" shows the delegates each faction would bring today.
• Press: each paper and who controls it (the dots are its reach).
• Party organisations: each region's secretary and his faction, his hold on the organisation (black bar), the rank and file's sympathy (coloured bar) and its delegates (red number). A delegation follows its secretary unless the sympathy against him is overwhelming.
• Opinion and the times: the trackers, each on its scale between two labelled ends.
• Factions: everyone's public standing; your own row adds your influence and action points. Exposure measures how far the ban on factions can be used against you; Lenin's mantle, your standing as his heir.
• Your objectives: the goals history sets your faction, and how you stand on each now.
• Agenda: the motions waiting for a vote, when each will be voted and how it would go now, and in dark red what the next quarter's opening brings you (a censure coming, say) and the lines it turns on.
• Chronicle: what happened, the public news and your own secrets (dark red).

The action bar keeps every action in the same place. A greyed action is out of reach now: its tooltip says why. Choosing a target shows what the action would change; a motion shows how the vote would go if it met now. Actions that cannot be taken back ask first. After each move the board waits for you: Done (Enter) passes play on, and until then Undo (Ctrl+Z) takes the move back, unless something random or hidden came out of it.

Each quarter ends in one place: a summary of what changed for you (your standing, influence, prestige, exposure, offices, seats, regions and goals), every vote — who voted how, with how many votes, and why, and which figure turned out to be another faction's secret contact — the Congress, and the events that hit you, before any new event card. History (the H key) pages back through every earlier quarter's summary.

Words of the period. The encyclopedia explains them: a glossary (the Secretariat, the Orgburo, Rabkrin, NEP, the smychka, the ban on factions, the Lenin Levy, the Testament…), who each figure was and what became of him, what each office and body did, every event and scenario, each with the passages of the documents it comes from. On the board, a click on a panel's black heading opens its entry (Offices, the party bodies, Press, Party organisations…), and F1 over anything with a tooltip opens the entry the tooltip names (over nothing, F1 opens this guide). In an entry, underlined words are links to other entries; Back returns to the entry you came from.

Keyboard: Tab or the arrows move between buttons, Enter presses, Escape goes back (on the board: the game menu), H opens the history, F1 the entry of what the mouse is over (or this guide); in a list of targets, typing a choice's number picks it (a number stays with its target all game).
"""


class GuideScene(MessageScene):
    def __init__(self, app):
        super().__init__(app, "How to play", GUIDE, [("Close", None)], 0.86, 0.9)
