package io.careroute.api.store;

/**
 * What a user or API key may do within its organisation. ADMIN also manages the organisation's users and keys;
 * KITCHEN plans meals only; VIEWER reads; WORKER sees only their own route.
 */
public enum Role {
    ADMIN, DISPATCHER, KITCHEN, VIEWER, WORKER
}
