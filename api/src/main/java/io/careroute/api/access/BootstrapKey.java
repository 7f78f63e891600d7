package io.careroute.api.access;

import io.careroute.api.store.AccessStore;
import io.careroute.api.store.Organisation;
import io.careroute.api.store.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The one-time bootstrap setting for installs without a console (a container): {@code careroute.bootstrap.api-key}
 * (environment {@code CAREROUTE_BOOTSTRAP_API_KEY}, at least 32 characters the operator chose) becomes an ADMIN API
 * key of the organisation {@code careroute.bootstrap.organisation} ("default" unless set), at the first start only:
 * once that organisation has a key or user, the setting is ignored (remove it then). A new organisation gets the
 * login code its name suggests ({@code default}; {@code GET /api/v1/me} shows it). The usual way is
 * {@code careroute create-admin}.
 */
@Component
class BootstrapKey {

    static final int MIN_LENGTH = 32;
    private static final Logger log = LoggerFactory.getLogger(BootstrapKey.class);

    BootstrapKey(@Value("${careroute.bootstrap.api-key:}") String key,
                 @Value("${careroute.bootstrap.organisation:default}") String organisation,
                 @Value("${careroute.demo:false}") boolean demo, AccessStore store, ApiKeys keys) {
        if (key == null || key.isBlank()) {
            if (!demo && !store.anyoneCanLogIn()) {
                log.warn("No users or API keys yet: create the first admin with `careroute create-admin "
                        + "--organisation NAME --username NAME` (README, section Access)");
            }
            return;
        }
        if (key.strip().length() < MIN_LENGTH) {
            throw new IllegalStateException("careroute.bootstrap.api-key must have at least " + MIN_LENGTH
                    + " characters");
        }
        if (keys.exists(key.strip())) {
            return;
        }
        Organisation org = store.organisationNamedOrNew(organisation);
        if (!store.apiKeys(org.id()).isEmpty() || !store.accounts(org.id()).isEmpty()) {
            log.warn("careroute.bootstrap.api-key ignored: organisation {} already has users or keys", organisation);
            return;
        }
        keys.store(org.id(), "bootstrap", Role.ADMIN, null, key.strip());
        log.info("Bootstrap ADMIN API key stored for organisation {} (its users log in as name@{}); remove "
                + "careroute.bootstrap.api-key now", organisation, org.code());
    }
}
