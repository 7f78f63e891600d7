package io.careroute.api.access;

import java.util.Collection;
import java.util.List;

import io.careroute.api.store.Account;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A stored account as Spring Security's user, for password logins (form and HTTP Basic). */
final class AccountDetails implements UserDetails, CredentialsContainer {

    private final String id;
    private final Caller caller;
    private final boolean enabled;
    private String passwordHash;

    AccountDetails(Account account) {
        this.id = account.id();
        this.caller = new Caller(account.organisationId(), account.username(), account.role(), account.workerId(), false,
                account.id());
        this.enabled = account.enabled();
        this.passwordHash = account.passwordHash();
    }

    String id() {
        return id;
    }

    Caller caller() {
        return caller;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + caller.role().name()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return caller.name();
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;   // not kept in the session
    }
}
