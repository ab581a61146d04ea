package org.carereview.consult.core.access;

import io.micronaut.core.annotation.Nullable;
import org.carereview.consult.core.account.Role;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Who may see what, once (ADR 0021). Every query and controller that reads a submission asks here:
 * <ul>
 *     <li>A submission flagged for safeguarding (until the lead clears the flag) exists only for the safeguarding
 *     lead and administrators: anyone else gets 404, and it is neither listed nor counted for them. Its own
 *     sender does not see it either.</li>
 *     <li>Contact details (email, phone, a trusted adult), consents, identity and access or support needs go only
 *     to the safeguarding lead and administrators ({@link #mayContact}).</li>
 *     <li>A submission still waiting for the learned safeguarding check (queued because the model was busy or
 *     loading when it was sent) is treated as possibly flagged until the check has read it: only the lead,
 *     administrators and its own sender see it (ADR 45).</li>
 *     <li>Reviewers see the words and the triage fields of every other submission.</li>
 *     <li>A contributor sees only their own.</li>
 * </ul>
 * The SQL for "may this viewer see this submission" is spelt only here: {@link #submissions(Viewer, String)}.
 */
public final class Visibility {

    /** The roles for whom a flagged submission exists, and who may see how to reach a person. */
    public static final Set<Role> SEES_FLAGGED = Collections.unmodifiableSet(EnumSet.of(Role.ADMIN, Role.SAFEGUARDING_LEAD));

    private Visibility() {
    }

    /** {@link #SEES_FLAGGED} (or, without {@code flaggedOnly}, every staff role) as an SQL list: {@code 'ADMIN', ...}. */
    public static String rolesSql(boolean flaggedOnly) {
        return (flaggedOnly ? SEES_FLAGGED : Role.STAFF).stream().map(r -> "'" + r.name() + "'").sorted()
                .collect(Collectors.joining(", "));
    }

    /** The safeguarding lead and administrators: a flagged submission exists for them. */
    public static boolean seesFlagged(Viewer viewer) {
        return privileged(viewer.roles());
    }

    /** As {@link #seesFlagged(Viewer)}, for a caller that has only roles. */
    public static boolean seesFlagged(Set<Role> roles) {
        return privileged(roles);
    }

    /** The safeguarding lead and administrators: contact details, consents, identity, access and support needs. */
    public static boolean mayContact(Viewer viewer) {
        return privileged(viewer.roles());
    }

    /** As {@link #mayContact(Viewer)}, for a caller that has only roles. */
    public static boolean mayContact(Set<Role> roles) {
        return privileged(roles);
    }

    /** Whether this viewer may read the submission (its words) at all: owner, staff, and flagged only for the lead/admins. */
    public static boolean mayRead(Viewer viewer, @Nullable UUID owner, boolean flagged) {
        return mayRead(viewer, owner, flagged, false);
    }

    /**
     * As {@link #mayRead(Viewer, UUID, boolean)}, for a submission that may still be waiting for the learned check:
     * until it has been read, only the lead, administrators and its own sender may read it.
     */
    public static boolean mayRead(Viewer viewer, @Nullable UUID owner, boolean flagged, boolean awaitingCheck) {
        if (flagged) {
            return seesFlagged(viewer);
        }
        if (awaitingCheck) {
            return seesFlagged(viewer) || isOwner(viewer, owner);
        }
        return viewer.isStaff() || isOwner(viewer, owner);
    }

    /**
     * Whether this viewer may read the whole record, identity and contact included: its owner (unless it is
     * flagged) and the lead and administrators. Reviewers read such records only through triage and scoring.
     */
    public static boolean mayReadWhole(Viewer viewer, @Nullable UUID owner, boolean flagged) {
        return (!flagged && isOwner(viewer, owner)) || mayContact(viewer);
    }

    /**
     * The SQL condition (to AND onto a WHERE) under which a staff viewer may see submission rows aliased
     * {@code alias} ("" when the table is not aliased): empty for the lead and administrators, otherwise
     * flagged rows are left out.
     */
    public static String submissions(Viewer viewer, String alias) {
        return seesFlagged(viewer) ? "" : unflagged(alias);
    }

    /** As {@link #submissions(Viewer, String)}, for a caller that has already asked {@link #seesFlagged}. */
    public static String submissions(boolean flaggedVisible, String alias) {
        return flaggedVisible ? "" : unflagged(alias);
    }

    /**
     * Flagged rows, and rows still waiting for the learned check, left out for everyone (reviewers, exports,
     * public counts, summaries).
     */
    public static String unflagged(String alias) {
        return notFlagged(alias) + " AND NOT EXISTS (SELECT 1 FROM safeguarding_check_queue wq WHERE wq.submission_id = "
                + (alias.isEmpty() ? "submission" : alias) + ".id)";
    }

    /**
     * Flagged rows left out, for a sender's own list: their own submission waiting for the learned check is
     * theirs to see (and withdraw); once flagged it is not.
     */
    public static String sendersOwn(String alias) {
        return notFlagged(alias);
    }

    /**
     * Only flagged rows, or only unflagged ones: a filter a viewer who sees flagged rows chose (rows waiting for
     * the learned check count as unflagged for them).
     */
    public static String flaggedFilter(boolean flagged, String alias) {
        return flagged ? " AND " + column(alias) : notFlagged(alias);
    }

    private static String notFlagged(String alias) {
        return " AND NOT " + column(alias);
    }

    private static String column(String alias) {
        return alias.isEmpty() ? "safeguarding" : alias + ".safeguarding";
    }

    private static boolean isOwner(Viewer viewer, @Nullable UUID owner) {
        return owner != null && owner.equals(viewer.accountId());
    }

    private static boolean privileged(Set<Role> roles) {
        return roles.stream().anyMatch(SEES_FLAGGED::contains);
    }
}
