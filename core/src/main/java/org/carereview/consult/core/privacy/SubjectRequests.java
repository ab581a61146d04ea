package org.carereview.consult.core.privacy;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.carereview.consult.core.audit.AuditAction;
import org.carereview.consult.core.audit.AuditLog;

import java.util.UUID;

/**
 * Subject access and erasure (ADR 0020): a signed-in person gets a copy of, or erases, everything held about
 * them; an administrator does both for someone who asks by email or by reference. Every find, export and erasure
 * is audited with counts and ids only, never an address or a word anyone wrote.
 */
@Singleton
public class SubjectRequests {

    private final HeldReader reader;
    private final Eraser eraser;
    private final AuditLog audit;

    SubjectRequests(HeldReader reader, Eraser eraser, AuditLog audit) {
        this.reader = reader;
        this.eraser = eraser;
        this.audit = audit;
    }

    /** The signed-in person's own copy: submissions flagged for safeguarding are the lead's, and left out. */
    @Transactional
    public HeldData yours(UUID account) {
        HeldData held = reader.read(reader.resolve(Person.account(account)), true);
        audit.record(account, AuditAction.SUBJECT_ACCESS, null, "own copy: " + held.counts());
        return held;
    }

    /** Erases the signed-in person's account and everything it owns. */
    @Transactional
    public Erased eraseYours(UUID account) {
        Subject who = reader.resolve(Person.account(account));
        return erase(account, who, "of own account");
    }

    /** What is held about someone who asked (an administrator looking before exporting or erasing). */
    @Transactional
    public HeldData find(UUID administrator, Person who) {
        HeldData held = reader.read(reader.resolve(who), false);
        audit.record(administrator, AuditAction.SUBJECT_ACCESS, null, "find by " + by(who) + ": " + held.counts());
        return held;
    }

    /** The copy an administrator sends to someone who asked. */
    @Transactional
    public HeldData export(UUID administrator, Person who) {
        HeldData held = reader.read(reader.resolve(who), false);
        audit.record(administrator, AuditAction.SUBJECT_ACCESS, null, "export by " + by(who) + ": " + held.counts());
        return held;
    }

    @Transactional
    public Erased erase(UUID administrator, Person who) {
        return erase(administrator, reader.resolve(who), "by " + by(who));
    }

    private Erased erase(UUID actor, Subject who, String how) {
        HeldData held = reader.read(who, false);
        Erased erased = eraser.erase(who, held);
        held.submissions().stream().filter(s -> !s.keptForSafeguarding()).forEach(s ->
                audit.record(actor, AuditAction.ERASE, UUID.fromString(s.id()), "submission erased"));
        audit.record(actor, AuditAction.ERASE, null, "erasure " + how + ": " + erased.counts());
        return erased;
    }

    private static String by(Person who) {
        return who.account() != null ? "account" : who.email() != null ? "email" : "reference";
    }
}
