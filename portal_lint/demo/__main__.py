"""`python -m portal_lint.demo serve [--as-of D] [--out DIR]`: serve the demo farm until Ctrl-C."""

from __future__ import annotations

import argparse
import time
from datetime import date
from pathlib import Path

from portal_lint.demo.farm import build_farm, default_specs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m portal_lint.demo")
    sub = ap.add_subparsers(dest="cmd", required=True)
    sp = sub.add_parser("serve", help="serve the demo portals on 127.0.0.1")
    sp.add_argument("--as-of", type=date.fromisoformat, default=date(2026, 11, 23))
    sp.add_argument("--out", type=Path, default=None, help="write sites.yaml and ground truth here")
    args = ap.parse_args(argv)
    farm = build_farm(default_specs(), as_of=args.as_of)
    with farm.serve() as running:
        for sid, url in running.urls.items():
            print(f"{sid:20s} {url}")
        if args.out:
            running.write_sites_yaml(args.out / "sites.yaml")
            running.write_ground_truth(args.out / "ground-truth")
            print(f"sites.yaml and ground truth written to {args.out}")
        print("Ctrl-C to stop", flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
