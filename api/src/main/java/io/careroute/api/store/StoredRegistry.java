package io.careroute.api.store;

import io.careroute.data.registry.RegistryDocument;

/** One version of a register and its document (registry.json). */
public record StoredRegistry(RegistryVersion version, RegistryDocument document) {
}
