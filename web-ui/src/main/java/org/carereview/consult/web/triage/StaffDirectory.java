package org.carereview.consult.web.triage;

import io.micronaut.core.annotation.Nullable;
import org.carereview.consult.core.access.Visibility;
import org.carereview.consult.core.account.AccountService;
import org.carereview.consult.core.account.AccountView;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Staff accounts for one page: who can be assigned work, and an email for each account id shown. */
final class StaffDirectory {

    private final AccountService accounts;
    private final List<AccountView> staff;
    private final Map<UUID, String> emails = new HashMap<>();

    StaffDirectory(AccountService accounts) {
        this.accounts = accounts;
        this.staff = accounts.staff().stream().sorted(Comparator.comparing(AccountView::email)).toList();
        staff.forEach(a -> emails.put(a.id(), a.email()));
    }

    /** Enabled staff; for a flagged submission only the safeguarding lead and administrators. */
    List<AccountView> assignable(boolean flagged) {
        return staff.stream().filter(a -> !a.disabled())
                .filter(a -> !flagged || Visibility.seesFlagged(a.roles()))
                .toList();
    }

    /** The account's email, or "Nobody" for none; an account that no longer exists reads "A former account". */
    String email(@Nullable UUID id) {
        if (id == null) {
            return "Nobody";
        }
        return emails.computeIfAbsent(id, i -> accounts.find(i).map(AccountView::email).orElse("A former account"));
    }

    /** As {@link #email(UUID)}, for an id written as text in the history. */
    String email(@Nullable String id) {
        if (id == null || id.isBlank()) {
            return "Nobody";
        }
        try {
            return email(UUID.fromString(id));
        } catch (IllegalArgumentException notAnId) {
            return id;
        }
    }
}
