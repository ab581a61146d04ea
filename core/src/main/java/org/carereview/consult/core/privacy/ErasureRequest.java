package org.carereview.consult.core.privacy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.carereview.consult.core.account.Emails;
import org.carereview.consult.core.problem.FieldError;
import org.carereview.consult.core.problem.InvalidInputException;

import java.util.List;

/** Who an administrator asks about: an email address or a submission's reference, exactly one of them. */
@Serdeable
public record ErasureRequest(@Nullable String email, @Nullable String reference) {

    /** The person asked about, or 422 with a field error saying what to change. */
    public Person person() {
        boolean hasEmail = email != null && !email.isBlank();
        boolean hasReference = reference != null && !reference.isBlank();
        if (hasEmail == hasReference) {
            throw new InvalidInputException(List.of(new FieldError(hasEmail ? "reference" : "email",
                    hasEmail ? "Enter an email address or a reference, not both"
                            : "Enter the email address or the reference of the person who asked")));
        }
        if (hasEmail) {
            if (!Emails.isValid(email)) {
                throw new InvalidInputException("email", Emails.FORMAT_MESSAGE);
            }
            return Person.email(email);
        }
        if (!Person.isReference(reference)) {
            throw new InvalidInputException("reference", "Enter a reference like CFA-7K3M-9QX2, EBE-... or DDF-...");
        }
        return Person.reference(reference);
    }
}
