"""The commands about the rule files: ``validate`` (every problem as file:line, and the sources'
coverage), ``schema`` (the JSON Schema, or the modder's guide) and ``scenarios``."""

from __future__ import annotations

import sys
from pathlib import Path

from game.cli.common import rules_for
from game.ruleset import BASE
from game.ruleset.loader import errors
from game.ruleset.validate import coverage, source_report, unverified


def add_parsers(sub) -> None:
    """``validate``, ``schema`` and ``scenarios``."""
    val = sub.add_parser("validate", help="check the rule files")
    val.add_argument("--rules", metavar="DIR", help="a rules folder instead of rules/base")
    val.add_argument("--mod", action="append", default=[], metavar="ID|DIR", help="a mod (id or folder) over the rules")
    val.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text: one 'file:line:col: severity: message [id]' line per problem; json: one document",
    )
    val.set_defaults(func=cmd_validate)
    sch = sub.add_parser("schema", help="print the JSON Schema of the rule files (or the modder's guide)")
    sch.add_argument("--guide", action="store_true", help="the modder's guide (rules/README.md) instead")
    sch.add_argument("--mod", action="store_true", help="the schema of a mod's files (overrides give only some keys)")
    sch.add_argument("--out", metavar="FILE", help="write to FILE instead of printing")
    sch.set_defaults(func=cmd_schema)
    sc = sub.add_parser("scenarios", help="list the scenarios")
    sc.add_argument("--mod", action="append", default=[], metavar="ID|DIR")
    sc.set_defaults(func=cmd_scenarios)


def _tally(problems) -> str:
    n_err = len(errors(problems))
    return f"{n_err} error(s), {len(problems) - n_err} warning(s)"


def cmd_validate(args) -> int:
    import json

    from game.ruleset.loader import load

    rules, problems = load(args.mod, base=Path(args.rules) if args.rules else BASE)
    usage = [p for p in problems if p.file == "--mod"]
    if usage:  # a mod that is neither installed nor a folder: bad usage, not a broken rule file
        for p in usage:
            print(f"validate: {p.message}", file=sys.stderr)
        return 2
    if args.format == "json":
        print(
            json.dumps(
                {
                    "ok": not errors(problems),
                    "mods": rules.mod_labels() if rules else [],
                    "errors": len(errors(problems)),
                    "warnings": len(problems) - len(errors(problems)),
                    "problems": [p.to_json() for p in problems],
                },
                indent=1,
                ensure_ascii=False,
            )
        )
        return 1 if errors(problems) else 0
    for p in problems:
        print(p)
    if errors(problems):
        print(_tally(problems))
        return 1
    if problems:
        print(_tally(problems))
    cited, total = coverage(rules)
    counts = ", ".join(f"{len(v)} {k}" for k, v in rules.by_kind.items() if v)
    print(f"rules ok: {counts}")
    for mod in rules.mods:
        print(f"mod {mod.label}: {mod.name}")
    print(f"citations: {cited}/{total} historical entries carry a verified source ({100 * cited // max(total, 1)}%)")
    rep = source_report(rules)
    print(f"  {rep['seed']} cite the seed documents, every quote found in the lines it names")
    print(f"  {rep['outside_quote']} rest on outside texts quoted word for word (not checkable here)")
    if rep["paraphrase_only"]:
        print(f"  {rep['paraphrase_only']} rest only on outside works paraphrased, without a verified citation:")
        for kind, entry_id in unverified(rules):
            print(f"    {kind}.{entry_id}")
    print(
        f"  in all: {rep['seed_citations']} seed quotes, {rep['outside_quotes']} outside quotes, "
        f"{rep['paraphrases']} paraphrases of works not at hand"
    )
    return 0


def cmd_schema(args) -> int:
    """The JSON Schema of the rule files, or (``--guide``) the modder's guide."""
    import json

    from game.ruleset import guide, schema

    text = guide.build() if args.guide else json.dumps(schema.build(args.mod), indent=1, ensure_ascii=False) + "\n"
    if args.out is None:
        sys.stdout.write(text)
        return 0
    from game.match.replay import write_atomic

    try:
        write_atomic(Path(args.out), text)
    except OSError as exc:
        print(f"cannot write {args.out}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(f"wrote {args.out}")
    return 0


def cmd_scenarios(args) -> int:
    rules = rules_for(args.mod)
    if rules is None:
        return 1
    from game.engine.state import turn_date
    from game.present.phrases import scenario_order

    for sid in scenario_order(rules):
        sc = rules.scenarios[sid]
        year, quarter = turn_date(int(sc.start[:4]), int(sc.start[-1]), sc.turns - 1)
        end = f"{year}-Q{quarter}"
        print(f"{sid}  [{sc.kind}]  {sc.start} to {end}, {sc.turns} turns  {sc.name}")
        print(f"    {sc.summary}")
        if sc.premise:
            print(f"    Premise: {sc.premise}")
    return 0
