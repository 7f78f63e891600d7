#!/usr/bin/env python3
"""What an exact recombination of a run's own routes would gain: set partitioning over a route pool, by HiGHS.

Usage: python3 benchmarks/scripts/route_pool_recombination.py POOL... [--time-limit S] [--best-known DISTANCE]

POOL is a file written by `./careroute benchmark string-removals --pool-out DIR`: the routes of every plan the string
removals accepted within 1 % of the best so far (and of every best), one order per set of customers, the shortest
met, each feasible in the plan it came from. Any choice of them that serves every customer exactly once with no more
routes than the run's plan is therefore a feasible plan. This script finds the shortest such choice (a 0/1 programme:
one row per customer, one column per route, at most the plan's fleet) with scipy's HiGHS and prints, per pool:

  routes in the pool, the plan (its routes' shortest orders), the shortest choice, the gain, the linear relaxation's
  bound, how many of the plan's routes the choice replaces, the solve's seconds, and with --best-known the gaps.

Distances are printed in Solomon's units (the pool's divided by its scale). Written for docs/benchmarks.md, "What a
recombination would gain": whether a set-partitioning step is worth a MIP solver in the solver module. Needs numpy and
scipy (1.9 or later).
"""
import argparse
import sys
import time

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import csr_matrix


def read_pool(path):
    with open(path) as f:
        words = f.readline().split()
        header = dict(zip(words[0::2], words[1::2]))
        routes = []
        for line in f:
            values = line.split()
            if values:
                routes.append((int(values[0]), [int(v) for v in values[1:]]))
    return header, routes


def solve(header, routes, time_limit):
    fleet = int(header["fleet"])
    customers = max(c for _, stops in routes for c in stops)
    rows, cols = [], []
    for j, (_, stops) in enumerate(routes):
        for c in stops:
            rows.append(c - 1)
            cols.append(j)
        rows.append(customers)   # the fleet row
        cols.append(j)
    matrix = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(customers + 1, len(routes)))
    cost = np.array([d for d, _ in routes], dtype=float)
    lower = np.r_[np.ones(customers), 0]
    upper = np.r_[np.ones(customers), fleet]
    constraint = LinearConstraint(matrix, lower, upper)
    started = time.time()
    relaxed = milp(cost, constraints=constraint, bounds=Bounds(0, 1))
    exact = milp(cost, constraints=constraint, integrality=np.ones(len(routes)), bounds=Bounds(0, 1),
                 options={"time_limit": time_limit})
    seconds = time.time() - started
    chosen = [] if exact.x is None else [j for j in range(len(routes)) if exact.x[j] > 0.5]
    return relaxed.fun, exact, chosen, seconds


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pools", nargs="+")
    parser.add_argument("--time-limit", type=float, default=120, help="seconds for each exact solve (default 120)")
    parser.add_argument("--best-known", type=float, help="the instance's best-known distance, for the gaps")
    args = parser.parse_args()
    print("pool,routes,plan,shortest,gain_percent,relaxation,replaced,seconds,status"
          + (",plan_gap_percent,shortest_gap_percent" if args.best_known else ""))
    for path in args.pools:
        header, routes = read_pool(path)
        scale = float(header["scale"])
        plan = int(header["plan"])
        relaxation, exact, chosen, seconds = solve(header, routes, args.time_limit)
        if exact.x is None:
            print(f"{path},{len(routes)},{plan / scale:.2f},,,{relaxation / scale:.2f},,{seconds:.1f},{exact.message}")
            continue
        shortest = round(exact.fun)
        plan_sets = {frozenset(stops) for stops in plan_routes(header, routes)}
        replaced = sum(1 for j in chosen if frozenset(routes[j][1]) not in plan_sets)
        line = (f"{path},{len(routes)},{plan / scale:.2f},{shortest / scale:.2f},{100 * (plan - shortest) / plan:.3f},"
                f"{relaxation / scale:.2f},{replaced},{seconds:.1f},{'optimal' if exact.status == 0 else exact.message}")
        if args.best_known:
            line += (f",{100 * (plan / scale / args.best_known - 1):.2f},"
                     f"{100 * (shortest / scale / args.best_known - 1):.2f}")
        print(line)
        sys.stdout.flush()


def plan_routes(header, routes):
    """The plan's routes: the pool's first lines after the header name them (the probe writes them first)."""
    return [stops for _, stops in routes[:int(header["fleet"])]]


if __name__ == "__main__":
    main()
