package org.carereview.consult.core.access;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import org.carereview.consult.core.account.Role;
import org.carereview.consult.core.apikey.ApiKeyCaller;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who is asking: their account (null when nobody is signed in, or when an integration calls with its key) and
 * their roles. What they may see is {@link Visibility}'s to say; {@link #seesFlagged()} and {@link #seesContact()}
 * only ask it. {@link #actorId()} is who the audit log names: the account, or the key (ADR 26).
 */
public record Viewer(@Nullable UUID accountId, Set<Role> roles, @Nullable UUID actorId) {

    public Viewer {
        roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    /** A person (or nobody): the audit log names their account. */
    public Viewer(@Nullable UUID accountId, Set<Role> roles) {
        this(accountId, roles, accountId);
    }

    /** The signed-in person, or {@link #anonymous()} when there is none. */
    public static Viewer of(@Nullable Authentication authentication) {
        if (authentication == null) {
            return anonymous();
        }
        Optional<UUID> key = ApiKeyCaller.keyOf(authentication);
        if (key.isPresent()) {
            return new Viewer(null, roles(authentication.getRoles()), key.get());
        }
        return new Viewer(UUID.fromString(authentication.getName()), roles(authentication.getRoles()));
    }

    public static Viewer anonymous() {
        return new Viewer(null, Set.of());
    }

    /** The roles named by these strings (as in a token); unknown names are ignored. */
    public static Set<Role> roles(Collection<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : names) {
            for (Role role : Role.values()) {
                if (role.name().equals(name)) {
                    roles.add(role);
                }
            }
        }
        return roles;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Whether a submission flagged for safeguarding exists for them. */
    public boolean seesFlagged() {
        return Visibility.seesFlagged(this);
    }

    /** Whether they may see how to reach a person, and the person's access and support needs. */
    public boolean seesContact() {
        return Visibility.mayContact(this);
    }

    public boolean isStaff() {
        return roles.stream().anyMatch(Role::isStaff);
    }
}
