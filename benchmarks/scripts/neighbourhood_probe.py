#!/usr/bin/env python3
"""Whether a VRPTW plan stuck in a local optimum can leave it by a large neighbourhood, checked outside the solver.

Usage: python3 benchmarks/scripts/neighbourhood_probe.py INSTANCE.txt PLAN.sol [BEST_KNOWN.sol] [--trials N]

Times are in careroute's units (distances times 10,000, travel rounded up), as VRPTW mode solves them, so a plan the
solver called feasible is feasible here. Three neighbourhoods, each tried from PLAN and kept only when it is shorter:

1. one customer out of every route and all of them put back by an exact minimum-cost assignment, at most one a route,
   each at its cheapest feasible place (the route heads, the route tails, then random picks);
2. the K customers nearest a random customer taken out (K 8 to 30, across as many routes as they lie on) and put back
   one by one at the cheapest feasible place, in a random order or by ready time, with SISR's 1 % blinks;
3. with BEST_KNOWN: every customer whose neighbours differ from the best-known plan's taken out and put back as in 2.

Written for C1_2_9 (docs/benchmarks.md, "Restarts from the best"): it prints each neighbourhood's best and whether it
improved on PLAN. Needs numpy and scipy.
"""
import math
import random
import re
import sys

import numpy as np
from scipy.optimize import linear_sum_assignment

SCALE = 10000


def read_instance(path):
    customers, capacity = {}, None
    for line in open(path):
        parts = line.split()
        if len(parts) == 2 and parts[0].isdigit() and capacity is None:
            capacity = int(parts[1])
        if len(parts) == 7 and parts[0].isdigit():
            values = list(map(float, parts))
            customers[int(values[0])] = values[1:]   # x, y, demand, ready, due, service
    return customers, capacity


def read_routes(path):
    return [list(map(int, re.findall(r'\d+', line.split(':', 1)[1])))
            for line in open(path) if line.strip().lower().startswith('route')]


def main(argv):
    trials = 2000
    if '--trials' in argv:
        at = argv.index('--trials')
        trials = int(argv[at + 1])
        argv = argv[:at] + argv[at + 2:]
    if len(argv) < 2:
        sys.exit(__doc__)
    customers, capacity = read_instance(argv[0])
    plan = read_routes(argv[1])
    best_known = read_routes(argv[2]) if len(argv) > 2 else None

    def distance(a, b):
        return math.hypot(customers[a][0] - customers[b][0], customers[a][1] - customers[b][1])

    def feasible(route):
        time, at, load = customers[0][3] * SCALE, 0, 0
        for c in route:
            time = max(customers[c][3] * SCALE, time + math.ceil(distance(at, c) * SCALE))
            if time > customers[c][4] * SCALE:
                return False
            time += customers[c][5] * SCALE
            at, load = c, load + customers[c][2]
        return time + math.ceil(distance(at, 0) * SCALE) <= customers[0][4] * SCALE and load <= capacity

    def length(route):
        stops = [0] + route + [0]
        return sum(distance(stops[i], stops[i + 1]) for i in range(len(stops) - 1)) if route else 0

    def total(routes):
        return sum(length(r) for r in routes)

    def cheapest(route, customer, blink=0.0):
        best = None
        for k in range(len(route) + 1):
            if blink and random.random() < blink:
                continue
            candidate = route[:k] + [customer] + route[k:]
            if feasible(candidate):
                value = length(candidate) - length(route)
                if best is None or value < best[0]:
                    best = (value, candidate)
        return best

    start = total(plan)
    print(f'plan: {len(plan)} routes, {start:.2f}, every route feasible: {all(map(feasible, plan))}')
    if best_known:
        print(f'best known: {len(best_known)} routes, {total(best_known):.2f}, '
              f'every route feasible: {all(map(feasible, best_known))}')

    def reassign(pick):
        taken, rest = [], []
        for r in plan:
            k = pick(r)
            taken.append(r[k])
            rest.append(r[:k] + r[k + 1:])
        n = len(plan)
        cost = np.full((n, n), 1e12)   # no feasible place: never chosen while any assignment is feasible
        for i in range(n):
            for j in range(n):
                found = cheapest(rest[j], taken[i])
                if found:
                    cost[i, j] = length(rest[j]) + found[0]
        rows, cols = linear_sum_assignment(cost)
        return cost[rows, cols].sum()

    random.seed(1)
    assigned = min([reassign(lambda r: 0), reassign(lambda r: len(r) - 1)]
                   + [reassign(lambda r: random.randrange(len(r))) for _ in range(max(1, trials // 20))])
    print(f'1. one customer a route, exact assignment: best {assigned:.2f} ({"improves" if assigned < start - 1e-6 else "no improvement"})')

    def rebuild(removed, by_ready):
        routes = [[c for c in r if c not in removed] for r in plan]
        order = list(removed)
        random.shuffle(order)
        if by_ready:
            order.sort(key=lambda c: customers[c][3])
        for c in order:
            best = None
            for j, r in enumerate(routes):
                found = cheapest(r, c, blink=0.01)
                if found and (best is None or found[0] < best[0]):
                    best = (found[0], j, found[1])
            if best is None:
                return None
            routes[best[1]] = best[2]
        return total(routes)

    ids = [c for c in customers if c != 0]
    nearest = {c: sorted(ids, key=lambda o: distance(c, o)) for c in ids}
    random.seed(2)
    results = [rebuild(set(nearest[random.choice(ids)][:random.randint(8, 30)]), random.random() < 0.5)
               for _ in range(trials)]
    complete = [r for r in results if r is not None]
    best = min(complete) if complete else None
    print(f'2. radial ruin, greedy: {len(complete)} of {trials} complete, best '
          f'{"none" if best is None else f"{best:.2f}"} ({"improves" if best is not None and best < start - 1e-6 else "no improvement"})')

    if best_known:
        def links(routes):
            found = {}
            for r in routes:
                stops = [0] + r + [0]
                for i in range(1, len(stops) - 1):
                    found[stops[i]] = (stops[i - 1], stops[i + 1])
            return found
        ours, theirs = links(plan), links(best_known)
        differ = {c for c in ours if ours[c] != theirs[c]}
        random.seed(3)
        results = [rebuild(differ, random.random() < 0.5) for _ in range(max(1, trials // 2))]
        complete = [r for r in results if r is not None]
        best = min(complete) if complete else None
        print(f'3. the {len(differ)} customers whose neighbours differ from the best known, greedy: {len(complete)} of '
              f'{len(results)} complete, best {"none" if best is None else f"{best:.2f}"}')


if __name__ == '__main__':
    main(sys.argv[1:])
