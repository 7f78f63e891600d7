-- The solve queue's gate: one row that every admission to the queue locks (select ... for update) before it counts
-- the plans queued or solving and stores its own, in one transaction. Two instances admitting at the same moment
-- then take turns: the second counts after the first has stored its plan, so the bound holds across instances.
-- Portable SQL (PostgreSQL and H2 in PostgreSQL mode), as V1.
create table solve_queue_gate (
    id  integer primary key
);
insert into solve_queue_gate (id) values (1);
